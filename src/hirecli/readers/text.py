"""Plain text: one block per non-blank line; a line led by a bullet sign is a bullet.

Plain text says nothing else for sure: whether a short line is a heading, or a line
continues the one before it, is for the consumer to judge (the importer's classifier,
the linter's layout). Tabs are expanded so that indentation can be compared.
"""

from __future__ import annotations

import re

from hirecli.readers.model import Block, SourceDoc

GLYPHS = "•·▪◦●○■□►▸‣⁃✓✔➤→»❖◆◇–—"
_BULLET = re.compile(rf"^(?P<indent>\s*)(?P<marker>[-*+{GLYPHS}]|\d{{1,2}}[.)]|\(\d{{1,2}}\))\s+(?=\S)")


def read_text(text: str, name: str = "<text>") -> SourceDoc:
    """The lines of ``text`` as blocks; bullets keep their marker and indentation.

    A block's text and column are as written (a tab is one column, as an editor counts
    characters); ``indent`` and ``source`` have tabs expanded, to compare indentation.
    """
    doc = SourceDoc(name, "text")
    lists = 0
    previous: Block | None = None
    for number, original in enumerate(text.splitlines(), 1):
        written = original.rstrip()
        line = written.expandtabs(4)
        if not line.strip():
            previous = None
            continue
        indent = len(line) - len(line.lstrip())
        bullet = _BULLET.match(written)
        if bullet:
            if previous is None or previous.kind != "bullet":
                lists += 1
            depth = 1 + (indent // 2 if indent else 0)
            block = Block(
                "bullet",
                written[bullet.end() :],
                number,
                bullet.end() + 1,
                level=depth,
                list=lists,
                ordered=bullet.group("marker")[0].isdigit() or bullet.group("marker")[0] == "(",
                marker=bullet.group("marker"),
                indent=indent,
                source=line,
            )
        else:
            lead = len(written) - len(written.lstrip())
            block = Block("line", written.strip(), number, lead + 1, indent=indent, source=line)
        doc.blocks.append(block)
        previous = block
    return doc
