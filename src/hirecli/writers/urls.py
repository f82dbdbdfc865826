"""Which link targets a writer may make clickable: shared by the HTML and text writers."""

from __future__ import annotations

import re
import unicodedata

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_WEB = re.compile(r"https?://[^/]", re.IGNORECASE)


def safe_url(url: str) -> str:
    """``url`` when it is an absolute http, https or mailto address; otherwise "".

    Anything else (``javascript:``, ``data:``, relative or protocol-relative
    addresses, addresses with spaces or control characters) is shown as text only.
    """
    url = url.strip()
    if not url or any(ch.isspace() or unicodedata.category(ch) == "Cc" for ch in url):
        return ""
    match = _SCHEME.match(url)
    if match is None or match.group(1).lower() not in SAFE_SCHEMES:
        return ""
    if match.group(1).lower() != "mailto" and not _WEB.match(url):
        return ""
    return url
