"""Normalisers: small pure functions, one concern each, that repair what PDFs and editors do
to reference text.

Two kinds live here. ``clean`` runs on a whole entry before any parser sees it (punctuation
width, dashes, markdown, spacing), so that every style parser reads one canonical shape.
The field normalisers (``pages``, ``iso_date``, ``date``) each turn one extracted field into its
canonical form and never raise: what they cannot repair they return unchanged. Names and
identifiers have their own rules in ``refman.vocab`` (``names.person_name``,
``identifiers.normalize_doi``), shared with the other stages.
"""

from __future__ import annotations

import re

from ..vocab.lines import ocr_digits
from ..vocab.script import YEAR

# --- whole-entry cleaning ---------------------------------------------------------------

# Full-width punctuation (GB/T 7714-2025 typesets it even in English entries) mapped to the
# half-width form plus the space a half-width list would carry.
_WIDTH = str.maketrans({
    "，": ", ", "：": ": ", "；": "; ", "（": "(", "）": ")", "．": ". ", "［": "[", "］": "]",
    "／": "/", "＜": "<", "＞": ">", "＆": "&", "＋": "+", "－": "-", "～": "~", "∶": ":",
    "　": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u202f": " ",
    "【": "[", "】": "]", "〔": "[", "〕": "]", "‐": "-", "‑": "-", "‒": "-", "−": "-",
    "’": "'", "‘": "'", "ʼ": "'",
    # An en dash (or a dash look-alike) is a hyphen inside words and page ranges: PAZ–ARES, 224–33.
    # Zero-width characters and soft hyphens that PDF extraction leaves inside words.
    "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None, "\u00ad": None,
    # Ligatures that PDF text extraction leaves in words: Eﬃcacy, Paciﬁc.
    "ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st",
    # Full-width digits and letters.
    **{chr(c): chr(c - 0xFEE0) for c in list(range(0xFF10, 0xFF1A)) + list(range(0xFF21, 0xFF3B))
       + list(range(0xFF41, 0xFF5B))},
})

