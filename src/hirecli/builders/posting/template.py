"""User templates (``--template FILE``): a posting's layout and wording in Jinja2, safely.

Templates run in Jinja2's immutable sandbox with ``StrictUndefined``, so a typo such as
``{{ role.titel }}`` is an error naming the template's line instead of an empty string.
On top of the sandbox, every operation that could build a huge value (``'x' * 10**10``,
``'{:>999999999}'.format(x)``, ``center(10**9)``, doubling a string in a recursive macro)
is refused, the output is capped, and rendering stops after a time limit.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
import signal
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from hirecli.errors import InputFileError, TemplateError

if TYPE_CHECKING:
    from jinja2 import Template
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from hirecli.builders.posting.build import PostingResult
    from hirecli.model.company import Company
    from hirecli.model.role import Role

MAX_TEMPLATE_BYTES = 512 * 1024
MAX_VALUE = 1_000_000
"""The most characters or items one operation may produce."""
MAX_WORK = 20_000_000
"""The most characters, items and loop steps one rendering may produce in all."""
MAX_BITS = 65_536
"""The largest whole number, in bits, arithmetic may build."""
MAX_OUTPUT = 4 * 1024 * 1024
"""The most characters a rendered template may hold."""
TIME_LIMIT = 10.0
"""Seconds a rendering may take."""
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})

_work: contextvars.ContextVar[list[int]] = contextvars.ContextVar("hirecli_template_work")
_PERCENT_WIDTH = re.compile(r"%(?:\([^)]*\))?[-+ #0]*(?:\d{7,}|\*)|%[-+ #0]*\d*\.\d{7,}")
_BRACE_WIDTH = re.compile(r"\{[^{}]*:[^{}]*?\d{7,}[^{}]*\}")
_cache: dict[tuple[str, int, int], Template] = {}
_environments: dict[bool, ImmutableSandboxedEnvironment] = {}


class Refused(Exception):
    """A template asked for more than it may have."""


def _size(value: Any) -> int:
    return len(value) if isinstance(value, str | list | tuple | dict) else 0


def _charge(amount: int, what: str = "values") -> None:
    """Count ``amount`` against the rendering's budget of work."""
    if amount > MAX_VALUE:
        raise Refused(
            f"refused to build {what} of {amount:,} characters or items (the limit is {MAX_VALUE:,})"
        )
    budget = _work.get(None)
    if budget is not None:
        budget[0] += amount
        if budget[0] > MAX_WORK:
            raise Refused(f"refused: the template does more than {MAX_WORK:,} steps of work")


def _check_value(value: Any) -> None:
    if isinstance(value, bool):
        return
    if isinstance(value, int) and abs(value) > MAX_VALUE:
        raise Refused(f"refused the number {value:,} as an argument (the limit is {MAX_VALUE:,})")
    if _size(value) > MAX_VALUE:
        raise Refused(f"refused a value of {_size(value):,} characters or items as an argument")


