"""Document -> body + reference block.

A reference list is found, in order of trust, by
1. a heading line (``参考文献``, ``[参 考 文 献]``, ``References``, ``REFERENCES``, ``Bibliography``),
2. a trailing block of numbered entries (a bare list, or an article whose heading was lost),
3. lone citation lines: an unnumbered line shaped like a full citation (author list, title,
   journal or type code, DOI), as news articles close with the paper they report on.
The body is everything else; claims are looked for there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vocab.lines import BULLET, NUMBERED, entry_number, is_citation_line, looks_like_reference

# A heading is a line holding only the word, with optional brackets, numbering, markdown.
_HEADING = re.compile(
    r"""^\s*(?:\#{1,6}\s*)?(?:\*\*)?\s*
        (?:\d+(?:\.\d+)*\.?\s*|[IVX]+\.\s*)?             # "7 " / "VII. " section numbers
        [\[【［(（]?\s*
        (?:参\s*考\s*文\s*献|引\s*用\s*文\s*献|参\s*考\s*资\s*料|文\s*献|
           references?(?:\s+and\s+notes)?|bibliography|literature\s+cited|works\s+cited|
           cited\s+literature|sources)
        \s*[\]】］)）]?\s*(?:\*\*)?\s*[:：]?\s*$""",
    re.I | re.X,
)


@dataclass(frozen=True)
class Located:
    """Where the reference list sits: its lines (with their line numbers) and the body."""

    body: str
    lines: tuple[tuple[int, str], ...]  # (0-based line number, text) of the reference block
    how: str  # "heading", "numbered", "citation-lines", "none"


def locate(text: str) -> Located:
    """Split a document into its body and the lines of its reference list.

    >>> located = locate("正文^[1]。\\n参考文献\\n[1] 徐建明. 题名[J]. 期刊, 2020, 1(2): 3-4.\\n")
    >>> located.how, [line for _, line in located.lines]
    ('heading', ['[1] 徐建明. 题名[J]. 期刊, 2020, 1(2): 3-4.'])
    """
    lines = text.split("\n")
    heading = _last_heading(lines)
    if heading is not None:
        block = [(i, lines[i]) for i in range(heading + 1, len(lines)) if lines[i].strip()]
        if any(NUMBERED.match(_unbullet(t)) or looks_like_reference(t)
               for _, t in block if t.strip()):
            return Located(_join(lines[:heading]), tuple(block), "heading")
    start = _trailing_numbered_block(lines)
    if start is not None:
        return Located(_join(lines[:start]),
                       tuple((i, lines[i]) for i in range(start, len(lines)) if lines[i].strip()),
                       "numbered")
    cited = [i for i, line in enumerate(lines) if is_citation_line(line)]
    if cited:
        keep = set(cited)
        # Blank the citation lines with spaces so character offsets into the body stay true.
        body = _join(line if i not in keep else " " * len(line) for i, line in enumerate(lines))
        return Located(body, tuple((i, lines[i]) for i in cited), "citation-lines")
    return Located(text, (), "none")


def _last_heading(lines: list[str]) -> int | None:
    for i in range(len(lines) - 1, -1, -1):
        if len(lines[i]) < 40 and _HEADING.match(lines[i]):
            return i
    return None


def _trailing_numbered_block(lines: list[str]) -> int | None:
    """The first line of a run of numbered entries that carries on to the end of the document
    (allowing wrapped lines and trailing notes): it starts at 1, or, when nothing stands before
    it (a bare list pasted from the middle of a longer one), at any number."""
    numbered: list[tuple[int, re.Match[str]]] = []
    for i, line in enumerate(lines):
        m = NUMBERED.match(_unbullet(line))
        if m:
            numbered.append((i, m))
    top = next((i for i, line in enumerate(lines) if line.strip()), 0)

    def may_start(i: int, m: re.Match[str]) -> bool:
        return entry_number(m) == 1 or i == top

    if len(numbered) == 1:
        # A single entry pasted alone: "[1] CAPLIN M E ... 224-233."
        i, m = numbered[0]
        tail = [line for line in lines[i + 1:] if line.strip()]
        if may_start(i, m) and looks_like_reference(lines[i]) and len(tail) <= 5:
            return i
        return None
    if not numbered:
        return None
    # Walk back from the last numbered line while numbers keep decreasing by one.
    end = len(numbered) - 1
    expected = entry_number(numbered[end][1])
    first = end
    for k in range(end, -1, -1):
        n = entry_number(numbered[k][1])
        if n != expected:
            break
        first = k
        expected -= 1
    if not may_start(*numbered[first]) or end - first < 1:
        return None
    start = numbered[first][0]
    # Numbered steps or findings are not references: most entries must look like one.
    block = numbered[first:end + 1]
    if sum(looks_like_reference(lines[i]) for i, _ in block) * 2 < len(block):
        return None
    # A numbered list inside the body (steps, findings) is followed by prose; a reference
    # list is followed by at most a few short trailing lines.
    tail = [line for line in lines[numbered[end][0] + 1:] if line.strip()]
    if len(tail) > 5:
        return None
    return start


def _unbullet(line: str) -> str:
    return BULLET.sub("", line.strip(), count=1)


def _join(lines) -> str:
    return "\n".join(lines)
