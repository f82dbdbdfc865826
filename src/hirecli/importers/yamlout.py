"""YAML that means the same to every reader: ambiguous strings quoted, long text folded.

PyYAML's safe dumper already quotes strings that YAML 1.1 would read as something
else (NO, yes, 1.10, 0777); we also quote what YAML 1.2 tools or spreadsheets turn into
numbers or dates ("21-1014.00", "0o17", "y"), never wrap list items, and fold a long
single-paragraph summary the way a person would write it.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml
from yaml.emitter import Emitter
from yaml.representer import SafeRepresenter
from yaml.resolver import Resolver
from yaml.serializer import Serializer

WIDTH = 88
_NUMERIC_LOOKING = re.compile(r"^[\s\d.,:+\-/_eE]*\d[\s\d.,:+\-/_eE]*$|^0[oOxXbB][0-9a-fA-F_]+$")
_SHORT_BOOLS = frozenset({"y", "Y", "n", "N", "=", "~"})


class Folded(str):
    """A string written in folded block style (``>-``), wrapped at the dumper's width."""


class Flow(list[Any]):
    """A list written inline: ``[Healthcare, Counseling]``."""


class _Emitter(Emitter):
    """Never splits plain or quoted scalars across lines; only folded blocks wrap."""

    def write_plain(self, text: str, split: bool = True) -> None:
        super().write_plain(text, split=False)

    def write_double_quoted(self, text: str, split: bool = True) -> None:
        super().write_double_quoted(text, split=False)

    def write_single_quoted(self, text: str, split: bool = True) -> None:
        super().write_single_quoted(text, split=False)

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


class _Dumper(_Emitter, Serializer, SafeRepresenter, Resolver):
    def __init__(self, stream: Any, **kwargs: Any) -> None:
        _Emitter.__init__(
            self, stream, canonical=None, indent=2, width=WIDTH, allow_unicode=True, line_break=None
        )
        Serializer.__init__(
            self, encoding=None, explicit_start=False, explicit_end=False, version=None, tags=None
        )
        SafeRepresenter.__init__(self, default_style=None, default_flow_style=False, sort_keys=False)
        Resolver.__init__(self)

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _needs_quotes(value: str) -> bool:
    return value in _SHORT_BOOLS or bool(_NUMERIC_LOOKING.match(value))


def _represent_str(dumper: _Dumper, value: str) -> yaml.ScalarNode:
    style = None
    if isinstance(value, Folded) and "\n" not in value and len(value) > WIDTH - 12:
        style = ">"
    elif "\n" in value:
        style = "|"
    elif _needs_quotes(value):
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style=style)


def _represent_flow(dumper: _Dumper, value: Flow) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", list(value), flow_style=True)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(Folded, _represent_str)
_Dumper.add_representer(Flow, _represent_flow)


def dump_yaml(data: dict[str, Any], header: str = "") -> str:
    """``data`` as block YAML in its own key order, after ``header`` lines."""
    body = yaml.dump(data, Dumper=_Dumper)
    return header + body


def dump_json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
