"""Reference block -> raw entries: numbering, wrapped lines, page breaks, translations.

PDF extraction breaks entries in predictable ways: a page break inside an entry (the rest
arrives on a later line, sometimes behind a stray ``- `` bullet), running heads and page
numbers between entries, a hyphen left at a line end, and in Chinese journals an English
translation line after a Chinese entry. This module puts each entry back together and keeps
its number; it never drops a line that belongs to an entry.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..model import Problem
from ..vocab.identifiers import DOI_ANY, HAS_IDENTIFIER, IDENTIFIER_START
from ..vocab.lines import (
    AUTHOR_START,
    AUTHOR_YEAR_START,
    BULLET,
    INLINE_NUMBER,
    NUMBERED,
    TYPE_CODE,
    entry_number,
    is_strong,
    join_broken_line,
    looks_like_reference,
    numbering_style,
    ocr_digits,
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
        ^\W*(?:Page|第)\s*\d+\s*(?:页)?(?:\s*(?:/|of)\s*\d+)?\W*$|
        # banners of repositories and publishers printed on every page
        Author\s+[Mm]anuscript|available\s+in\s+PMC|^\W*Downloaded\s+from\b|For\s+personal\s+use\s+only|
        protected\s+by\s+copyright|All\s+rights\s+reserved|^\W*Page\s+\d+\s+of\s+\d+""",
    re.X | re.I,
)
# A journal's running head ("Chin J Oncol, March 2020, Vol. 42, No. 3", "2019年第58卷第2期"): only
# between entries, since a wrapped entry may hold the same words.
_CHINESE_ISSUE_HEAD = re.compile(r"[^,.，。:：]*第\s*\d+\s*卷\s*第?\s*\d+\s*期[^,.，。:：]*")
_ISSUE_HEAD = re.compile(r"第\s*\d+\s*卷\s*第?\s*\d+\s*期|\bVol\.?\s*\d+\s*,?\s*No\.?\s*\d+", re.I)


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


# After the last number, how many lines may follow a finished-looking entry ("Title." then
# "Journal, 60, 241-253." then "doi: ...") before the rest is taken as the article going on.
_MAX_LINES_PAST_FINISH = 3


def _bare_phrase(text: str) -> bool:
    """A line of words alone, without a digit or a punctuation mark: between two entries, an
    editorial office's or a publisher's banner ("中华肿瘤杂志编辑部")."""
    return not _REFERENCE_MARK.search(text)


def _prose(text: str) -> bool:
    """A line of running text, as an article goes on after its list: a Chinese sentence or a
    paragraph longer than any entry."""
    return "。" in text or len(text) > 300


_REFERENCE_MARK = re.compile(r"[\d.,;:()\[\]/，。；：（）、]")


def _ends_entry(lines: list[tuple[int, str]], index: int, last: dict | None) -> bool:
    """Whether the line at ``index`` is the last of its entry: the list ends, or the next line
    opens the next entry of a numbered list (``last`` is the entry being read)."""
    if index + 1 == len(lines):
        return True
    if last is None or last["number"] is None:
        return False
    m = _numbering(BULLET.sub("", lines[index + 1][1].strip()))
    return m is not None and (is_strong(m) or (entry_number(m) == last["number"] + 1
                                                and numbering_style(m) == last["style"]))


