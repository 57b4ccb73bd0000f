"""What a reference line looks like, and how a line broken at a hyphen is joined.

The finder (where is the list?) and the splitter (where does each entry start?) ask the same
questions of a line: is it numbered (``[1]``, ``1.``, ``(1)``, ``1、``), does it carry a GB/T type
code, a DOI or a Vancouver locator, does it start with an author list? The answers live here.
"""

from __future__ import annotations

import re

from .identifiers import DOI_ANY
from .script import HAN, YEAR, YEAR_RE

# A stray list bullet in front of a line: "- [1] ...", "• 12. ...", and "- 571." after a page break.
BULLET = re.compile(r"^[-•·*▪◦–]\s+")
# Entry numbering: [1] ［1］ 【1】 〔1〕 (and OCR's mixed "[1］") are strong; 1. 1) (1) 1、 are weak
# (they also start body text).
NUMBERED = re.compile(
    r"""^\s*(?:
        [\[［【〔](?P<b1>\d{1,6})[\]］】〕]|
        [(（](?P<w1>\d{1,5})[)）]|
        (?P<w2>\d{1,5})(?:[.．、]|\))(?!\d)|
        (?P<w3>\d{1,5})[\u3000\t]\s*(?=\S)   # "1　中国..." with an ideographic space
    )\s*""",
    re.X,
)
TYPE_CODE = re.compile(r"\[\s*(?:[A-Z]{1,2})(?:/[A-Z]{2})?\s*\]|［[A-Z]{1,2}(?:/[A-Z]{2})?］")
# Vancouver's journal locator "2010;376(9742):687-97" and "Journal (2026)".
VANCOUVER_LOCATOR = re.compile(rf"(?<!\d){YEAR}(?:\s+[A-Z][a-z]{{2}}(?:\s+\d{{1,2}})?)?\s*;\s*\w")
# An author list at the start of a line: "CAPLIN M E, PAVEL M," / "Liu R, Zhao J," / "徐建明, 沈琳,".
AUTHOR_START = re.compile(
    rf"""^(?:
        [A-Z][\w'’\-]+(?:\s[A-Za-z][\w'’\-]+){{0,2}}\s[A-Z]{{1,3}}(?:\s[A-Z]{{1,2}}){{0,2}}\s*(?:[,，.]|\set\sal)|
        [{HAN}]{{2,4}}\s*[,，、.．]
    )""",
    re.X,
)


# A strong number standing inside a line, where converters ran several entries together:
# "... 3: 721-726. [5] Jones A R. Light scattering ..." (the splitter checks the sequence).
INLINE_NUMBER = re.compile(r"(?<![\d\[［【〔(（/=])[\[［【〔](?P<n>\d{1,5})[\]］】〕]\s*(?=[^\W\d_]|[\[［(“\"'‘])")
# Where other styles put the year or the locator: APA's "(2002)", CSE's "Creel S. 2001. Social",
# Chicago's "17 (1998): 124", IEEE's "vol. 8, pp. 129", and "1(1), 144-155", "45: 1113-20" or
# "114, 111-142".
OTHER_LOCATOR = re.compile(rf"\({YEAR}[a-z]?\)|\.\s{YEAR}[a-z]?\.\s+[A-Z]|{YEAR}\)\s*:\s*\d|\b(?:[Vv]ol|pp)\.\s*\d|"
                           r"\d\s*\([^()]{1,12}\)\s*[:,]\s*[A-Za-z]?\d|\b\d{1,4}\s*[:,]\s*[A-Za-z]?\d+\s*[-–]\s*\d")
# The start of an entry of the author-year system (著者-出版年制): names, then the year.
# "ALLEN K, DUPUY JM, GEI M, et al., 2017." / "王某, 2015b." / "Smith J, Doe A, 2012." (match it
# against ``ocr_digits(text)``: OCR reads zeros as O). The name part is bounded: linear.
AUTHOR_YEAR_START = re.compile(
    rf"""(?:[A-Z][A-Za-z'’\-]{{1,30}}(?:\s[A-Z][A-Za-z'’\-]{{1,30}})?\s?[A-Z]{{1,3}}\b|[{HAN}]{{2,4}})
        (?:[^.。．\[\]]|et\s?al\.){{0,160}}?[,，]\s*{YEAR}[a-z]?\s*[.．]""",
    re.X,
)


