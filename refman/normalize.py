"""Normalisers: small pure functions, one concern each, that repair what PDFs and editors do
to reference text.

Two kinds live here. ``clean`` runs on a whole entry before any parser sees it (punctuation
width, dashes, markdown, spacing), so that every style parser reads one canonical shape.
The field normalisers (``pages``, ``doi``, ``person_name`` ...) each turn one extracted field
into its canonical form and never raise: what they cannot repair they return unchanged.
"""

from __future__ import annotations

import re

from .model import Name

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
_GLUED_STOP = re.compile(r"(?<=[a-z\]])\.(?=[A-Z][a-z]|[A-Z] [A-Z]|[A-Z]{2})|(?<=[a-z])\.(?=(?:1[6-9]|20)\d\d\s*;)")
# Markdown escapes left by converters: 15\_suppl, \*, \[.
_MD_ESCAPE = re.compile(r"\\([_*\[\]#])")
_TILDE_RANGE = re.compile(r"(?<=\d)\s*[~～〜]\s*(?=\d)")
_SPACE_RUN = re.compile(r"[ \t\n]+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+(?=[.,;:)\]])")
_SPACE_AFTER_OPEN = re.compile(r"(?<=[(\[])\s+")
# "[J] ." / "[EB/OL] ." : the type code glued to its period.
_CODE_SPACING = re.compile(r"\s*(\[[A-Z]{1,2}(?:/[A-Z]{2})?\])\s*(?=[.,/]|$)")
_DOUBLE_STOP = re.compile(r"\.(\s*\.)+")


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
    if ". ." in text or ".." in text:
        text = _DOUBLE_STOP.sub(".", text)
    return text


# --- CJK -----------------------------------------------------------------------------------

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def has_cjk(text: str) -> bool:
    """True when the text holds Chinese characters."""
    return bool(_CJK.search(text))


_LETTER = re.compile(r"[^\W\d_]")


def cjk_share(text: str) -> float:
    """Share of CJK characters among the letters of ``text`` (0.0 to 1.0)."""
    if text.isascii():
        return 0.0
    letters = len(_LETTER.findall(text))
    return len(_CJK.findall(text)) / letters if letters else 0.0


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
        end, b = start[: len(start) - len(end)] + end, a
    return f"{a}{start}{m['sfx']}-{b}{end}{m['rest']}"


# --- identifiers ---------------------------------------------------------------------------