def _is_furniture(text: str, last: dict | None, running_heads: set[str], *, ends_entry: bool) -> bool:
    """Page furniture: a running head, a page number, a publisher's banner, or (between two
    entries only) a note that ends the list. Inside an unfinished entry a line is furniture
    only when nothing else can explain it, so a wrapped "1998." or "Supplementary appendix"
    stays in its entry."""
    if text in running_heads:
        return True
    if len(text) >= 100 or TYPE_CODE.search(text):
        return False
    current = (last["translation"] or last["text"]) if last else ""
    number = text.strip()
    if _NUMBER_WITH_STOP.fullmatch(number):
        return False  # "1998.", "(15).", "571.)", "(2):": part of an entry; page numbers carry no stop
    if last is None or _complete(current):
        return bool(_PAGE_FURNITURE.search(text) or is_trailer(text)
                    or (_ISSUE_HEAD.search(text) and not _PAGE_RANGE.search(text)))
    if _CHINESE_ISSUE_HEAD.fullmatch(text):
        return True
    if not _PAGE_FURNITURE.search(text):
        return False
    # A bare number inside an entry is a page number unless it ends the entry, which waits
    # for it: "49(5): 568-" then "571".
    if not _BARE_NUMBER.fullmatch(number):
        return True
    waits = current.rstrip().endswith(("-", "–", ",", ";", ":", "(")) or bool(_ENDS_WITH_MONTH.search(current))
    return not (waits and ends_entry)


_ENDS_WITH_HEAD_YEAR = re.compile(rf"\(\s*{YEAR}[a-z]?(?:,[^()]{{0,20}})?\)\s*\.?$")
_PAGE_RANGE = re.compile(r"\d\s*[-–]\s*\d|\bpp?\.\s*\d")
_ENDS_WITH_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$")
_BARE_NUMBER = re.compile(r"\(?[A-Za-z]?\d+[)\]）]?\.?[)\]）]?")
_NUMBER_WITH_STOP = re.compile(r"\(?[A-Za-z]?\d+[)\]）]?[.。:：,，;；][)\]）]?")
_FINAL_ID = re.compile(rf"(?:{DOI_ANY.pattern}|https?://\S+|\d)$")


def _complete(text: str) -> bool:
    """Whether an entry reads as finished (so the next unnumbered line starts something new):
    it ends with a full stop, or with a DOI, URL or page number, and has a year."""
    stripped = ocr_digits(text.rstrip())
    if stripped.endswith(("-", "–", ",", ":", ";")):
        return False
    ends = stripped.endswith((".", "。", ">", "．")) or bool(_FINAL_ID.search(stripped)) or \
        _ends_with_version(stripped)
    if not ends or not YEAR_RE.search(stripped):
        return False
    opened = stripped.count("(") + stripped.count("（") + stripped.count("[")
    if opened > stripped.count(")") + stripped.count("）") + stripped.count("]"):
        return False  # "...122-126.(Wang Shengfa, Gu Xinjian." waits for its ")"
    # An author-year head alone, "Bone (2000)." or "WANG X, 2010.", still waits for its title.
    head = AUTHOR_YEAR_START.match(stripped)
    return not (_ENDS_WITH_HEAD_YEAR.search(stripped) or (head and head.end() == len(stripped)))


_VERSION_OPENS = re.compile(r"[.．。]\s*[\[【(（]")


