"""Reference block -> raw entries: numbering, wrapped lines, page breaks, translations.

PDF extraction breaks entries in predictable ways: a page break inside an entry (the rest
arrives on a later line, sometimes behind a stray ``- `` bullet), running heads and page
numbers between entries, a hyphen left at a line end, and in Chinese journals an English
translation line after a Chinese entry. This module puts each entry back together and keeps
its number; it never drops a line that belongs to an entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Problem
from ..vocab.identifiers import DOI_ANY
from ..vocab.lines import (
    AUTHOR_START,
    BULLET,
    NUMBERED,
    TYPE_CODE,
    entry_number,
    is_strong,
    join_broken_line,
    looks_like_reference,
)
from ..vocab.script import YEAR, YEAR_RE, cjk_share, is_han
from .normalize import clean

# Lines that close a reference list in Chinese and English journals.
_TRAILER = re.compile(
    r"收稿日期|修回日期|接受日期|录用日期|本文编辑|责任编辑|排版编辑|编辑[:：]|公网安备|ICP备|"
    r"版权所有|利益冲突|作者贡献|致\s*谢|附\s*录|"
    r"^\W*(?:Received|Revised|Accepted|Published online|Copyright|©|Licen[cs]ed? under|"
    r"Creative Commons|Conflicts? of interest|Acknowledge?ments?|Appendix|Supplementary)",
    re.I,
)
# Running heads and page numbers that a page break drops between entries.
_PAGE_FURNITURE = re.compile(
    r"""^\W*\d{1,4}\W*$|
        第\s*\d+\s*卷\s*第?\s*\d+\s*期|
        \bVol\.?\s*\d+\s*,?\s*No\.?\s*\d+|
        ^\W*(?:Page|第)\s*\d+\s*(?:页)?(?:\s*(?:/|of)\s*\d+)?\W*$|
        # banners of repositories and publishers printed on every page
        Author\s+[Mm]anuscript|available\s+in\s+PMC|^\W*Downloaded\s+from\b|For\s+personal\s+use\s+only|
        protected\s+by\s+copyright|All\s+rights\s+reserved|^\W*Page\s+\d+\s+of\s+\d+""",
    re.X | re.I,
)


@dataclass(frozen=True)
class RawEntry:
    """One entry's text put back together, before parsing.

    ``translation`` is the English line that followed a Chinese entry, kept apart so the
    parser can read both versions.
    """

    text: str
    number: int | None = None
    translation: str = ""
    line: int = 0  # 0-based line of the entry's first line in the document


def is_trailer(line: str) -> bool:
    """A line that ends a reference list: received dates, editor, licence, copyright."""
    return bool(_TRAILER.search(line)) and not TYPE_CODE.search(line)


def _is_page_furniture(line: str) -> bool:
    return len(line) < 100 and bool(_PAGE_FURNITURE.search(line)) and not TYPE_CODE.search(line)


_FINAL_ID = re.compile(rf"(?:{DOI_ANY.pattern}|https?://\S+|\d)$")


def _complete(text: str) -> bool:
    """Whether an entry reads as finished (so the next unnumbered line starts something new):
    it ends with a full stop, or with a DOI, URL or page number, and has a year."""
    stripped = text.rstrip()
    if stripped.endswith(("-", "–", ",", ":", ";")):
        return False
    return (stripped.endswith((".", "。", ">", "．")) or bool(_FINAL_ID.search(stripped))) and \
        bool(YEAR_RE.search(stripped))


def _glue(left: str, right: str) -> str:
    """Join a line to the entry it continues: no space after a hyphen or between Chinese."""
    left = left.rstrip()
    right = right.strip()
    if not left:
        return right
    if left.endswith(("-", "–", "/")):
        return join_broken_line(left, right)
    if is_han(left[-1]) and is_han(right[:1]):
        return left + right
    return f"{left} {right}"


def split_entries(lines: tuple[tuple[int, str], ...] | list[tuple[int, str]]) -> tuple[list[RawEntry], list[Problem]]:
    """Turn the reference block's lines into entries, in input order.

    >>> entries, _ = split_entries(list(enumerate([
    ...     "- [9] LEPAGE C, DAHAN L. Evaluating lanreotide [J]. Dig Liver Dis, 2017, 49(5): 568-",
    ...     "", "- 571.", "- [10] LEPAGE C. Lanreotide [J]. Ann Oncol, 2020, 31: S774."])))
    >>> [(e.number, e.text[-22:]) for e in entries]
    [(9, ' 2017, 49(5): 568-571.'), (10, 'Oncol, 2020, 31: S774.')]
    """
    entries: list[dict] = []
    problems: list[Problem] = []
    numbered_list = any(_numbering(BULLET.sub("", t.strip())) for _, t in lines)
    skipped: list[str] = []  # lines that belong to no entry (running heads, notes)
    for lineno, original in lines:
        stripped = original.strip()
        if not stripped:
            continue
        had_bullet = bool(BULLET.match(stripped))
        text = BULLET.sub("", stripped, count=1)
        match = _numbering(text)
        last = entries[-1] if entries else None
        if match and _accept_number(match, last, text):
            number = entry_number(match)
            if last and last["number"] is not None and number != last["number"] + 1:
                kind = "duplicate number" if number == last["number"] else "numbering jumps"
                problems.append(Problem("numbering", f"{kind} from [{last['number']}] to [{number}]", number))
            _report_skipped(skipped, last, problems)
            entries.append({"number": number, "text": text[match.end():], "translation": "",
                            "line": lineno})
            continue
        if is_trailer(text) or (_is_page_furniture(text) and not _continues_range(last, text)):
            skipped.append(text)
            continue
        if last is None:
            # An unnumbered list starts at its first line (it may be wrapped before its year);
            # in a numbered list, a line before the first number is a note, reported if kept out.
            if not numbered_list or (looks_like_reference(text) and not skipped):
                entries.append({"number": None, "text": text, "translation": "", "line": lineno})
            else:
                skipped.append(text)
            continue
        if _is_translation(last, text):
            last["translation"] = text
            continue
        current = last["translation"] or last["text"]
        if not numbered_list and _complete(current) and (AUTHOR_START.match(text) or YEAR_RE.search(text)):
            # An unnumbered list: each finished entry is followed by the next one's first line.
            _report_skipped(skipped, last, problems)
            entries.append({"number": None, "text": text, "translation": "", "line": lineno})
            continue
        # In a numbered list an unnumbered line continues the entry (a wrapped line, the rest
        # after a page break) unless it is prose after a finished entry.
        continues = not _complete(current) or text[:1].islower() or text[:1].isdigit() or (
            had_bullet and not looks_like_reference(text)) or (
            numbered_list and not skipped and (looks_like_reference(text) or _reads_as_reference_part(text)))
        if continues:
            if last["translation"]:
                last["translation"] = _glue(last["translation"], text)
            else:
                last["text"] = _glue(last["text"], text)
            continue
        if not numbered_list and looks_like_reference(text):
            _report_skipped(skipped, last, problems)
            entries.append({"number": None, "text": text, "translation": "", "line": lineno})
            continue
        skipped.append(text)  # prose between or after entries: not a reference
    return [RawEntry(e["text"], e["number"], e["translation"], e["line"]) for e in entries], problems


def _report_skipped(skipped: list[str], last: dict | None, problems: list[Problem]) -> None:
    """Lines skipped between two entries are reported (a running head, a journal banner);
    lines after the last entry are the article's end and pass silently."""
    for line in skipped:
        if not _PAGE_FURNITURE.search(line) and not is_trailer(line):
            where = f" after [{last['number']}]" if last and last["number"] is not None else ""
            problems.append(Problem("skipped-line", f"a line between entries{where} was left out: {line[:60]}"))
    skipped.clear()


