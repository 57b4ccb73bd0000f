"""Body -> claims: sentences with their citation markers and the entities they name.

A claim is a sentence of the body (Chinese rules: 。！？； and English rules: a full stop that
is not a decimal point, an abbreviation or ``et al.``), with character offsets into the
original document. Headings, author biographies, affiliations, keywords and other front matter
are not claims. A marker belongs to the sentence it ends or follows: in ``...肿瘤。^[4]`` the
marker after the full stop still belongs to that sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import lexicon
from .normalize import join_broken_line
from .styles.common import REGISTRY

# --- markers -------------------------------------------------------------------------------

_NUMS = r"\d{1,4}(?:\s*[-–—~～,，、]\s*\d{1,4})*"
MARKER = re.compile(
    rf"""\^\{{\s*\[(?P<a>{_NUMS})\]\s*\}}          # ^{{[4]}}
      | \^\[(?P<b>{_NUMS})\]                      # ^[4-5]
      | <sup>\s*\[?(?P<c>{_NUMS})\]?\s*</sup>     # <sup>4</sup>
      | (?<![0-9_\]])\[(?P<d>{_NUMS})\](?!\s*[=(:])  # [4,7], worldwide[1]; not "[2] =" or a link
      | ［(?P<e>{_NUMS})］ | 【(?P<f>{_NUMS})】
      | (?<=[^\W\d_]|[)\]”’"'.,;:。，；])(?P<g>[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[⁻,،‒–-][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*)
      # Vancouver's "(1)" / "(2,3)" at the end of a clause; "(1) first ..." enumerations are not
      | (?<=\S\s)[(（](?P<h>{_NUMS})[)）](?=\s*(?:[.;,。；，]|$))
      # superscripts flattened by PDF extraction: "worldwide.1 In ...", "P = .0046).2 Nivolumab"
      | (?<=[A-Za-z)\]]\.)(?P<i>\d{{1,3}}(?:[,–-]\d{{1,3}})*)(?=\s+[A-Z\u4e00-\u9fff]|\s*$)
    """,
    re.X,
)
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
# Superscripts after these are exponents and units, not citations: m², 10⁹, CD8⁺.
_UNIT_BEFORE = re.compile(r"(?:\b(?:m|cm|mm|km|μm|um|dm|ft|in|s|h|g|kg|l|L|mL)|\d)$")


def expand(numbers: str) -> tuple[int, ...]:
    """``'4-5'`` -> ``(4, 5)``; ``'4, 7-9'`` -> ``(4, 7, 8, 9)``; absurd ranges stay as their ends.

    >>> expand("13-16"), expand("4,7"), expand("4, 7-9")
    ((13, 14, 15, 16), (4, 7), (4, 7, 8, 9))
    """
    out: list[int] = []
    for part in re.split(r"\s*[,，、]\s*", numbers.translate(_SUPERSCRIPT)):
        bounds = [int(p) for p in re.split(r"\s*[-–—~～‒]\s*", part) if p.strip().isdigit()]
        if len(bounds) == 2 and 0 < bounds[1] - bounds[0] <= 50:
            out.extend(range(bounds[0], bounds[1] + 1))
        else:
            out.extend(bounds)
    return tuple(dict.fromkeys(out))


@dataclass(frozen=True)
class Marker:
    """A citation marker as written, where it stands, and the entry numbers it names.

    ``start``/``end`` are offsets into the document; ``at`` is the offset in the claim's text.
    """

    text: str
    start: int
    end: int
    numbers: tuple[int, ...]
    at: int = 0
    style: str = "bracket"  # caret, sup, bracket, superscript, paren, flattened


def find_markers(text: str, offset: int = 0, positions: list[int] | None = None) -> list[Marker]:
    """Every citation marker in ``text``; superscript exponents and units are skipped.

    ``positions`` maps each character of ``text`` to its offset in the document when the text
    was put together from several lines; otherwise ``offset`` is added.
    """
    out = []
    for m in MARKER.finditer(text):
        group = next(g for g in "abcdefghi" if m[g])
        if group == "g" and _UNIT_BEFORE.search(text[: m.start()]):
            continue
        numbers = expand(m[group])
        # A number that reads as a year ("[2019]") stays a marker only where the list is that
        # long: linking drops it otherwise (see linking.drop_year_markers).
        if numbers and all(n < 10000 for n in numbers):
            if positions:
                start, end = positions[m.start()], positions[m.end() - 1] + 1
            else:
                start, end = m.start() + offset, m.end() + offset
            out.append(Marker(m[0], start, end, numbers, m.start(), _STYLE[group]))
    return out


_STYLE = {"a": "caret", "b": "caret", "c": "sup", "d": "bracket", "e": "bracket", "f": "bracket",
          "g": "superscript", "h": "paren", "i": "flattened"}


# --- entities ------------------------------------------------------------------------------

# Trial-like names: capitals with digits or hyphens (KEYNOTE-158, IMpower133, DESTINY-Gastric04,
# KC-WISE, ToGA), possibly followed by more capital words (CLARINET FORTE, DART SWOG S1609).
_ACRONYM_WORD = r"(?:[A-Z][A-Za-z]*[A-Z0-9][A-Za-z0-9]*|[A-Z]{2,}[a-z]*|[a-z]{3,}[A-Z][A-Za-z0-9]*)(?:[-‐][A-Za-z0-9]+)*"
ACRONYM = re.compile(rf"(?<![A-Za-z0-9\-]){_ACRONYM_WORD}(?:[ \t](?:{_ACRONYM_WORD}|\d{{1,4}}(?![\d.%]))(?![A-Za-z0-9\-]))*(?![A-Za-z0-9\-])")
_TRIAL_WORDS = re.compile(r"^\s*(?:[ⅠⅡⅢⅣIV/]+\s*[bB]?\s*期|随机|双盲|前瞻性|多中心|回顾性|临床|\s)*"
                          r"(?:试验|研究|trial|study|studies)", re.I)
# How trial names are written: letters then two or more digits (KEYNOTE-189, IMpower133,
# CheckMate 067, E1912, DESTINY-Breast03) or camel case (IMpower, CheckMate, monarchE).
TRIAL_CODE = re.compile(r"^(?:[A-Za-z]+[\s\-]?)+\d{2,}[a-z]*$|^[A-Z]+[a-z]+[A-Z0-9]|^[a-z]+[A-Z]")
# ... or a word in capitals (FLAURA, RECOURSE), possibly with more words (DART SWOG S1609).
_CAPITAL_NAME = re.compile(r"^[A-Z]{4,}(?:[\s\-][A-Z0-9][A-Za-z0-9]*)*$|^[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:[\s\-][A-Z0-9][A-Za-z0-9]*)+$")


def trial_shaped(name: str) -> bool:
    """Whether a name is written like a trial's (the generic abbreviations are filtered before)."""
    return bool(TRIAL_CODE.match(name) or _CAPITAL_NAME.match(name))


