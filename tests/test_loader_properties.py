"""Property-based tests: whatever bytes arrive, the loader answers with problems, never a crash."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from hirecli.cli.main import app
from hirecli.errors import ExitCode, Problem, ValidationFailed
from hirecli.model.loader import load_role_text

KEYS = [
    "title",
    "tags",
    "summary",
    "location",
    "country",
    "compensation",
    "min",
    "max",
    "skills",
    "hard",
    "must_have",
    "responsibilities",
    "primary",
    "experience",
    "min_years",
    "id",
    "x",
]
SCALARS = [
    "X",
    "NO",
    "yes",
    "1.10",
    "01234",
    "1:30",
    "2024-01-01",
    "~",
    "''",
    "-5",
    "55000",
    "&a x",
    "*a",
    "!!python/object:os.system",
    "[a, b]",
    "{k: v}",
    "|",
    ">-",
    '"q\\x07"',
    "é",
]


def _problems(text: str | bytes) -> tuple[Problem, ...]:
    """The problems the loader reports; any other exception fails the test."""
    try:
        load_role_text(text, "fuzz.yaml")
    except ValidationFailed as exc:
        if not exc.problems:
            raise AssertionError("a validation failure without problems") from exc
        return exc.problems
    return ()


yamlish = st.recursive(
    st.sampled_from(SCALARS),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(lambda items: "[" + ", ".join(items) + "]"),
        st.lists(st.tuples(st.sampled_from(KEYS), inner), max_size=4).map(
            lambda pairs: "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"
        ),
    ),
    max_leaves=12,
)

documents = st.lists(
    st.tuples(st.sampled_from(KEYS), st.integers(0, 4), yamlish), min_size=0, max_size=8
).map(lambda lines: "\n".join(" " * indent + f"{key}: {value}" for key, indent, value in lines))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_structured_yamlish_input_never_crashes(text: str) -> None:
    for problem in _problems(text):
        assert problem.line >= 1
        assert problem.column >= 1
        assert problem.message


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_crash(data: bytes) -> None:
    assert all(p.line >= 1 for p in _problems(data))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_cli_validate_on_random_text_ends_with_a_documented_code(text: str) -> None:
    result = CliRunner().invoke(app, ["validate", "-"], input=text)
    assert result.exit_code in (ExitCode.OK, ExitCode.INVALID)
    assert "Traceback" not in result.output
    assert "internal error" not in result.output
