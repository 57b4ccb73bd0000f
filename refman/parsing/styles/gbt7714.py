"""GB/T 7714 (2015 and 2025 editions): ``责任者. 题名[文献类型标识]. 出版项.``

The type code in square brackets is the anchor: what stands before it is the author list and
the title (with other title information such as a standard or patent number); what follows is
the publication statement, whose shape the code decides: ``刊名, 年, 卷(期): 页码`` for
journals, ``出版地: 出版者, 年`` for books, theses and reports, a date for patents and
newspapers, ``//`` for a part of a larger work.
"""

from __future__ import annotations

import re

from ...model import Name, Reference
from ...vocab import types
from ...vocab.names import Authors, is_organisation, parse_author_list
from ...vocab.script import HAN, YEAR, has_cjk, language_of
from .. import normalize
from .common import lift_identifiers, make_reference, parse_publication, split_authors, tidy

CODE = re.compile(rf"\[(?P<code>[A-Z]{{1,2}})(?:/(?P<carrier>[A-Z]{{2}}))?\]|\[(?P<label>[{HAN}]{{2,7}})\]")
# The codes this parser knows: the standard's types and carriers ([OL] alone is read as [EB/OL]).
KNOWN_CODES = frozenset(types.TYPES) | types.CARRIERS

# A journal locator: "2017, 3(10): 1335-1342", "2022(6): 545-580", "2021, 32: S906",
# "2024-05-09", "1984, 1(1)-." (open range), "2020, 31: S774".
_JOURNAL_LOCATOR = re.compile(
    rf"""^(?P<container>.+?)\s*[,，]\s*
        (?P<year>{YEAR})(?:-(?P<month>\d{{1,2}})(?:-(?P<day>\d{{1,2}}))?)?[a-z]?
        (?:\s*,\s*(?P<volume>[A-Za-z]?\d[\w.\-/]*|[A-Z][\w.\-]*\d))?
        (?:\s*,?\s*\((?P<issue>[^()]{{1,20}})\))?
        (?P<open>\s*[-—]\s*(?=\.|$))?
        (?:\s*:\s*(?P<pages>[A-Za-z]*\d[\w\-+]*(?:\.e\d+)?(?:\s*,\s*[A-Za-z]*\d[\w\-]*)*|[A-Za-z]+\d+))?
        \s*(?P<after>.*)$""",
    re.X,
)
# A journal's locator of the author-year system, the year already given: "Nature, 510: 356-362",
# "中国出版(5): 38-39", "北京大学学报(哲学社会科学版), 50(1): 75", "Ecosphere, 10(9)". Searched in
# short tails only (a journal's tail is short): the leftmost place from which the rest is a locator.
_AUTHOR_YEAR_LOCATOR = re.compile(
    r"""[,\s]*(?P<volume>[A-Za-z]?\d[\w.\-/]*)?
        (?:\s*\((?P<issue>[^()]*\d[^()]*|增刊[^()]*|Suppl[^()]*)\))?
        (?:\s*:\s*(?P<pages>[A-Za-z]*\d[\w\-+]*(?:\.e\d+)?(?:\s*,\s*[A-Za-z]*\d[\w\-]*)*))?
        \s*(?P<after>\[[\d\-]+\])?\s*$""",
    re.X,
)
# A standard's number: an issuing body's code (GB/T, NB/T, ISO, IEC/IEEE, AIAA ...), a number,
# the year: "GB/T 7714—2015", "ISO 21378: 2019", "IEC/IEEE 61636-1: 2021", "AIAA G-136—2022".
_CONFERENCE_PART = re.compile(rf"^[^.:]{{4,200}}?[,.]\s*{YEAR}\s*:\s*[A-Za-z]?\d[\w\-]*\.?$")
_STANDARD_NUMBER = re.compile(
    r"""(?P<number>(?:[A-Z]{2,8}(?:/[A-Z]{1,6})*|T/[A-Z]+|DB\d*(?:/T)?)\s*(?:[A-Z]{1,3}\s?-?\s?)?\d+(?:[.\-]\d+)*
        (?:\s*[—\-:]\s*\d{4})?)""",
    re.X,
)
_PATENT_NUMBER = re.compile(r"(?P<number>(?:[A-Z]{2})?\d{6,}(?:\.\d)?[A-Z]?\d?)")
_TRANSLATED = re.compile(r"^(?P<names>.+?)\s*[,，]?\s*(?:等\s*[,，]?\s*)?译$")
_THESIS_MASTERS = re.compile(r"硕士|master", re.I)
_EDITOR_MARK = re.compile(r"\s*[,，]?\s*(?:\b(?:eds?|editors?)\b\.?|主编|编著|编|等编)\s*$", re.I)
_VERSION = re.compile(r"(?:^|[\s:,])(?P<v>[Vv](?:ersion\s*)?\d+(?:\.\d+)*)\s*$")


