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

from ..vocab.lines import BULLET, NUMBERED, entry_number, is_citation_line, looks_like_reference, numbering_style
from ..vocab.script import YEAR_RE

# A heading is a line holding only the word, with optional brackets, numbering, markdown.
_HEADING_WORD = r"""(?:参\s*考\s*文\s*献|引\s*用\s*文\s*献|参\s*考\s*资\s*料|文\s*献|
           references?(?:\s+and\s+notes)?|bibliography|literature\s+cited|works\s+cited|
           cited\s+literature|sources)"""
# A bilingual heading names the list twice: "参考文献（References）", "References 参考文献".
_HEADING = re.compile(
    rf"""^\s*(?:\#{{1,6}}\s*)?(?:\*\*)?\s*
        (?:\d+(?:\.\d+)*\.?\s*|[IVX]+\.\s*)?             # "7 " / "VII. " section numbers
        [\[【［(（]?\s*
        {_HEADING_WORD}(?:\s*[/(（]?\s*{_HEADING_WORD}\s*[)）]?)?
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
        end = _section_end(lines, heading + 1)
        block = [(i, lines[i]) for i in range(heading + 1, end) if lines[i].strip()]
        if any(NUMBERED.match(_unbullet(t)) or looks_like_reference(t)
               for _, t in block if t.strip()):
            # What follows the list in a section of its own is body again; blank lines keep
            # the line numbers of the body true.
            kept = lines[:heading] + [""] * (end - heading) + lines[end:] if end < len(lines) else lines[:heading]
            return Located(_join(kept), tuple(block), "heading")
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


# A section after the list: a markdown heading, a bold line alone, or the back matter's names.
_NEXT_SECTION = re.compile(
    r"""^\s*(?:\#{1,6}\s+\S|\*\*[^*]{1,60}\*\*\s*$|
        (?:作者贡献|利益冲突|支撑数据|附\s*录|致\s*谢|基金项目|作者简介|
           Acknowledge?ments?|Appendix|Funding|Author\s+contributions?|Conflicts?\s+of\s+interest|
           Competing\s+interests?|Supplementary\s+(?:material|data|information)|Abbreviations|Figure\s+legends)
        [^\n]{0,30}$)""",
    re.I | re.X,
)


def _section_end(lines: list[str], start: int) -> int:
    """The line where the section that starts at ``start`` ends: the next section's heading,
    once the list has begun (a heading right under the list's own heading is part of it)."""
    begun = False
    for i in range(start, len(lines)):
        line = lines[i]
        if begun and len(line) < 80 and _NEXT_SECTION.match(line) and not NUMBERED.match(_unbullet(line)):
            return i
        begun = begun or bool(line.strip())
    return len(lines)


def _last_heading(lines: list[str]) -> int | None:
    for i in range(len(lines) - 1, -1, -1):
        if len(lines[i]) < 40 and _HEADING.match(lines[i]):
            return i
    return None


# How many lines one entry may wrap over, for judging whether it reads as a reference.
_MAX_WRAPPED_LINES = 12
_PAGE_NUMBER = re.compile(r"[^\w.]*\d{1,4}[^\w.]*")  # "2003." ends an entry, "- 12 -" is a page
# How many of the longest numbered runs are judged before giving up (keeps finding linear).
_RUNS_TRIED = 5


def _trailing_numbered_block(lines: list[str]) -> int | None:
    """The first line of a run of numbered entries that carries on to the end of the document
    (allowing wrapped lines and trailing notes): it starts at 1, or, when nothing stands before
    it (a bare list pasted from the middle of a longer one), at any number. Lines that only
    look numbered ("(2003). Title", "14): Archaeology") are wrapped lines, not entries: the
    entries are the longest run of numbers counting up by one."""
    numbered: list[tuple[int, int, str]] = []  # (line index, number, how it is numbered)
    for i, line in enumerate(lines):
        m = NUMBERED.match(_unbullet(line))
        if m:
            numbered.append((i, entry_number(m), numbering_style(m)))
    if not numbered:
        return None
    top = next((i for i, line in enumerate(lines) if line.strip()), 0)
    # Longest runs n, n+1, n+2, ... numbered alike, in document order, each remembered by its
    # last member.
    previous: list[int | None] = []  # position in ``numbered`` of each member's predecessor
    length: list[int] = []
    best_ending: dict[tuple[int, str], int] = {}  # (number, style) -> end of the longest run
    any_style: dict[int, int] = {}  # number -> end of the longest run, however numbered
    for pos, (_, n, style) in enumerate(numbered):
        # A run goes on from the number before, numbered alike if there is one ("[1]" then
        # "[2]", not a stray "1." between them); else from the number before however written
        # (a list that numbers "[1]" and "2." both).
        before = best_ending.get((n - 1, style), any_style.get(n - 1))
        previous.append(before)
        length.append(length[before] + 1 if before is not None else 1)
        if (n, style) not in best_ending or length[pos] >= length[best_ending[n, style]]:
            best_ending[n, style] = pos
        if n not in any_style or length[pos] >= length[any_style[n]]:
            any_style[n] = pos
    # The list is the longest run whose end is the end of the document (what follows its last
    # entry is at most that entry's wrapped lines and a few notes); on a tie, the later run.
    candidates = sorted(range(len(numbered)), key=lambda p: (length[p], p), reverse=True)
    for end in candidates[:_RUNS_TRIED]:
        run = [end]
        while previous[run[-1]] is not None:
            run.append(previous[run[-1]])  # type: ignore[arg-type]
        run.reverse()
        if _is_reference_run([numbered[p][0] for p in run], lines, alone=numbered[run[0]][0] == top):
            first_line, first_number, _ = numbered[run[0]]
            if first_number == 1 or first_line == top:
                return first_line
    return None


def _is_reference_run(starts: list[int], lines: list[str], *, alone: bool) -> bool:
    """Whether entries starting at these lines are a reference list that ends the document.
    A list with nothing before it (``alone``: a pasted list) need only give each entry a year."""
    def entry_text(k: int) -> str:
        # A numbered line with the lines wrapped after it (up to the next entry): a wrapped
        # entry may show its year or type code only on a later line.
        stop = starts[k + 1] if k + 1 < len(starts) else len(lines)
        text = " ".join(line for line in lines[starts[k]:min(stop, starts[k] + _MAX_WRAPPED_LINES)]
                        if not _PAGE_NUMBER.fullmatch(line.strip()))
        return NUMBERED.sub("", _unbullet(text), count=1)

    # Numbered steps or findings are not references: most entries must look like one.
    reads = [looks_like_reference(t) or (alone and YEAR_RE.search(t) is not None)
             for t in map(entry_text, range(len(starts)))]
    if sum(reads) * 2 < len(starts):
        return False
    # A numbered list inside the body (steps, findings) is followed by prose; a reference
    # list is followed by at most its last entry's wrapped lines and a few short notes.
    tail = [line for line in lines[starts[-1] + 1:] if line.strip()]
    return len(tail) <= _MAX_WRAPPED_LINES or looks_like_reference(" ".join(tail[:_MAX_WRAPPED_LINES]))


def _unbullet(line: str) -> str:
    return BULLET.sub("", line.strip(), count=1)


def _join(lines) -> str:
    return "\n".join(lines)