def _ends_with_version(text: str) -> bool:
    """An entry closed by its version in the other language, in brackets:
    "... 23(1): 1-16.[罗艳, 周浙昆, 2001. 青冈亚属植物的地理分布[J]. ..., 23(1): 1-16.]"."""
    if not text.endswith(("]", "】", ")", "）")):
        return False
    opens = list(_VERSION_OPENS.finditer(text))
    return bool(opens) and len(text) - opens[-1].end() >= 20 and bool(TYPE_CODE.search(text, opens[-1].end()))


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

    Nothing is lost silently: a line left out between entries, and every number a numbered
    list skips, come back as problems.
    """
    lines = [(n, t) for n, t in lines if t.strip()]
    lines = _without_line_numbers(lines)
    lines, inserted = _without_inserted_blocks(lines)
    furniture = _running_heads(lines)
    numbered_list = _is_numbered(lines)
    repaired: list[Problem] = []
    lines = _cut_inline_numbers(lines, repaired) if numbered_list else _cut_author_year(lines)
    # Before the last numbered line, an unnumbered line in a numbered list is part of an entry
    # (the numbers delimit the entries); after it, it may be the article going on.
    last_numbered_line = max((n for n, t in lines if numbered_list and _numbering(BULLET.sub("", t.strip()))),
                             default=-1)
    # entry number -> (index, numbering style) of the lines that start with it
    numbers_at: dict[int, list[tuple[int, str]]] = {}
    for index, (_, text) in enumerate(lines):
        if numbered_list and (m := _numbering(BULLET.sub("", text.strip()))):
            numbers_at.setdefault(entry_number(m), []).append((index, numbering_style(m)))
    entries: list[dict] = []
    problems: list[Problem] = repaired
    skipped: list[str] = []  # lines that belong to no entry (notes, prose)
    for index, (lineno, original) in enumerate(lines):
        stripped = original.strip()
        had_bullet = bool(BULLET.match(stripped))
        text = BULLET.sub("", stripped, count=1)
        match = _numbering(text) if numbered_list else None  # "2020．题名" in an author-year list
        last = entries[-1] if entries else None
        if match and _accept_number(match, last, text, expected_later=_expected_later(numbers_at, last, index)):
            number = entry_number(match)
            _report_skipped(skipped, last, problems)
            entries.append(_new_entry(number, text[match.end():], lineno, numbering_style(match)))
            continue
        ends_entry = _ends_entry(lines, index, last if numbered_list else None)
        if _is_furniture(text, last, furniture, ends_entry=ends_entry):
            continue  # page furniture between two lines of one entry leaves the entry whole
        if last is None:
            # An unnumbered list starts at its first line (it may be wrapped before its year);
            # in a numbered list, a line before the first number is a note, reported if kept out.
            if not numbered_list or (looks_like_reference(text) and not skipped):
                entries.append(_new_entry(None, text, lineno))
            else:
                skipped.append(text)
            continue
        if _is_translation(last, text):
            last["translation"] = text
            continue
        current = last["translation"] or last["text"]
        starts_entry = AUTHOR_START.match(text) or AUTHOR_YEAR_START.match(ocr_digits(text)) or YEAR_RE.search(text)
        if not numbered_list and _complete(current) and starts_entry:
            # An unnumbered list: each finished entry is followed by the next one's first line.
            _report_skipped(skipped, last, problems)
            entries.append(_new_entry(None, text, lineno))
            continue
        # In a numbered list an unnumbered line continues the entry (a wrapped line, the rest
        # after a page break) unless it is a banner between two entries, or, after the last
        # number, the article going on: prose, or more than a few lines past a finished entry.
        finished = _complete(current)
        continues = not finished or text[:1].islower() or text[:1].isdigit() or (
            had_bullet and not looks_like_reference(text)) or (
            numbered_list and not skipped and (looks_like_reference(text) or _reads_as_reference_part(text))) or (
            numbered_list and not skipped and not (_bare_phrase(text) and ends_entry) and (
                lineno < last_numbered_line or (not _prose(text) and last["past_finish"] < _MAX_LINES_PAST_FINISH)))
        if continues:
            if last["translation"]:
                last["translation"] = _glue(last["translation"], text)
            else:
                last["text"] = _glue(last["text"], text)
            last["past_finish"] += finished
            continue
        if not numbered_list and looks_like_reference(text):
            _report_skipped(skipped, last, problems)
            entries.append(_new_entry(None, text, lineno))
            continue
        skipped.append(text)  # prose between or after entries: not a reference
    if skipped and entries:
        where = f" [{entries[-1]['number']}]" if entries[-1]["number"] is not None else ""
        more = f" and {len(skipped) - 1} more line(s)" if len(skipped) > 1 else ""
        problems.append(Problem("skipped-line", f"text after the last entry{where} was left out: "
                                f"{skipped[0][:60]}{more}"))
    if inserted:
        problems.append(Problem("skipped-line", f"{inserted} line(s) of a table or figure a converter put inside "
                                "the list were left out"))
    problems.extend(_numbering_problems(entries))
    out = []
    for e in entries:
        text, translation = e["text"], e["translation"]
        if not translation:
            text, translation = separate_translation(text)
        out.append(RawEntry(text, e["number"], translation, e["line"]))
    return out, problems


def _new_entry(number: int | None, text: str, lineno: int, style: str = "") -> dict:
    """An entry being read: its number, text and translation so far, its first line, how its
    number was written, and how many lines were added after it read as finished."""
    return {"number": number, "text": text, "translation": "", "line": lineno, "style": style, "past_finish": 0}


def _is_numbered(lines: list[tuple[int, str]]) -> bool:
    """A numbered list: a bracketed number, or bare numbers that count up (a lone "(3): 227"
    where a page break cut an author-year entry is no numbering)."""
    weak = []
    for _, text in lines:
        m = _numbering(BULLET.sub("", text.strip()))
        if m and is_strong(m):
            return True
        if m:
            weak.append(entry_number(m))
    first = next((m for _, text in lines if (m := _numbering(BULLET.sub("", text.strip())))), None)
    starts_at_one = first is not None and entry_number(first) == 1
    counts_up = any(b == a + 1 for a, b in itertools.pairwise(weak))
    return starts_at_one or len(weak) == 1 == len(lines) or counts_up


def _numbering_problems(entries: list[dict]) -> list[Problem]:
    """Every number a numbered list skips, and every number given twice, by name."""
    problems = []
    previous: int | None = None
    for e in entries:
        n = e["number"]
        if n is None:
            continue
        if previous is not None and n == previous:
            problems.append(Problem("numbering", f"[{n}] is numbered twice", n))
        elif previous is not None and n > previous + 1:
            missing = ", ".join(f"[{k}]" for k in range(previous + 1, min(n, previous + 51)))
            more = " ..." if n - previous - 1 > 50 else ""
            problems.append(Problem("numbering", f"no entry {missing}{more} between [{previous}] and [{n}]", n))
        elif previous is not None and n < previous:
            problems.append(Problem("numbering", f"[{n}] follows [{previous}]", n))
        previous = n
    return problems


_LINE_NUMBER = re.compile(r"^[ \t]*(\d{1,5})[ \t]+(?=\S)")


def _without_line_numbers(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Manuscripts number their lines ("118  Smith J, ..."): where most lines start with a
    number that grows line by line, the numbers are the manuscript's, not the list's."""
    found = [_LINE_NUMBER.match(t) for _, t in lines]
    numbers = [int(m[1]) for m in found if m]
    # Every line carries one (a list numbered "1 Smith J" carries one per entry), and a
    # reference list starts far into a manuscript, not at line 1.
    if len(lines) < 4 or len(numbers) < 0.9 * len(lines) or numbers[0] == 1:
        return lines
    rising = sum(1 for a, b in itertools.pairwise(numbers) if 0 < b - a <= 3)
    if rising < 0.8 * (len(numbers) - 1):
        return lines
    return [(n, t[m.end():] if m else t) for (n, t), m in zip(lines, found, strict=True)]