# A number in which OCR read a zero as the letter O: "2O17", "2OO2", "O23001", "6O04".
_OCR_HINT = re.compile(r"\d[Oo]|[Oo]\d")
_OCR_NUMBER = re.compile(r"(?<![\w.])[\dOo]{3,}+(?=[a-z]?(?!\w))")  # "2O09a": a year with its letter


def ocr_digits(text: str) -> str:
    """Zeros read as the letter O put back: ``'2O17'`` -> ``'2017'``; ``CO2``, ``O2`` and words
    are left alone (a number needs two digits and no other letter).

    >>> ocr_digits("ALLEN K, et al., 2O17. Environ Res Lett, 12: O23001. CO2 and O2 in 2OO2")
    'ALLEN K, et al., 2017. Environ Res Lett, 12: 023001. CO2 and O2 in 2002'
    """
    if not _OCR_HINT.search(text):
        return text
    def repair(m: re.Match[str]) -> str:
        token = m[0]
        if sum(c.isdigit() for c in token) < 2 or token.isdigit():
            return token
        return token.replace("O", "0").replace("o", "0")

    return _OCR_NUMBER.sub(repair, text)


def entry_number(match: re.Match[str]) -> int:
    """The number that a ``NUMBERED`` match holds."""
    for group in ("b1", "w1", "w2", "w3"):
        if match[group]:
            return int(match[group])
    raise ValueError("not a numbering match")


def is_strong(match: re.Match[str]) -> bool:
    return bool(match["b1"])


def numbering_style(match: re.Match[str]) -> str:
    """How a list numbers its entries, the number aside: ``"[]"`` (any brackets), ``"()"``,
    ``"."``, ``")"``, ``"、"``, or ``" "`` for a number set off by a space alone (``"1　中国..."``)."""
    if match["b1"]:
        return "[]"
    if match["w1"]:
        return "()"
    marks = "".join(c for c in match[0] if not c.isdigit() and not c.isspace())
    return marks.replace("．", ".") or " "


def looks_like_reference(line: str) -> bool:
    """A line that could stand as a reference by itself: a type code, a DOI, a Vancouver
    locator, or an author list followed somewhere by a year."""
    text = BULLET.sub("", line.strip())
    if TYPE_CODE.search(text) or DOI_ANY.search(text) or VANCOUVER_LOCATOR.search(text):
        return True
    if not YEAR_RE.search(text):
        return False
    return bool(AUTHOR_START.match(text) or AUTHOR_YEAR_START.match(text)
                or (text[:1].isupper() and OTHER_LOCATOR.search(text)))


def is_citation_line(line: str) -> bool:
    """An unnumbered line in a document body that is a complete citation, such as the paper
    a news article reports on: an author list, then a DOI, type code or journal locator."""
    text = BULLET.sub("", line.strip())
    if not (30 <= len(text) <= 800) or "。" in text:
        return False
    if not AUTHOR_START.match(text):
        return False
    return bool(DOI_ANY.search(text) or TYPE_CODE.search(text) or VANCOUVER_LOCATOR.search(text))


# Words that start real hyphenated compounds: a line break after "progression-" keeps the
# hyphen ("progression-free"); after "adenocar-" it was only hyphenation ("adenocarcinoma").
_COMPOUND_HEADS = frozenset("""
non anti pre post co multi self well high low long short first second third fourth open double
single dose small large end mid sub semi cross inter intra extra over under full half step one
two three four five re ex up cell time treatment placebo drug risk age sex gene disease event
progression relapse recurrence metastasis failure free label line stage grade year month week
day patient investigator central independent all cause real world phase
""".split())


def join_broken_line(left: str, right: str) -> str:
    """Join a line that ends in a hyphen to the next: "can-" + "cer" -> "cancer", but
    "progression-" + "free" -> "progression-free" and "568-" + "571" -> "568-571"."""
    m = re.search(r"([A-Za-z]+)-$", left)
    if m and right[:1].islower() and m[1].islower() and m[1].lower() not in _COMPOUND_HEADS:
        return left[:-1] + right
    return left + right