_NAMED_STUDY = re.compile(r"(?<![A-Za-z0-9\-])([A-Z][a-z][A-Za-z0-9\-]{2,})(?=\s*(?:研究|试验))")
_TRIAL_WORDS_BEFORE = re.compile(r"(?:the|in|of|from)\s+(?:phase\s+[IV123]+\s+)?$", re.I)
_AUTHOR_MENTION = re.compile(
    r"(?<![A-Za-z])(?P<latin>(?:[A-Z][a-zà-ÿ'’]+)+(?:[-\s][A-Z][a-zà-ÿ'’]+)?)\s*(?:等人?|et\s+al\.?|and\s+colleagues|团队)"
    r"|(?P<cjk>[\u4e00-\u9fff]{1,3})等(?:人)?(?=[\^\[（(]|报道|研究|发现|开展|的)"
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*年)?(?!\d)")
@dataclass(frozen=True)
class Entities:
    """What a sentence names: trial acronyms, registry ids, drugs (INN), author mentions, years."""

    acronyms: tuple[str, ...] = ()
    trials: tuple[str, ...] = ()  # the acronyms that the sentence calls a trial or study
    registry: tuple[str, ...] = ()
    drugs: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    years: tuple[str, ...] = ()


def _is_generic(word: str, generic: frozenset[str]) -> bool:
    """``HER2``, and ``EGFR-mutated``, ``PD-L1-positive``: an abbreviation plus a lowercase word."""
    if word.upper() in generic:
        return True
    head, _, tail = word.rpartition("-")
    return bool(head) and tail.islower() and _is_generic(head, generic)


