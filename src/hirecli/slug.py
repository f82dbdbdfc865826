"""Ids made from names: role ids from titles and file names, stage ids from stage names."""

from __future__ import annotations

import unicodedata

MAX_LENGTH = 80


def slugify(text: str, default: str = "role") -> str:
    """``Mental Health Professional`` -> ``mental-health-professional`` (ASCII, at most 80)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    chars = "".join(ch.lower() if ch.isalnum() else "-" for ch in ascii_text)
    slug = "-".join(part for part in chars.split("-") if part)
    return slug[:MAX_LENGTH].strip("-") or default