# What PDF converters drop into a list when a page holds a table or a figure: LaTeX and HTML
# table environments, markdown table rows, and the captions.
_ENV_BEGIN = re.compile(r"\\begin\{|<table\b", re.I)
_ENV_END = re.compile(r"\\end\{|</table>", re.I)
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_CAPTION = re.compile(r"^\s*(?:\*\*)?(?:Table|Fig\.?|Figure|表|图)\s*[A-Z]?\d+[a-z]?(?:\*\*)?\s*[:.：．|]")


def _without_inserted_blocks(lines: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], int]:
    """The lines without the tables, figures and captions a converter put among them (LaTeX
    and HTML environments, markdown table rows), and how many lines those were."""
    kept: list[tuple[int, str]] = []
    depth = 0
    for n, t in lines:
        opened = len(_ENV_BEGIN.findall(t)) if "\\" in t or "<" in t else 0
        closed = len(_ENV_END.findall(t)) if "\\" in t or "<" in t else 0
        if depth or opened:
            depth = max(0, depth + opened - closed)
            continue
        if _TABLE_ROW.match(t) or _CAPTION.match(t):
            continue
        kept.append((n, t))
    return kept, len(lines) - len(kept)


def _running_heads(lines: list[tuple[int, str]]) -> set[str]:
    """Short lines that recur between entries: a journal's running head or footer printed on
    every page ("· 96 ·  中华内科杂志2019年2月第58卷第2期"). A line that recurs word for word
    is one whatever it looks like; one that recurs with other numbers (the page number) is
    one unless it could be a piece of a reference. Either way the lines before and after it
    differ each time: a line that recurs after the same line is part of an entry given twice."""
    texts = [BULLET.sub("", text.strip()) for _, text in lines]
    exact: dict[str, list[int]] = {}
    alike: dict[str, list[int]] = {}
    for i, t in enumerate(texts):
        if len(t) > 80 or _numbering(t) or IDENTIFIER_START.match(t) or "://" in t:
            continue  # two links to one site differ in their digits only
        if t[:1].islower() or t.endswith((",", "-", ";", ":")) or TYPE_CODE.search(t):
            continue  # a wrapped entry's line starts or ends so
        if len(t) >= 12 and sum(c.isalpha() for c in t) >= 4:  # words, not "2002-03-06[2002-05-28]."
            exact.setdefault(t, []).append(i)
        if looks_like_reference(t) or _reads_as_reference_part(t) or HAS_IDENTIFIER.search(t):
            continue  # "Central PMCID: PMC3012025." in entry after entry
        key = re.sub(r"[\d\s]+", "", t)
        if sum(c.isalpha() for c in key) >= 4:  # words, not a date's "(--)[--]."
            alike.setdefault(key, []).append(i)

    def printed_on_pages(where: list[int]) -> bool:
        def words(i: int) -> str:  # "(1) Fourney M E." and "(8) Fourney M E." are one line given twice
            if not 0 <= i < len(texts):
                return ""
            key = re.sub(r"[\d\s]+", "", texts[i])
            if sum(c.isalpha() for c in key) < 4 or HAS_IDENTIFIER.search(key):
                return f"#{i}"  # "2593-2621." and "369-382." differ, and so do two links
            return key
        before = {words(i - 1) for i in where}
        after = {words(i + 1) for i in where}
        return len(where) >= 2 and len(before) == len(after) == len(where)

    return {texts[i] for group in (*exact.values(), *alike.values()) if printed_on_pages(group) for i in group}