def trim_generic(name: str, generic: frozenset[str]) -> str:
    """``'DART SWOG S1609 II'`` -> ``'DART SWOG S1609'``: generic words off both ends."""
    if _is_generic(name, generic):
        return ""
    words = name.split()
    while words and (_is_generic(words[-1], generic) or words[-1].isdigit() and len(words) == 1):
        words.pop()
    while words and _is_generic(words[0], generic):
        words.pop(0)
    return " ".join(words)


def find_entities(text: str, drug_lexicon: lexicon.DrugLexicon | None = None) -> Entities:
    """The entities named in a sentence.

    >>> e = find_entities("在SSA的增量使用方面，CLARINET FORTE前瞻性Ⅱ期临床试验^[8]结果显示，增量使用兰瑞肽")
    >>> e.trials, e.drugs
    (('CLARINET FORTE',), ('lanreotide',))
    """
    generic = lexicon.generic_abbreviations()
    drug_lexicon = drug_lexicon or lexicon.drugs()
    clean = MARKER.sub(" ", text)
    acronyms, trials = [], []
    for m in ACRONYM.finditer(clean):
        name = trim_generic(m[0], generic)
        if not name or name.upper() in generic or len(name) < 3 or REGISTRY.fullmatch(name):
            continue
        if drug_lexicon.find(name):  # KN026, DS-8201: a drug's code, not a trial
            continue
        acronyms.append(name)
        after, before = clean[m.end(): m.end() + 16], clean[max(0, m.start() - 20): m.start()]
        if _TRIAL_WORDS.match(after) or _TRIAL_WORDS_BEFORE.search(before) and re.match(r"\s*(trial|study)", after, re.I):
            trials.append(name)
    # "Neotorch研究": a capitalised word that a Chinese sentence calls a study is a trial name.
    for m in _NAMED_STUDY.finditer(clean):
        if m[1] not in acronyms and not _is_generic(m[1], generic) and not drug_lexicon.find(m[1]):
            acronyms.append(m[1])
            trials.append(m[1])
    registry = [r[1] for r in REGISTRY.finditer(text)]
    drugs = [inn for inn, _, _ in drug_lexicon.find(clean)]
    authors = []
    for m in _AUTHOR_MENTION.finditer(clean):
        name = m["latin"] or m["cjk"]
        if name and name.upper() not in generic:
            authors.append(name.split()[-1] if m["latin"] else name)
    years = [m[1] for m in _YEAR.finditer(clean)]
    unique = lambda xs: tuple(dict.fromkeys(xs))  # noqa: E731 - order-keeping dedupe
    return Entities(unique(acronyms), unique(trials), unique(registry), unique(drugs),
                    unique(authors), unique(years))


_TITLE_AFTER_NAME = re.compile(r"(?:教授|医生|博士|院士|主任|研究员|团队|课题组|等人?(?=[\^\[（(]|报道|研究|发现|开展|的|在|发表))")


def chinese_persons(text: str) -> list[str]:
    """Chinese investigators named in a sentence: "由吴一龙教授牵头" -> ["吴一龙"].

    A name is two or three characters right before a title or "等", starting with a common
    surname; of "我国徐卫教授" the likelier reading, 徐卫 (徐 is far commoner than 国), wins.
    """
    surnames = lexicon.chinese_surnames()
    out = []
    for m in _TITLE_AFTER_NAME.finditer(text):
        before = text[max(0, m.start() - 4): m.start()]
        if re.search(r"教授|医生|博士|院士|主任|团队|等$", before):
            continue  # "教授团队": the title before this one already gave the name
        best, best_rank = None, None
        for size in (3, 2):
            name = before[-size:]
            if len(name) != size or not all("\u4e00" <= c <= "\u9fff" for c in name):
                continue
            surname = name[:2] if name[:2] in surnames and size == 3 else name[0]
            rank = surnames.get(surname)
            if rank is None:
                continue
            # Three characters is the usual length; two wins only with a much commoner surname.
            score = rank if size == 3 else rank * 3
            if best is None or score < best_rank:
                best, best_rank = name, score
        if best and best not in out:
            out.append(best)
    return out