def doi(text: str) -> str:
    """A DOI without prefix or trailing punctuation: ``'https://doi.org/10.1056/X.'`` -> ``'10.1056/X'``."""
    text = text.strip()
    text = re.sub(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", "", text, flags=re.I)
    text = text.rstrip(".,;")
    if text.endswith(")") and text.count("(") < text.count(")"):
        text = text[:-1]
    return text


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


# --- names ---------------------------------------------------------------------------------

# Words that make an author string an organisation rather than a person.
_CORPORATE_WORDS = re.compile(
    r"\b(group|network|board|committee|association|society|organi[sz]ation|consortium|"
    r"collaborat\w*|investigators|institute|institut|center|centre|agency|council|foundation|"
    r"party|union|federation|department|ministry|administration|commission|university|"
    r"hospital|college|academy|office|team|panel|service|services|working|registry|"
    r"authority|bureau|program|programme|project|study|trial|alliance|coalition|initiative|"
    r"collaborative|steering|writing|task\s+force|surveillance|statistics|corp|"
    r"inc|ltd|corporation|company|press|cancer|oncology|who|fda|ema|nccn|esmo|asco|ncc)\b",
    re.I,
)
_CJK_CORPORATE_END = re.compile(r"(院|部|局|所|厅|署|处|社|中央|政府|委员会|编写组|工作组|小组)$")
_CJK_ORG_WORD = re.compile(r"委员会|协会|学会|大学|医院|公司|办公室|集团|联盟|研究组|编写组|编辑部|出版社|"
                           r"中心|研究所|研究院|国家|全国|中国|中华|省|市|国务院|中央|政府|卫生|专家组|"
                           r"工作组|协作组|联合会|基金会|实验室|管理局|监督|疾病预防")
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŨŪŬŮŰŲŴŶŸŹŻŽ"
_INITIALS = re.compile(rf"^(?:[{_UPPER}]\.?){{1,3}}$|^[{_UPPER}]\.?-[{_UPPER}]\.?$")  # M, ME, M.E., J-R, Ö
_GIVEN_NAME = re.compile(r"^[A-Z][a-z\u00df-\u024f]+(?:-[A-Za-z][a-z\u00df-\u024f]+)*$")
_SUFFIX = re.compile(r"^(Jr|Sr|II|III|IV|2nd|3rd)\.?$")
_PARTICLES = {"van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "la", "le",
              "ter", "ten", "dos", "das", "do", "el", "al", "bin", "ibn", "v", "d", "vd"}
_LATIN_WORD = re.compile(r"^[^\W\d_][^\W\d_'\-.]*(?:['\-][^\W\d_]+)*\.?$")


def has_org_words(text: str) -> bool:
    """Words that only organisations have: ``Group``, ``Committee``, ``协会``, ``of the``."""
    if has_cjk(text):
        core = re.sub(r"\s", "", text)
        return bool(_CJK_ORG_WORD.search(core)) or len(core) >= 7 and "·" not in core
    words = text.split()
    return bool(_CORPORATE_WORDS.search(text)) or any(
        w.lower() in ("of", "and", "for", "the", "on", "in", "&") for w in words[1:])


def is_corporate(text: str) -> bool:
    """True for an organisation: ``'WHO Classification of Tumours Editorial Board'``,
    ``'中国抗癌协会神经内分泌肿瘤专业委员会'``; False for ``'CAPLIN M E'`` or ``'徐建明'``."""
    text = text.strip()
    if has_cjk(text):
        core = re.sub(r"\s", "", text)
        if _CJK_ORG_WORD.search(core) and len(core) > 2 or len(core) >= 7 and "·" not in core:
            return True
        # Single-character suffixes are also given names (张会), so they count only at length 3+.
        return len(core) >= 3 and bool(_CJK_CORPORATE_END.search(core))
    words = text.split()
    if len(words) > 4:
        return True
    if _CORPORATE_WORDS.search(text):
        return True
    return any(w.lower() in ("of", "and", "for", "the", "on", "in", "&") for w in words[1:])


def person_name(text: str) -> Name | None:
    """Parse one personal name as GB/T 7714 and Vancouver write it (family name first).

    Returns ``None`` when ``text`` is not shaped like a person's name.

    >>> person_name("CAPLIN M E")
    Name(family='Caplin', given='M. E.', particle='', suffix='', corporate=False)
    >>> person_name("Park J-R").given, person_name("Bang YJ").given, person_name("Li Jiangning").given
    ('J.-R.', 'Y. J.', 'Jiangning')
    >>> person_name("徐建明").family
    '徐建明'
    """
    text = text.strip().strip(",;")
    if not text:
        return None
    if has_cjk(text):
        core = re.sub(r"\s", "", text)
        if 2 <= len(core) <= 4 and re.fullmatch(r"[\u3400-\u9fff·•]+", core):
            return Name(core)
        if len(core) <= 6 and re.fullmatch(r"[\u3400-\u9fff]+", core) and not has_org_words(core):
            return Name(core)  # a transliterated foreign name written without its dot: 尼葛洛庞帝
        if re.fullmatch(r"[\u3400-\u9fff]+[·•・][\u3400-\u9fff·•・]+", core) and len(core) <= 12:
            return Name(core)  # a transliterated foreign name: 马克·吐温
        return None
    words = text.replace(",", " ").split()
    if not words or len(words) > 7:
        return None
    suffix = ""
    if len(words) > 2 and _SUFFIX.match(words[-1]):
        suffix = words.pop().rstrip(".")
    # A trailing lowercase von-part, as GB/T 7714-2025 writes "Veen P H v d".
    particle_tail: list[str] = []
    while len(words) > 2 and words[-1].lower() == words[-1] and words[-1].rstrip(".") in _PARTICLES:
        particle_tail.insert(0, words.pop())
    initials: list[str] = []
    while len(words) > 1 and _INITIALS.match(words[-1]):
        initials.insert(0, words.pop())
    if initials:
        family_words = words
        given = format_initials(" ".join(initials))
    elif len(words) >= 2 and all(_LATIN_WORD.match(w) for w in words[:1]) and all(
        _GIVEN_NAME.match(w) for w in words[1:]
    ):
        # Full given name, as pinyin is written in 2025 ("Li Jiangning") or NLM full names.
        family_words, given_words = words[:1], words[1:]
        given = " ".join(natural_case(w) for w in given_words)
    else:
        return None
    if not family_words or len(family_words) > 4:
        return None
    if not all(_LATIN_WORD.match(w) or w.lower() in _PARTICLES for w in family_words):
        return None
    family = " ".join(natural_case(w) for w in family_words)
    return Name(family, given, " ".join(particle_tail), suffix)


def format_initials(text: str) -> str:
    """``'M E'`` / ``'ME'`` / ``'M.E.'`` -> ``'M. E.'``; ``'J-R'`` -> ``'J.-R.'``."""
    out: list[str] = []
    for token in text.replace(".", " ").split():
        if "-" in token:
            out.append("-".join(f"{p}." for p in token.split("-") if p))
        else:
            out.extend(f"{c}." for c in token)
    return " ".join(out)


_PREFIXED_UPPER = re.compile(r"^(Mc|Mac|Fitz)([A-Z]{3,}.*)$")


def natural_case(word: str) -> str:
    """``'CAPLIN'`` -> ``'Caplin'``, ``"O'NEIL"`` -> ``"O'Neil"``, ``'PAZ-ARES'`` -> ``'Paz-Ares'``,
    ``'MCDONALD'`` -> ``'McDonald'``; a word already in mixed case is kept (``'DeVita'``)."""
    m = _PREFIXED_UPPER.match(word)
    if m:  # McDERMOTT, McKENZIE, MacDONALD: a capitalised prefix before an uppercase name
        return m[1] + natural_case(m[2])
    if not word.isupper() or len(word) == 1:
        return word
    parts = re.split(r"(['\-])", word)
    out = []
    for part in parts:
        if part in ("'", "-") or not part:
            out.append(part)
            continue
        low = part[0] + part[1:].lower()
        if low.startswith("Mc") and len(low) > 2:
            low = "Mc" + low[2:].capitalize()
        out.append(low)
    return "".join(out)


# Words that start real hyphenated compounds: a line break after "progression-" keeps the
# hyphen ("progression-free"); after "adenocar-" it was only hyphenation ("adenocarcinoma").
_COMPOUND_HEADS = frozenset("""
non anti pre post co multi self well high low long short first second third fourth open double single
dose small large end mid sub semi cross inter intra extra over under full half step one two three
four five re ex up cell time treatment placebo drug risk age sex gene disease event progression
relapse recurrence metastasis failure free label line stage grade year month week day patient
investigator central independent all cause real world phase""".split())


def join_broken_line(left: str, right: str) -> str:
    """Join a line that ends in a hyphen to the next: "can-" + "cer" -> "cancer", but
    "progression-" + "free" -> "progression-free" and "568-" + "571" -> "568-571"."""
    m = re.search(r"([A-Za-z]+)-$", left)
    if m and right[:1].islower() and m[1].islower() and m[1].lower() not in _COMPOUND_HEADS:
        return left[:-1] + right
    return left + right