# Markdown emphasis left by PDF-to-markdown converters: *N Engl J Med*, **Abstract**, _in vivo_.
_MD_EMPHASIS = re.compile(r"(\*{1,2}|(?<![\w/])_)(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_EN_DASH_JOINED = re.compile(r"(?<=\S)–|–(?=\S)")
_EN_DASH = re.compile("[\u2013\u2012\u2010\u2011]")
# A word broken at a line end keeps its hyphen and a space: "ad- vanced", "can- cer"; but
# "pre- and post-operative" is a real suspended hyphen.
_BROKEN_WORD = re.compile(r"(?<=[a-z])- (?=[a-z])(?!(?:and|or|to|und|et|bis)\b)")
# A page range broken the same way: "759- 771".
# Only after the ": " or ", " that introduces pages, so "COVID-19 - 11 March" in a title stays.
_BROKEN_RANGE = re.compile(r"(?<=[:,] )([A-Za-z]?\d+)(?:\s?[-–]\s|\s[-–]\s?)(?=[A-Za-z]?\d+\s*(?:[.,;\[(]|$))")
# A full stop with the space lost after it: "et al.Sorafenib", "[J].N Engl J Med", "Med.2010;".
# (The full stop comes first, so the engine skips to full stops: this runs on every entry.)
_GLUED_STOP = re.compile(rf"\.(?:(?<=[a-z\]]\.)(?=[A-Z][a-z]|[A-Z] [A-Z]|[A-Z]{{2}})|(?<=[a-z]\.)(?={YEAR}\s*;)"
                         rf"|(?<=\b[A-Z]\.)(?=[A-Z][a-z]{{2,}})|(?<=(?<!\d)\d{{4}}\.)(?=[A-Z][a-z]))")
# Markdown escapes left by converters: 15\_suppl, \*, \[.
_MD_ESCAPE = re.compile(r"\\([_*\[\]#])")
_TILDE_RANGE = re.compile(r"(?<=\d)\s*[~～〜]\s*(?=\d)")
_SPACE_RUN = re.compile(r"[ \t\n]+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+(?=[.,;:)\]])")
_SPACE_AFTER_OPEN = re.compile(r"(?<=[(\[])\s+")
# A volume and its issue set apart: "12 (3): 45" (CNKI spacing, NCI PDQ's "98 (3): 455-62").
_SPACED_ISSUE = re.compile(r"(?<=\d) (?=\([^()]{1,20}\)\s*:)")
# "[J] ." / "[EB/OL] ." : the type code glued to its period.
_CODE_SPACING = re.compile(r"\s*(\[[A-Z]{1,2}(?:/[A-Z]{2})?\])\s*(?=[.,/]|$)")
_DOUBLE_STOP = re.compile(r"\.(\s*\.)+")
# Converter damage inside numbers: "21 st century", "(2023-0303)", "[2024-0930]", pages "1. 1-1. 36".
_SPACED_ORDINAL = re.compile(r"(?<=\d) (?=(?:st|nd|rd|th)\b)")
_RUN_TOGETHER_DATE = re.compile(r"(?<=[(\[])(\d{4})-(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[)\]])")
_SPACED_SECTION_PAGES = re.compile(r": (\d{1,3})\. (\d{1,3})-(\d{1,3})\. (\d{1,3})\b")
# Markdown code spans and dashes a converter left before an entry: "`——` 邱均平, 2000b."
_LEADING_JUNK = re.compile(r"^(?:`[^`]{0,8}`|[—–\-]{2,}|[.,;:·•]+(?=\s))\s*")


def clean(text: str) -> str:
    """Canonical shape of one entry: half-width punctuation, hyphens, no markdown, one space.

    >>> clean("HORN L, MANSFIELD A S. First–line atezolizumab [J] . *N Engl J Med*, 2018, 379(23): 2220–2229.")
    'HORN L, MANSFIELD A S. First-line atezolizumab[J]. N Engl J Med, 2018, 379(23): 2220-2229.'
    >>> clean("全智能节电器：CN200610171314.3［P］．2008-01-16：8-9．")
    '全智能节电器: CN200610171314.3[P]. 2008-01-16: 8-9.'
    """
    # Each repair runs only when its trigger character is present: most entries need few.
    if not text.isascii():
        text = text.translate(_WIDTH)
        if "–" in text:  # a spaced en dash is punctuation ("MICCAI – 2015") and stays
            text = _EN_DASH_JOINED.sub("-", text)
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _MD_EMPHASIS.sub(r"\2", text)
        text = _MD_EMPHASIS.sub(r"\2", text)  # nested: ***x*** or *a **b** c*
    if "~" in text or "～" in text or "〜" in text:
        text = _TILDE_RANGE.sub("-", text)
    text = _SPACE_RUN.sub(" ", text).strip()
    text = ocr_digits(text)
    if "- " in text or " -" in text or " –" in text:
        text = _BROKEN_WORD.sub("", text)
        text = _BROKEN_RANGE.sub(r"\1-", text)
    if "." in text:
        text = _GLUED_STOP.sub(". ", text)
    if "[" in text:
        text = _CODE_SPACING.sub(r"\1", text)
        text = _SPACE_AFTER_OPEN.sub("", text)
    elif "(" in text:
        text = _SPACE_AFTER_OPEN.sub("", text)
    text = _SPACE_BEFORE_PUNCT.sub("", text)
    if " (" in text:
        text = _SPACED_ISSUE.sub("", text)
    if ". ." in text or ".." in text:
        text = _DOUBLE_STOP.sub(".", text)
    if " st" in text or " nd" in text or " rd" in text or " th" in text:
        text = _SPACED_ORDINAL.sub("", text)
    if "-" in text:
        if "(" in text or "[" in text:
            text = _RUN_TOGETHER_DATE.sub(r"\1-\2-\3", text)
        text = _SPACED_SECTION_PAGES.sub(r": \1.\2-\3.\4", text)
    if text[:1] in "`—–-.,;:·•":
        text = _LEADING_JUNK.sub("", text)
    return text


# --- pages ---------------------------------------------------------------------------------

_RANGE = re.compile(r"^(?P<a>[A-Za-z]*)(?P<start>\d+)(?P<sfx>[A-Za-z]*)-(?P<b>[A-Za-z]*)(?P<end>\d+)(?P<rest>.*)$")


def pages(text: str) -> str:
    """Canonical page range with one hyphen; abbreviated end pages expanded.

    >>> pages("687-97"), pages("224–233"), pages("S621-5"), pages("566-579.e7"), pages("giad067")
    ('687-697', '224-233', 'S621-S625', '566-579.e7', 'giad067')
    """
    text = _EN_DASH.sub("-", text.strip()).replace("—", "-").replace("--", "-")
    text = re.sub(r"\s*-\s*", "-", text)
    m = _RANGE.match(text)
    if not m:
        return text
    a, start, b, end = m["a"], m["start"], m["b"], m["end"]
    if len(end) < len(start) and b in ("", a):
        end = start[: len(start) - len(end)] + end
    if not b and len(a) == 1:
        b = a  # "e88-93", "S15-33": the end page carries the start's letter
    return f"{a}{start}{m['sfx']}-{b}{end}{m['rest']}"


# --- dates -----------------------------------------------------------------------------------

def iso_date(year: str, month: str = "", day: str = "") -> str:
    """``('2018', 'Dec', '6')`` -> ``'2018-12-06'``; months as numbers or English names."""
    if not year:
        return ""
    out = year
    if month:
        m = _month_number(month)
        if not m:
            return out
        out += f"-{m:02d}"
        if day and day.isdigit():
            out += f"-{int(day):02d}"
    return out


_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


def _month_number(month: str) -> int:
    if month.isdigit():
        n = int(month)
        return n if 1 <= n <= 12 else 0
    return _MONTHS.get(month[:3].lower(), 0)


def date(text: str) -> str:
    """``'2020-1-9'`` -> ``'2020-01-09'``; anything else unchanged."""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", text.strip())
    if not m:
        return text.strip()
    return iso_date(m[1], m[2], m[3] or "")