# --- sentences -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Claim:
    """One sentence of the body, where it stands, its markers and what it names."""

    text: str
    start: int
    end: int
    markers: tuple[int, ...] = ()
    marker_spans: tuple[Marker, ...] = ()
    entities: Entities = field(default_factory=Entities)
    section: str = ""
    document: str = ""
    paragraph: int = 0  # 0-based line of the body the sentence stands in


_ABBREVIATIONS = re.compile(
    r"(?:\bet al|\bvs|\bv|\be\.g|\bi\.e|\bFig|\bFigs|\bNo|\bNos|\bDr|\bMr|\bMrs|\bMs|\bProf|\bapprox|\bca|"
    r"\bcf|\bRef|\bRefs|\bVol|\bJr|\bSr|\bSt|\bInc|\bLtd|\bCo|\bCorp|\bDept|\bUniv|\bmin|\bmax|\bvol|\bpp|\bp|"
    r"\b[A-Z])$"
)
_CLOSERS = "”’\"'」』）)】]》"
_OPENERS = {"(": ")", "（": "）", "[": "]", "【": "】", "“": "”", "「": "」"}
_FRONT_MATTER = re.compile(
    r"^\s*[\[【(（]?\s*\**\s*(?:关\s*键\s*[词字]|key\s*words?|keywords|摘\s*要|abstract|DOI|中图分类号|"
    r"文献标志码|文献标识码|文章编号|基金项目|funding|第一作者|通信作者|通讯作者|correspondence|"
    r"e-?mail|orcid|收稿日期|修回日期|利益冲突|conflicts? of interest|作者贡献|引用本文|cite this)"
    r"\s*\**\s*[\]】)）]?\s*(?:[:：]|\s|$)",
    re.I,
)
_KEEP_AFTER_LABEL = re.compile(r"^\s*[\[【]\s*\**\s*(?:摘\s*要|abstract)\s*\**\s*[\]】]\s*", re.I)
_INSTITUTION = re.compile(r"大学|医院|研究所|研究院|学院|中心|University|Hospital|Institute|Department|"
                          r"Center|Centre|School|College|Faculty|Laboratory", re.I)
_BIO = re.compile(r"^[\u4e00-\u9fff]{2,4}\s*[，,]\s*(?:[^，,。]{0,20}[，,]\s*){0,3}"
                  r"(?:主任医师|副主任医师|教授|副教授|研究员|博士|硕士|主治医师|院长|主任)")
_CAPTION = re.compile(r"^\s*(?:图|表|Fig\.?|Figure|Table)\s*\d+", re.I)
_TERMINATORS = "。！？；!?"


def _is_non_claim(line: str) -> bool:
    """Headings, front matter, biographies, affiliations, captions: text that asserts nothing."""
    text = line.strip()
    if not text:
        return True
    if _FRONT_MATTER.match(text) and not _KEEP_AFTER_LABEL.match(text):
        return True
    if _CAPTION.match(text) or _BIO.match(text):
        return True
    if len(_INSTITUTION.findall(text)) >= 2 and not any(t in text for t in "。！？"):
        return True
    has_end = any(t in text for t in _TERMINATORS) or re.search(r"[a-z0-9)\]%]\.(?:\s|$)", text)
    limit = 60 if any("\u4e00" <= c <= "\u9fff" for c in text) else 120
    return not has_end and len(text) < limit


