"""Text from files made safe to show on a terminal.

A role file, a posting or a file name can hold characters that a terminal obeys
instead of showing: ESC starts a sequence that clears the screen, moves the cursor,
sets the window title or (in some terminals) writes a file; BEL rings; a lone CR
moves back to overwrite what was printed; bidirectional overrides reorder a line so
that it reads differently from what it holds. Every text that came from a file goes
through :func:`safe` before it reaches a terminal (error messages, findings, file
names), so each such character is shown as an escape (``\\x1b``, ``\\u202e``) instead.

Printable text of every script, emoji with their joiners and combining marks pass
through unchanged.
"""

from __future__ import annotations

import re
from typing import IO, Any

_UNSAFE = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 controls but tab and newline, DEL, C1 controls
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional marks, embeddings and isolates
    "\u2028\u2029"  # line and paragraph separators
)
_SAFE_BLOCK = re.compile(f"[{_UNSAFE}]")
_SAFE_LINE = re.compile(f"[{_UNSAFE}\n\t]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: object) -> str:
    """``text`` on one line with every control, line break and bidi override shown as an escape."""
    shown = str(text)
    return _SAFE_LINE.sub(_escape, shown) if _SAFE_LINE.search(shown) else shown


def safe_block(text: object) -> str:
    """``text`` with its lines and tabs kept, every other control or override shown as an escape."""
    shown = str(text)
    return _SAFE_BLOCK.sub(_escape, shown) if _SAFE_BLOCK.search(shown) else shown


def is_safe(text: str) -> bool:
    """Whether ``text`` (lines and tabs allowed) holds nothing a terminal would obey."""
    return _SAFE_BLOCK.search(text) is None


class SafeStream:
    """A text stream that escapes what a terminal would obey in everything written to it.

    Commands write their messages to ``Env.stderr``; wrapping it here makes every message
    safe at once, whatever text or file name it quotes. Rich consoles write their own
    escape sequences, so they are given :attr:`raw` instead.
    """

    def __init__(self, raw: IO[str]) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(safe_block(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


def raw_stream(stream: Any) -> Any:
    """The stream behind a :class:`SafeStream` (or ``stream`` itself)."""
    return stream.raw if isinstance(stream, SafeStream) else stream
