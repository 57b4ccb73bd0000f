"""Body -> claims: sentences with their citation markers and the entities they name.

A claim is a sentence of the body (Chinese rules: 。！？； and English rules: a full stop that
is not a decimal point, an abbreviation or ``et al.``), with character offsets into the
original document. Headings, author biographies, affiliations, keywords and other front matter
are not claims. A marker belongs to the sentence it ends or follows: in ``...肿瘤。^[4]`` the
marker after the full stop still belongs to that sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..model import Claim
from ..vocab import lexicon
from ..vocab.lines import join_broken_line
from ..vocab.mentions import find_entities
from ..vocab.script import HAN, has_cjk, is_han, is_wide
from .markers import MARKER, find_markers

# --- sentences -----------------------------------------------------------------------------

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
_BIO = re.compile(rf"^[{HAN}]{{2,4}}\s*[，,]\s*(?:[^，,。]{{0,20}}[，,]\s*){{0,3}}"
                  r"(?:主任医师|副主任医师|教授|副教授|研究员|博士|硕士|主治医师|院长|主任)")
_CAPTION = re.compile(r"^\s*(?:图|表|Fig\.?|Figure|Table)\s*\d+", re.I)
_TERMINATORS = "。！？；!?"
# Marker styles that bylines and affiliations also show ("梁 贇¹，吉顺荣²"): they make no line text.
_AFFILIATION_LIKE = ("superscript", "flattened", "paren")


def _is_non_claim(line: str) -> bool:
    """Headings, front matter, biographies, affiliations, captions: text that asserts nothing."""
    text = line.strip()
    if not text:
        return True
    if _FRONT_MATTER.match(text) and not _KEEP_AFTER_LABEL.match(text):
        return True
    if _BIO.match(text):
        return True
    if any(m.style not in _AFFILIATION_LIKE for m in find_markers(text)):
        return False  # a line that cites is text, even a caption or a sentence cut by a formula
    if _CAPTION.match(text):
        return True
    if len(_INSTITUTION.findall(text)) >= 2 and not any(t in text for t in "。！？"):
        return True
    has_end = any(t in text for t in _TERMINATORS) or re.search(r"[A-Za-z0-9)\]%]\.(?:\s|$)", text)
    limit = 60 if has_cjk(text) else 120
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
        elif (ch in _TERMINATORS and not depth) or (ch == "." and not depth and _english_stop(text, i)):
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


_LOOK = 40


def _english_stop(text: str, i: int) -> bool:
    """A full stop that ends a sentence: followed by space and a capital, digit, Chinese or
    the end; not a decimal point, an initial, ``et al.``, ``vs.`` or ``Fig.``."""
    # Only a few characters either side matter: slicing the whole paragraph at every full
    # stop made long paragraphs quadratic.
    before, after = text[max(0, i - _LOOK):i], text[i + 1:i + 1 + _LOOK]
    marker = MARKER.match(text, i + 1)
    if not marker and ((after[:1] in "0123456789" and after[:1]) or not (after == "" or after[:1].isspace())):
        return False  # "3.5" is a number, "drug.¹" and "worldwide.1 In" are stops before markers
    if _ABBREVIATIONS.search(before):
        return False
    if marker:  # "drug.¹ For older patients": look past the marker
        after = text[marker.end():marker.end() + _LOOK]
    nxt = after.lstrip()[:1]
    return nxt == "" or nxt.isupper() or nxt.isdigit() or is_han(nxt) or nxt in "“\"'(（[【^<"


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
    return all(re.fullmatch(rf"[{HAN}·]{{2,5}}", i) or re.fullmatch(r"(?:[A-Z][A-Za-z'\-]+){1,3}", i)
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
    out: list[str] = []
    positions: list[int] = []
    last = 0
    for m in _LINE_BREAK.finditer(raw):
        piece = raw[last:m.start()]
        word = re.search(r"([A-Za-z]+)-$", piece)
        if word and join_broken_line(piece, raw[m.end(): m.end() + 1]) == piece[:-1] + raw[m.end(): m.end() + 1]:
            piece = piece[:-1]  # "chemo-" + "therapy": the hyphen was only hyphenation
        out.append(piece)
        positions.extend(range(base + last, base + last + len(piece)))
        before, after = raw[m.start() - 1: m.start()], raw[m.end(): m.end() + 1]
        if before and after and not (is_wide(before) or is_wide(after)
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
    >>> split_claims("REMINET临床试验^[9-10]探讨了SSA用于维持治疗的效果,胰腺及十二指肠NET在一线"
    ...              "治疗达到部分缓解或稳定后分别予以兰\\n\\n瑞肽维持或安慰剂治疗。")[0].entities.drugs
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
                                find_entities(MARKER.sub(" ", text), drug_lexicon), section, document, number))
    return _one_marker_style(claims)


def _one_marker_style(claims: list[Claim]) -> list[Claim]:
    """"Grade 3 events occurred in 12 patients (12).": where the writer cites with ^[n] or [n],
    a "(12)" that repeats a count just before it is that count, not a citation."""
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