def _sentence_ends(text: str) -> list[int]:
    """Offsets just past each sentence end in one paragraph (markers and closing quotes
    after the stop stay with the sentence)."""
    ends = []
    depth: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _OPENERS and not (ch == "[" and MARKER.match(text, i)):
            depth.append(_OPENERS[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
        elif ch in _TERMINATORS and not depth or ch == "." and not depth and _english_stop(text, i):
            j = i + 1
            while True:
                while j < n and text[j] in _CLOSERS:
                    j += 1
                m = MARKER.match(text, j) or (MARKER.match(text, j + 1) if text[j:j + 1] == " " else None)
                if not m:
                    break
                j = m.end()
            ends.append(j)
            i = j
            continue
        elif depth and ch in _TERMINATORS and ch in "。！？" and len(depth) > 3:
            depth.clear()
        i += 1
    if not ends or ends[-1] < n:
        ends.append(n)
    return ends


def _english_stop(text: str, i: int) -> bool:
    """A full stop that ends a sentence: followed by space and a capital, digit, Chinese or
    the end; not a decimal point, an initial, ``et al.``, ``vs.`` or ``Fig.``."""
    before, after = text[:i], text[i + 1:]
    marker = MARKER.match(text, i + 1)
    if not marker and (after[:1] in "0123456789" and after[:1] or not (after == "" or after[:1].isspace())):
        return False  # "3.5" is a number, "drug.¹" and "worldwide.1 In" are stops before markers
    if _ABBREVIATIONS.search(before):
        return False
    if marker:  # "drug.¹ For older patients": look past the marker
        after = text[marker.end():]
    nxt = after.lstrip()[:1]
    return nxt == "" or nxt.isupper() or nxt.isdigit() or "\u4e00" <= nxt <= "\u9fff" or nxt in "“\"'(（[【^<"


def _paragraphs(body: str) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` spans of the body: ``heading`` lines, and ``text`` paragraphs in
    which a sentence broken by a PDF page break (the line ends mid-sentence and the text goes
    on after blank lines) is put back together."""
    lines, offset = [], 0
    for line in body.split("\n"):
        lines.append((offset, offset + len(line), line))
        offset += len(line) + 1
    def following(k: int) -> str:
        return lines[k + 1][2] if k + 1 < len(lines) else ""

    def is_text(k: int) -> bool:
        return not _is_non_claim(lines[k][2]) or _fragment(lines[k][2], following(k))

    spans, i = [], 0
    while i < len(lines):
        start, end, line = lines[i]
        if not is_text(i):
            spans.append((start, end, "heading" if line.strip() else "blank"))
            i += 1
            continue
        while True:
            j = i + 1
            while j < len(lines) and j <= i + 3 and not lines[j][2].strip():
                j += 1
            current = body[start:end].rstrip()
            if (j < len(lines) and lines[j][2].strip() and is_text(j)
                    and not current.endswith(tuple(_TERMINATORS) + tuple(_CLOSERS) + (".", ":", "："))
                    and _continues(lines[j][2].lstrip())):
                end, i = lines[j][1], j
                continue
            break
        spans.append((start, end, "text"))
        i += 1
    return spans


_SUPERSCRIPTS_ETC = re.compile(r"[\d⁰¹²³⁴⁵⁶⁷⁸⁹*#†‡,\s]+")


def _author_line(text: str) -> bool:
    """"梁 贇¹，吉顺荣²，虞先濬²，陈 洁¹" or "LIANG Yun¹, JI Shunrong²": a byline."""
    items = [_SUPERSCRIPTS_ETC.sub("", i) for i in re.split(r"[,，、;；]", text)]
    items = [i for i in items if i]
    if len(items) < 2:
        return False
    return all(re.fullmatch(r"[\u4e00-\u9fff·]{2,5}", i) or re.fullmatch(r"(?:[A-Z][A-Za-z'\-]+){1,3}", i)
               for i in items)


def _fragment(line: str, following: str) -> bool:
    """A short line without a full stop that is part of a hard-wrapped sentence, not a
    heading: it holds a comma or ends with one or a hyphen, or the next line goes on in
    lower case or with a number."""
    text = line.strip()
    if not text or _FRONT_MATTER.match(text) or _CAPTION.match(text) or _BIO.match(text) or _author_line(text) \
            or len(_INSTITUTION.findall(text)) >= 2:
        return False
    if not following.strip():  # a line standing alone is a heading, whatever its commas
        return False
    if text[-1] in "-,，、;；(（" or re.search(r"[,，、；;]\s*\S", text):
        return True
    nxt = following.strip()[:1]
    return bool(nxt) and (nxt.islower() or nxt.isdigit() or nxt in "(（")


def _continues(line: str) -> bool:
    """The next line carries on a sentence a page break cut (it is not a new list item)."""
    return bool(line) and not re.match(r"[-•·*]\s|\d+[.、)]\s|[（(]\d+[)）]", line)


_LINE_BREAK = re.compile(r"\s*\n\s*")


def _joined(raw: str, base: int) -> tuple[str, list[int]]:
    """Text of a sentence with its line breaks closed up (no space between Chinese), and the
    document offset of every character."""
    out, positions, last = [], [], 0
    for m in _LINE_BREAK.finditer(raw):
        piece = raw[last:m.start()]
        word = re.search(r"([A-Za-z]+)-$", piece)
        if word and join_broken_line(piece, raw[m.end(): m.end() + 1]) == piece[:-1] + raw[m.end(): m.end() + 1]:
            piece = piece[:-1]  # "chemo-" + "therapy": the hyphen was only hyphenation
        out.append(piece)
        positions.extend(range(base + last, base + last + len(piece)))
        before, after = raw[m.start() - 1: m.start()], raw[m.end(): m.end() + 1]
        if before and after and not ("\u3000" <= before <= "\u9fff" or "\u3000" <= after <= "\u9fff"
                                     or before in "-–"):
            out.append(" ")
            positions.append(base + m.start())
        last = m.end()
    out.append(raw[last:])
    positions.extend(range(base + last, base + len(raw)))
    return "".join(out), positions


def split_claims(body: str, *, document: str = "",
                 drug_lexicon: lexicon.DrugLexicon | None = None) -> list[Claim]:
    """The claims of a document body, in order, with offsets into ``body``.

    >>> [c.markers for c in split_claims("PROMID和CLARINET两大经典药物临床试验^[4-5]分别证实了疗效。"
    ...                                      "最近发表的GETNE-TRASGU回顾性研究^[6]共纳入535例。")]
    [(4, 5), (6,)]
    >>> split_claims("REMINET临床试验^[9-10]探讨了SSA用于维持治疗的效果,胰腺及十二指肠NET在一线治疗达到部分缓解或稳定后分别予以兰\\n\\n瑞肽维持或安慰剂治疗。")[0].entities.drugs
    ('lanreotide',)
    """
    claims: list[Claim] = []
    section = ""
    for number, (p_start, p_end, kind) in enumerate(_paragraphs(body)):
        paragraph = body[p_start:p_end]
        if kind != "text":
            stripped = paragraph.strip()
            if kind == "heading" and stripped and len(stripped) < 60 and not _FRONT_MATTER.match(stripped):
                section = stripped
            continue
        start = 0
        label = _KEEP_AFTER_LABEL.match(paragraph)
        if label:
            start = label.end()
        for end in _sentence_ends(paragraph):
            if end <= start:
                continue
            raw = paragraph[start:end]
            lead = len(raw) - len(raw.lstrip(" \t\n-•·*"))
            raw_text = raw[lead:].rstrip()
            s = p_start + start + lead
            start = end
            text, positions = _joined(raw_text, s)
            if len(text) < 4 or not any(c.isalpha() for c in text):
                continue
            markers = find_markers(text, s, positions)
            numbers = tuple(dict.fromkeys(n for m in markers for n in m.numbers))
            claims.append(Claim(text, s, s + len(raw_text), numbers, tuple(markers),
                                find_entities(text, drug_lexicon), section, document, number))
    return _one_marker_style(claims)


def _one_marker_style(claims: list[Claim]) -> list[Claim]:
    """"Grade 3 events occurred in 12 patients (12).": where the writer cites with ^[n] or [n],
    a "(12)" that repeats a count just before it is that count, not a citation."""
    from collections import Counter

    styles = Counter(m.style for c in claims for m in c.marker_spans)
    if sum(n for s, n in styles.items() if s != "paren") < 3 or not styles["paren"]:
        return claims
    out = []
    for c in claims:
        kept = tuple(m for m in c.marker_spans if not (
            m.style == "paren" and re.search(rf"(?<!\d){m.numbers[0]}\s+\w+\s*$", c.text[: m.at])))
        if len(kept) != len(c.marker_spans):
            numbers = tuple(dict.fromkeys(n for m in kept for n in m.numbers))
            c = replace(c, markers=numbers, marker_spans=kept)
        out.append(c)
    return out