_REFERENCE_PART = re.compile(rf"^[A-Z][\w.]*(?:\s[A-Z][\w.]*){{0,5}}\.\s*{YEAR}\s*[;:,(]")


def _reads_as_reference_part(text: str) -> bool:
    """The second half of a wrapped Vancouver entry: "CA Cancer J Clin. 2023;73(1):17-48."."""
    return bool(_REFERENCE_PART.match(text))


def _continues_range(last: dict | None, text: str) -> bool:
    """A bare number after an entry broken inside its page range ("568-" then "571.") is the
    range's end; a decorated page number ("· 226 ·") or a running head is not."""
    return last is not None and last["text"].rstrip().endswith("-") and bool(re.fullmatch(r"[A-Za-z]?\d+\.?", text))


def _numbering(text: str) -> re.Match[str] | None:
    return NUMBERED.match(text)


def _accept_number(match: re.Match[str], last: dict | None, text: str) -> bool:
    """A bracketed number always opens an entry; a bare ``12.`` only when it continues the
    sequence and what follows reads like a reference (``571.`` after a page break does not)."""
    if is_strong(match):
        return True
    number = entry_number(match)
    rest = text[match.end():]
    if not rest.strip():
        return False
    starts_like_entry = bool(re.match(r"[^\W\d_]|\[|[\"“'‘]", rest))
    if last is None or last["number"] is None:
        return starts_like_entry or number == 1
    if number == last["number"] + 1:  # "3. 2023 ESC Guidelines ...": titles may start with digits
        return not last["text"].rstrip().endswith("-")  # but "568-" then "569." is a page range
    return starts_like_entry and last["number"] < number <= last["number"] + 20


def _is_translation(last: dict, text: str) -> bool:
    """The English line after a Chinese entry: the entry is Chinese and finished, the line is
    Latin script and reference-shaped, and it carries no number of its own."""
    if last["translation"]:
        return False
    if cjk_share(last["text"]) < 0.3 or cjk_share(text) > 0.05:
        return False
    if not _complete(clean(last["text"])):
        return False
    return bool(TYPE_CODE.search(text)) or looks_like_reference(text)