def _find_code(text: str) -> re.Match[str] | None:
    for m in CODE.finditer(text):
        if (m["code"] and m["code"] in KNOWN_CODES) or (m["label"] and m["label"] in types.LABELS):
            return m
    return None


def matches(text: str) -> bool:
    """True when the entry carries a GB/T 7714 type code such as ``[J]`` or ``[EB/OL]``."""
    return _find_code(text) is not None


def parse(text: str) -> Reference:
    """Parse one GB/T 7714 entry (already cleaned by ``normalize.clean``).

    >>> ref = parse("CAPLIN M E, PAVEL M, ĆWIKŁA J B, et al. Lanreotide in metastatic enteropancreatic "
    ...             "neuroendocrine tumors[J]. N Engl J Med, 2014, 371(3): 224-233.")
    >>> ref.authors[2].bibtex(), ref.container, ref.volume, ref.issue, ref.pages, ref.style
    ('Ćwikła, J. B.', 'N Engl J Med', '371', '3', '224-233', 'gbt7714-2015')
    """
    ids = lift_identifiers(text)
    body = ids.rest
    m = _find_code(body)
    if not m:  # callers check ``matches`` first; keep the whole text rather than fail
        return Reference(raw=text, style="fallback", title=body, note=body)
    code = m["code"] or types.LABELS[m["label"]]
    carrier = m["carrier"] or ""
    if code in types.CARRIERS and not carrier:  # "[OL]" alone is a carrier, not a type
        code, carrier = "EB", code
    head, tail = body[: m.start()].strip(), body[m.end():].strip()
    fields: dict = {"type_code": code, "carrier": carrier, "notes": list(ids.notes)}

    authors, title, paren_year = split_authors(head)
    if authors is None:
        authors = Authors(())
    fields["authors"], fields["et_al"] = authors.names, authors.et_al
    if paren_year:
        fields["year"] = paren_year
    title, fields = _title_and_number(title, code, fields)
    fields["title"] = title

    is_part = tail.startswith("//")
    tail = tail.lstrip("/").strip().lstrip(".").strip()
    if not is_part and code in ("C", "M", "G"):
        # Converters lose the "//"; lists also write "[C]. In: Proceedings ..." or a paper's
        # conference alone "[C]. IEEE Conference on X, 2007: 514-517"
        inside = re.match(r"In\s*:\s*", tail)
        if inside or (code == "C" and _CONFERENCE_PART.match(tail)):
            is_part, tail = True, tail[inside.end():] if inside else tail
    # 2025 puts a translator right after the type code: "[J]. 顾幼静, 译." / "[M]. 姜海伦, 译//..."
    tm = re.match(r"^(?P<names>[^./]+?)\s*[,，]?\s*(?:等\s*[,，]?\s*)?译\s*(?:\.\s*|(?=//))", tail)
    if tm:
        translators = parse_author_list(tm["names"], allow_corporate=False)
        if translators:
            fields["translators"] = translators.names
            tail = tail[tm.end():]
            if tail.startswith("//"):
                is_part, tail = True, tail[2:].strip()
    vm = re.match(r"^(?P<v>[Vv](?:ersion\s*)?\d+(?:\.\d+)*)\s*\.\s*", tail)
    if vm:  # 2025: "[DS/OL]. V1. 平台(日期)[引用日期]"
        fields["version"] = vm["v"]
        tail = tail[vm.end():]
    pm = re.match(rf"^(?P<platform>[^()\[\].]+?)\s*\((?P<date>{YEAR}(?:-\d{{1,2}}){{0,2}})\)\s*\.?\s*"
                  r"(?P<rest>.*)$", tail)
    if pm and code in ("DS", "DB", "PP", "EB", "CP", "Z"):
        fields["publisher"], fields["updated"] = pm["platform"].strip(), normalize.date(pm["date"])
        tail = pm["rest"]
    elif code in ("DS", "DB", "PP") and tail and not re.search(YEAR, tail):
        fields["publisher"], tail = tail.strip(" ."), ""
    entry_type = types.bibtex_type(code, part=is_part)

    if is_part:
        _parse_part(tail, fields)
    elif code in ("J", "N"):
        _parse_serial(tail, fields)
    elif code in ("P",) or (code in ("R",) and re.match(rf"^{YEAR}-\d", tail)):
        _parse_dated(tail, fields)
    else:
        _parse_monograph(tail, fields)

    if code == "D" and _THESIS_MASTERS.search(text):
        entry_type = types.bibtex_type(code, masters=True)

    updated = ids.updated or fields.get("updated", "")
    if updated and not fields.get("date") and code in ("EB", "PP", "DS", "DB", "CP") and \
            fields.get("year", updated[:4]) == updated[:4]:
        fields["date"] = updated  # an online item's own (published or updated) date
    number_year = re.search(rf"(?<!\d)({YEAR})\s*$", fields.get("doc_number", "")) if code == "S" else None
    if not fields.get("year") and number_year:
        fields["year"] = number_year[1]  # the 2025 edition cites a standard by its number alone: its year is in it
    if not fields.get("year") and (updated or fields.get("date")):
        # An online item dated only by its update: that date is the version cited.
        fields["year"] = (updated or fields["date"])[:4]
    language = language_of(title or text)
    style = _edition(text, fields, code, carrier)
    fields["updated"] = updated
    return make_reference(text, ids, fields, style=style, entry_type=entry_type, language=language)