# A bracketed entry number that OCR damaged at a line's start: empty, letters for digits, or its
# opening bracket lost ("[] Jack H", "[i6]IOM", "8]Maoling").
_DAMAGED_NUMBER = re.compile(r"^\s*(?:\[[\dilIoO|]{0,1}[ilIoO|][\dilIoO|]{0,2}\]|\[\s*\]|\d{1,3}\](?!\]))\s*(?=\S)")


_OCR_DIGITS = str.maketrans("ilI|oO", "111100")


def _cut_inline_numbers(lines: list[tuple[int, str]], repaired: list[Problem]) -> list[tuple[int, str]]:
    """Cut a line where the next entry's number stands inside it: converters run entries
    together ("... 721-726. [5] Jones A R. ..."). Only the number that continues the sequence
    cuts, so "[2019]" or a cited "[3]" inside a title stays."""
    out: list[tuple[int, str]] = []
    current: int | None = None
    for lineno, text in lines:
        head = _numbering(BULLET.sub("", text.strip()))
        if head and is_strong(head):
            current = entry_number(head)
        elif current is not None and (damaged := _DAMAGED_NUMBER.match(text)):
            # OCR lost or garbled the number the sequence expects here ("[]", "[i6]", "8]"):
            # the entry keeps the expected number, and says so.
            digits = damaged[0].translate(_OCR_DIGITS)
            read = int("".join(c for c in digits if c.isdigit()) or 0)
            current = read if current < read <= current + 20 else current + 1
            text = f"[{current}] {text[damaged.end():]}"
            repaired.append(Problem("numbering", f"the number of [{current}] was damaged "
                                    f"({damaged[0].strip()!r}); read as [{current}]", current))
        start = 0
        for m in INLINE_NUMBER.finditer(text):
            n = int(m["n"])
            if current is not None and n == current + 1 and m.start() > start:
                out.append((lineno, text[start:m.start()]))
                start, current = m.start(), n
        out.append((lineno, text[start:]))
    return [(n, t) for n, t in out if t.strip()]