def _check_args(args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    for value in (*args, *kwargs.values()):
        _check_value(value)


def _check_format(text: Any, args: tuple[Any, ...] = (), kwargs: Mapping[str, Any] | None = None) -> None:
    """Refuse a format string that pads to a million characters or more, and charge what it will
    build before it is built: every width and precision, nested ones (``{:{w}}``) included."""
    if not isinstance(text, str):
        return
    if _PERCENT_WIDTH.search(text) or _BRACE_WIDTH.search(text):
        raise Refused("refused a format with a width of a million characters or more")
    _charge(_format_size(text, args, kwargs or {}), "a formatted string")


_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-+ #0]*(\d*)(?:\.(\d*))?")
_DIGITS = re.compile(r"\d+")


def _nested(name: str, args: tuple[Any, ...], kwargs: Mapping[str, Any], auto: list[int]) -> Any:
    """The value a nested replacement field (``{w}``, ``{0}``, ``{}``) of a format spec names."""
    key = re.split(r"[.\[]", name, maxsplit=1)[0]
    if key == "":
        key, auto[0] = str(auto[0]), auto[0] + 1
    if key.isdigit():
        return args[int(key)] if int(key) < len(args) else 0
    return kwargs.get(key, 0)


def _format_size(text: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> int:
    """About how many characters formatting ``text`` builds at most, before building them."""
    import string

    size = len(text) + sum(_size(a) for a in (*args, *kwargs.values()))
    for match in _PERCENT_SPEC.finditer(text):
        size += sum(int(n) for n in match.groups() if n)
    auto = [0]
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        return size
    for _, field, spec, _ in fields:
        if field is None or not spec:
            continue
        if field == "":
            auto[0] += 1
        if "{" in spec:
            spec = re.sub(r"\{([^{}]*)\}", lambda m: str(_nested(m.group(1), args, kwargs, auto)), spec)
        size += sum(min(int(n), 10 * MAX_VALUE) for n in _DIGITS.findall(spec))
    return size


def _check_method(obj: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any] | None = None) -> None:
    """Estimate what a string method would build before it builds it."""
    method = getattr(obj, "__wrapped__", obj)
    owner = getattr(method, "__self__", None)
    if not isinstance(owner, str):
        return
    name = getattr(method, "__name__", "")
    if name == "format":
        _check_format(owner, args, kwargs)
    elif name == "format_map":
        _check_format(owner, (), args[0] if args and isinstance(args[0], Mapping) else {})
    elif name == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
        count = owner.count(args[0]) if args[0] else len(owner) + 1
        _charge(len(owner) + count * len(args[1]), "a string")
    elif name == "join" and args:
        _charge(len(owner) * max(_size(args[0]) - 1, 0), "a string")
    elif name == "expandtabs" and args and isinstance(args[0], int):
        _charge(owner.count("\t") * args[0], "a string")


def _check_bits(bits: int) -> None:
    if bits > MAX_BITS:
        raise Refused(f"refused a number of about {bits:,} bits (the limit is {MAX_BITS:,})")


def _binop(operator: str, left: Any, right: Any) -> None:
    if operator == "*":
        seq, times = (left, right) if isinstance(right, int) else (right, left)
        if isinstance(times, int) and _size(seq):
            _charge(_size(seq) * max(times, 0), "a repeated value")
        elif isinstance(left, int) and isinstance(right, int):
            _check_bits(abs(left).bit_length() + abs(right).bit_length())
    elif operator == "**" and isinstance(left, int) and isinstance(right, int) and right > 0:
        _check_bits(abs(left).bit_length() * right)
    elif operator == "+":
        _charge(_size(left) + _size(right), "a joined value")
    elif operator == "%" and isinstance(left, str):
        _check_format(left, right if isinstance(right, tuple) else (right,))
        for value in right if isinstance(right, tuple) else (right,):
            _check_value(value)


def _guard_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that refuses huge arguments and results."""

    def guarded(*args: Any, **kwargs: Any) -> Any:
        _check_args(args, kwargs)
        text = [a for a in args if isinstance(a, str)]
        if name == "format" and text:
            _check_format(text[0], tuple(args[1:]), kwargs)
        elif name == "replace" and len(text) >= 3:
            value, old, new = text[:3]
            _charge(len(value) + (value.count(old) if old else len(value) + 1) * len(new), "a string")
        elif name == "indent" and text:
            width = args[1] if len(args) > 1 else kwargs.get("width", 4)
            lines = text[0].count("\n") + 1
            _charge(lines * (width if isinstance(width, int) else len(str(width))), "an indented string")
        result = func(*args, **kwargs)
        _charge(_size(result), f"the result of '{name}'")
        return result

    for attr in ("jinja_pass_arg", "__name__", "__doc__"):
        if hasattr(func, attr):
            with contextlib.suppress(AttributeError, TypeError):
                setattr(guarded, attr, getattr(func, attr))
    return guarded


def _counted_range(*args: int) -> range:
    span = range(*args)
    _charge(len(span), "a range")
    return span


def _environment(autoescape: bool) -> ImmutableSandboxedEnvironment:
    if autoescape in _environments:
        return _environments[autoescape]
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment
    from jinja2.utils import Namespace

    class GuardedNamespace(Namespace):
        def __setitem__(self, name: str, value: Any) -> None:
            _check_value(value)
            _charge(_size(value), "a namespace value")
            super().__setitem__(name, value)

    class Sandbox(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "+", "%"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            _binop(operator, left, right)
            return super().call_binop(context, operator, left, right)

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            _check_args(args, kwargs)
            _check_method(__obj, args, kwargs)
            result = super().call(__context, __obj, *args, **kwargs)
            _charge(_size(result), "a call's result")
            return result

    env = Sandbox(undefined=StrictUndefined, autoescape=autoescape, keep_trailing_newline=True)
    env.filters = {name: _guard_filter(name, func) for name, func in env.filters.items()}
    env.globals["range"] = _counted_range
    env.globals["namespace"] = GuardedNamespace
    env.globals.pop("lipsum", None)
    _environments[autoescape] = env
    return env


def _read(path: Path) -> str:
    try:
        if path.is_dir():
            raise InputFileError(f"{path}: is a folder, not a template file")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError(f"{path}: no such template file") from None
    except PermissionError:
        raise InputFileError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read ({exc.strerror})") from None
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateError(f"{path}: the template is larger than {MAX_TEMPLATE_BYTES:,} bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TemplateError(f"{path}: not UTF-8 text (byte {exc.start + 1})") from None


def _line(tb: TracebackType | None, filename: str) -> int | None:
    """The last template line the traceback passed through (Jinja2 maps its frames to them)."""
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _where(path: Path, line: int | None) -> str:
    return f"{path}:{line}" if line else str(path)


def load_template(path: str | Path) -> Template:
    """The compiled template at ``path``, compiled once per process while the file is unchanged."""
    from jinja2 import TemplateSyntaxError

    file = Path(path)
    try:
        stat = file.stat()
    except FileNotFoundError:
        raise InputFileError(f"{file}: no such template file") from None
    except OSError as exc:
        raise InputFileError(f"{file}: cannot read ({exc.strerror})") from None
    key = (str(file.resolve()), stat.st_mtime_ns, stat.st_size)
    if key in _cache:
        return _cache[key]
    source = _read(file)
    env = _environment(bool(HTML_SUFFIXES & {s.lower() for s in file.suffixes}))
    try:
        code = env.compile(source, name=file.name, filename=key[0])
    except TemplateSyntaxError as exc:
        raise TemplateError(f"{_where(file, exc.lineno)}: {exc.message}") from None
    template = env.template_class.from_code(env, code, env.make_globals(None))
    _cache[key] = template
    return template


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Stop a rendering that runs too long (where the platform and thread allow a timer)."""
    import threading

    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: Any) -> None:
        raise Refused(f"refused: rendering took longer than {seconds:g} seconds")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def render_template(path: str | Path, context: Mapping[str, Any]) -> str:
    """Render the template at ``path``; every failure is a :class:`TemplateError` with its line."""
    from jinja2 import TemplateError as JinjaError

    file = Path(path)
    template = load_template(file)
    filename = template.filename or str(file)
    parts: list[str] = []
    size = 0
    token = _work.set([0])
    try:
        with _time_limit(TIME_LIMIT):
            for chunk in template.generate(dict(context)):
                size += len(chunk)
                if size > MAX_OUTPUT:
                    raise Refused(f"refused: the output is larger than {MAX_OUTPUT:,} characters")
                parts.append(chunk)
    except (
        Refused,
        JinjaError,
        ArithmeticError,
        TypeError,
        ValueError,
        LookupError,
        AttributeError,
        RecursionError,
        MemoryError,
    ) as exc:
        line = _line(sys.exc_info()[2], filename)
        message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        if isinstance(exc, RecursionError):
            message = "refused: macros call themselves too deeply"
        elif isinstance(exc, MemoryError):
            message = "refused: out of memory"
        raise TemplateError(f"{_where(file, line)}: {message}") from None
    finally:
        _work.reset(token)
    return "".join(parts)


def template_context(result: PostingResult, role: Role, company: Company | None) -> dict[str, Any]:
    """What a template sees: plain data about the role, the company and the built posting."""
    from hirecli.builders.posting.facts import pay_text
    from hirecli.channels import SECTIONS

    strings = result.section_strings()
    headings = {section.name: section.heading for section in result.sections}
    meta = result.document.meta
    return {
        "role": role.model_dump(mode="json"),
        "company": company.model_dump(mode="json") if company else None,
        "title": result.title,
        "pay": pay_text(role, company),
        "facts": {label: "".join(part.text for part in value) for label, value in result.facts},
        "sections": {name: strings.get(name, []) for name in SECTIONS},
        "headings": {name: headings.get(name, "") for name in SECTIONS},
        "order": [section.name for section in result.sections],
        "channel": result.channel.name,
        "date": meta.date,
        "structured_data": meta.structured_data,
    }