def _title_and_number(title: str, code: str, fields: dict) -> tuple[str, dict]:
    """Separate the number that standards, patents and reports carry beside their title:
    ``信息与文献 参考文献著录规则: GB/T 7714—2015`` (2015) or ``GB/T 3792—2021 信息与文献 资源描述`` (2025)."""
    title = title.strip().rstrip(".")
    if code == "S":
        m = re.match(rf"^{_STANDARD_NUMBER.pattern}\s+(?P<title>.+)$", title, re.X)
        if m:
            fields["doc_number"] = _standard_number(m["number"])
            return m["title"].strip(), fields
        m = re.search(rf"\s*:\s*{_STANDARD_NUMBER.pattern}\s*$", title, re.X)
        if m:
            fields["doc_number"] = _standard_number(m["number"])
            return title[: m.start()].strip(), fields
    if code == "P":
        m = re.search(rf"\s*:\s*{_PATENT_NUMBER.pattern}\s*$", title)
        if m:
            fields["doc_number"] = m["number"]
            return title[: m.start()].strip(), fields
    if code == "CM":
        m = re.search(r"\.?\s*(?P<scale>1\s*:\s*[\d\s,]+\d)\s*$", title)
        if m:  # the map's scale is not part of its title
            fields["notes"].append(f"Scale {m['scale']}")
            return title[: m.start()].strip(), fields
    if code in ("R", "A"):
        # "...: PB 91-194001", "...: 7178999X-2006BAK04A10/10.2013", "...: 04-01-35-0399-039",
        # "...: 京政办发[2005]37号"
        m = re.search(rf"\s*:\s*(?P<number>[A-Za-z][\w\-/.]*\d[\w\-/.]*|\d[\w\-/.]*[A-Za-z][\w\-/.]*|"
                      r"[A-Z]{1,6}\s\d[\w\-/.]+|\d+(?:[\-/.]\d+){2,}|"
                      rf"[{HAN}]{{2,8}}\[\d{{4}}\]\s?\d+\s?号|"
                      r"(?:[A-Za-z]+\s){0,4}(?:series|report|reports|No\.?|number)\s*\d[\w\-/.]*)\s*$", title, re.I)
        if m:
            fields["doc_number"] = re.sub(r"\s+(?=\d|号)|(?<=\])\s+", "", m["number"]) if has_cjk(m["number"]) \
                else m["number"]
            return title[: m.start()].strip(), fields
    if code in ("DS", "DB", "PP", "CP"):
        m = _VERSION.search(title)
        if m and m.start() > 0:
            fields["version"] = m["v"]
            return title[: m.start()].rstrip(" :,.").strip(), fields
    return title, fields