def _cut_author_year(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """In an author-year list (著者-出版年制), cut a line where a finished entry is followed by
    the next one's names and year ("... 1437-1439. CHEN HY, HUANG CJ, 1978. Flora ...")."""
    starts = sum(1 for _, t in lines if AUTHOR_YEAR_START.match(ocr_digits(t.strip())))
    if starts < 3 or starts < 0.3 * len(lines):
        return lines
    out: list[tuple[int, str]] = []
    for lineno, text in lines:
        start = 0
        repaired = ocr_digits(text)  # the same length: positions hold
        for m in _ENTRY_END.finditer(text):
            cut = m.end()
            if cut > start and AUTHOR_YEAR_START.match(repaired, cut):
                out.append((lineno, text[start:cut]))
                start = cut
        out.append((lineno, text[start:]))
    return [(n, t) for n, t in out if t.strip()]


def separate_translation(text: str) -> tuple[str, str]:
    """Cut an entry that carries its own translation on the same line, as Chinese journals
    print them: ``刘少鹏, 等. 题名[J]. 计算机学报, 2015, 38(7): 1408-1419.(Liu S, et al. Title[J].
    Chinese Journal of Computers, 2015, 38(7): 1408-1419.)``, or the English entry first with the
    Chinese one in brackets. Returns (entry, translation); the translation is ``""`` when the
    entry has none (one type code, or both versions in one script).

    >>> separate_translation("罗艳. 青冈亚属的分布[J]. 植物分类与资源学报, 23(1): 1-16. (Luo Y. Phytogeography "
    ...                      "of Cyclobalanopsis[J]. Plant Divers, 23(1): 1-16.)")[1]
    'Luo Y. Phytogeography of Cyclobalanopsis[J]. Plant Divers, 23(1): 1-16.'
    """
    codes = list(TYPE_CODE.finditer(text))
    if len(codes) < 2:
        return text, ""
    first_cjk = cjk_share(text[: codes[0].start()]) > 0.3
    second = next((c for c in codes[1:] if (cjk_share(text[codes[0].end(): c.start()]) > 0.3) != first_cjk), None)
    if second is None:
        return text, ""
    # The other version starts with its own author list, right after the first one ends.
    start = None
    for m in _VERSION_START.finditer(text, codes[0].end(), second.start()):
        head = text[m.end(): m.end() + 40]
        if AUTHOR_START.match(head) and (is_han(head[:1]) != first_cjk):
            start = m.end()
    if start is not None:
        j = start
        while j > 0 and text[j - 1] in "([（【［ ":
            j -= 1
        main, rest = text[:j].rstrip(), text[j:].strip()
        if rest[:1] in "([（【［" and rest[-1:] in ")]）】］":
            rest = rest[1:-1].strip()
        return main, rest
    # No author list: walk back from the second type code over the other script, then forward to
    # its first word: the first citation's locator (digits, punctuation) stays with it.
    i = second.start()
    while i > codes[0].end() and (is_han(text[i - 1]) != first_cjk or not text[i - 1].isalpha()):
        i -= 1
    j = i
    while j < second.start() and not (text[j].isalpha() and is_han(text[j]) != first_cjk
                                      and (first_cjk is False or text[j + 1: j + 2].isalpha())):
        j += 1
    while j > i and text[j - 1] in "([（【［":
        j -= 1
    main, rest = text[:j].rstrip(), text[j:].strip()
    if len(rest) < 10 or not main:
        return text, ""
    if rest[:1] in "([（【［" and rest[-1:] in ")]）】］":
        rest = rest[1:-1].strip()
    return main, rest


# Where a translation may start: after the first version's closing full stop (and a bracket).
_VERSION_START = re.compile(r"(?:[.。．\]）)]|\d)\s*[\[(（【]?\s*")

# Where an entry ends inside a line: a full stop or a closing bracket, then a space.
_ENTRY_END = re.compile(r"(?<=[.。．\]])\s+")


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


def _numbering(text: str) -> re.Match[str] | None:
    return NUMBERED.match(text)


def _expected_later(numbers_at: dict[int, list[tuple[int, str]]], last: dict | None, index: int) -> bool:
    """Whether a later line starts with the number the list expects next, numbered as the
    list numbers."""
    if last is None or last["number"] is None:
        return False
    return any(i > index and style == last["style"] for i, style in numbers_at.get(last["number"] + 1, ()))


def _accept_number(match: re.Match[str], last: dict | None, text: str, *, expected_later: bool = False) -> bool:
    """A bracketed number always opens an entry; a bare ``12.`` only when it continues the
    sequence and what follows reads like a reference (``571.`` after a page break does not)."""
    number = entry_number(match)
    if is_strong(match):
        # Always an entry, unless it jumps ahead of the number that comes later ("[3]", then a
        # table row "[27] & 1.70 ...", then "[4]").
        jumps = last is not None and last["number"] is not None and number > last["number"] + 1
        return not (jumps and expected_later)
    rest = text[match.end():]
    if rest.lstrip()[:1] in (":", "：", ",", ";", "-", "–") or IDENTIFIER_START.match(rest.lstrip()):
        return False  # "(2): 238-246", "4. https://...": pages or a link, wrapped
    numbered_alike = last is None or not last["style"] or numbering_style(match) == last["style"]
    if not rest.strip():
        # A number alone on its line, its entry on the next (two-column PDF text): only where
        # the sequence expects it, numbered as the list numbers ("2022:" then "2." is a page).
        expected = 1 if last is None or last["number"] is None else last["number"] + 1
        return number == expected and numbered_alike and not (last and last["text"].rstrip().endswith("-"))
    starts_like_entry = bool(re.match(r"[^\W\d_]|\[|[\"“'‘]", rest))
    if last is None or last["number"] is None:
        return starts_like_entry or number == 1
    if number == last["number"] + 1:  # "3. 2023 ESC Guidelines ...": titles may start with digits
        return not last["text"].rstrip().endswith("-")  # but "568-" then "569." is a page range
    # A gap in the numbers only after a finished entry, where the list numbers this way, and
    # when the expected number does not come later: in a "(1)" list a wrapped "14. Cambridge"
    # or "22)[M]", and "Vol." then "26. New York", are no entries.
    return starts_like_entry and numbered_alike and not expected_later and _complete(last["text"]) \
        and last["number"] < number <= last["number"] + 20


def _is_translation(last: dict, text: str) -> bool:
    """The English line after a Chinese entry: the entry is Chinese and finished, the line is
    Latin script and reference-shaped, and it carries no number of its own."""
    if last["translation"] or IDENTIFIER_START.match(text):
        return False
    code = TYPE_CODE.search(last["text"])
    head = last["text"][: code.start()] if code else last["text"]
    if cjk_share(head) < 0.3 or cjk_share(text) > 0.05:
        return False
    if not _complete(clean(last["text"])):
        return False
    return bool(TYPE_CODE.search(text)) or looks_like_reference(text)