def _standard_number(number: str) -> str:
    """``ISO 21378: 2019`` -> ``ISO 21378:2019``: the number as the issuing body writes it."""
    return re.sub(r"\s*:\s*", ":", number.strip())


def _parse_serial(tail: str, fields: dict) -> None:
    """``刊名, 年, 卷(期): 页码`` and its variants; newspapers ``报名, 日期(版次)``."""
    tail = tail.strip().rstrip(".").strip()
    whole = re.match(rf"^(?P<year>{YEAR})\s*,\s*(?P<volume>\d+)\s*\((?P<issue>[^()]+)\)\s*[-—]\s*\.?\s*"
                     r"(?P<rest>.*)$", tail)
    if whole:  # a whole serial from its first issue on: "1984, 1(1)-. 武汉: 出版者, 1984-"
        fields.update(year=whole["year"], volume=whole["volume"], issue=whole["issue"].strip())
        fields["notes"].append("open range")
        pub = parse_publication(re.sub(r"[-—]\s*$", "", whole["rest"]))
        fields["place"], fields["publisher"] = pub.place, pub.publisher
        return
    m = _JOURNAL_LOCATOR.match(tail)
    am = _AUTHOR_YEAR_LOCATOR.search(tail) if not m and fields.get("year") and len(tail) < 400 else None
    if am and am.start() > 0 and (am["volume"] or am["issue"] or am["pages"]):
        # the author-year system gave the year after the names: "Nature, 510: 356-362"
        fields["container"] = tail[: am.start()].strip(" ,")
        fields["volume"], fields["issue"] = am["volume"] or "", (am["issue"] or "").strip()
        if am["pages"]:
            fields["pages"] = normalize.pages(am["pages"])
        return
    if not m:
        pub = parse_publication(tail)
        fields["container"] = pub.publisher or tail
        _merge_publication(pub, fields, keep_publisher=False)
        return
    fields["container"] = m["container"].strip()
    fields["year"] = m["year"]
    if m["month"]:
        fields["date"] = normalize.iso_date(m["year"], m["month"], m["day"] or "")
    if m["volume"]:
        fields["volume"] = m["volume"]
    if m["issue"]:
        issue = m["issue"].strip()
        if fields.get("type_code") == "N" and not m["volume"] and m["month"]:
            fields["pages"] = issue  # a newspaper's (版次) is its page
        else:
            fields["issue"] = issue
    if m["pages"]:
        fields["pages"] = normalize.pages(m["pages"])
    elif m["open"]:
        fields["pages"] = ""
        fields["notes"].append("open range")
    after = tidy(m["after"])
    if after:
        fields["notes"].append(after)


def _parse_monograph(tail: str, fields: dict) -> None:
    """``[版本项.] 出版地: 出版者, 出版年[: 页码]`` for books, theses, reports, standards, web items."""
    tail = tail.strip().rstrip(".").strip()
    if not tail:
        return
    pub = parse_publication(tail)
    _merge_publication(pub, fields)


def _parse_dated(tail: str, fields: dict) -> None:
    """Patents and 2025 reports: ``公告日期[: 页码]``."""
    tail = tail.strip().rstrip(".")
    m = re.match(rf"^(?P<y>{YEAR})(?:-(?P<m>\d{{1,2}})(?:-(?P<d>\d{{1,2}}))?)?"
                 r"(?:\s*:\s*(?P<pages>[\w\-]+))?\s*\.?\s*(?P<after>.*)$", tail)
    if not m:
        _parse_monograph(tail, fields)
        return
    fields["year"] = m["y"]
    if m["m"]:
        fields["date"] = normalize.iso_date(m["y"], m["m"], m["d"] or "")
    if m["pages"]:
        fields["pages"] = normalize.pages(m["pages"])
    if m["after"].strip():
        fields["notes"].append(tidy(m["after"]))


def _parse_part(tail: str, fields: dict) -> None:
    """A part of a larger work: ``//编者. 书名. 出版地: 出版者, 年: 页码`` or the 2025
    conference form ``//会议名称, 年份: 页码``."""
    tail = tail.strip().rstrip(".")
    editors: tuple[Name, ...] = ()
    segments = re.split(rf"\.\s+|(?<=[{HAN}])\.(?=\S)", tail, maxsplit=1)
    if len(segments) == 2:
        names = parse_author_list(segments[0])
        persons = names is not None and all(not n.corporate for n in names.names)
        organisations = names is not None and all(is_organisation(n.family) for n in names.names if n.corporate)
        if names and (persons or names.role == "editor" or (organisations and not _looks_like_container(segments[0]))):
            editors = names.names
            tail = segments[1]
    fields["editors"] = editors
    # The container runs to the publication statement: "[edition.] place: publisher, year".
    parts = re.split(r"\.\s+", tail)
    for i in range(1, len(parts)):
        rest = ". ".join(parts[i:])
        dated = re.search(YEAR, rest) and (":" in rest or re.match(r"\s*\d+(?:st|nd|rd|th)?\s*(?:ed|版)", rest)
                                           or re.fullmatch(rf"[^,]*,\s*{YEAR}.*", rest))
        # the author-year system gave the year after the names: "北京: 科学出版社: 32-36"
        undated = fields.get("year") and re.match(r"[^:.]{1,40}:\s*\S", rest)
        if dated or undated:
            fields["container"] = ". ".join(parts[:i]).strip()
            _merge_publication(parse_publication(rest), fields)
            return
    m = re.match(rf"^(?P<container>.+?)\s*,\s*(?P<year>{YEAR})(?:\s*:\s*(?P<pages>[\w\-]+))?\s*$", tail)
    if m:
        fields["container"] = m["container"].strip()
        fields["year"] = m["year"]
        if m["pages"]:
            fields["pages"] = normalize.pages(m["pages"])
        return
    fields["container"] = tail.strip()


def _looks_like_container(text: str) -> bool:
    return len(text.split()) > 4 or bool(re.search(r"proceedings|conference|symposium|会议|论文集|年会", text, re.I))


def _merge_publication(pub, fields: dict, keep_publisher: bool = True) -> None:
    for name in ("place", "publisher", "year", "date", "pages", "edition"):
        value = getattr(pub, name)
        if not value or (name == "publisher" and not keep_publisher) or (name == "place" and not keep_publisher):
            continue
        if name == "year" and fields.get("year"):
            continue
        fields[name] = value
    if pub.rest:
        fields["notes"].append(pub.rest)


def _edition(text: str, fields: dict, code: str, carrier: str) -> str:
    """Which edition of GB/T 7714 the entry follows: 2025 writes Latin family names in mixed
    case, knows the PP code and the MM carrier, and puts translators after the type code."""
    if code == "PP" or carrier == "MM" or (fields.get("translators") and "译." in text.split("]", 1)[-1][:40]):
        return "gbt7714-2025"
    latin = [n for n in fields.get("authors", ()) if not n.corporate and n.given]
    if latin:
        raw_head = text.split("[", 1)[0]
        upper = sum(1 for n in latin if n.family.upper() in raw_head)
        if upper == 0:
            return "gbt7714-2025"
    return "gbt7714-2015"
