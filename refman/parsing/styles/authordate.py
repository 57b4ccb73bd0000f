"""English styles without a type code: author-year (APA, Harvard, CSE name-year, Elsevier),
quoted titles (Chicago, IEEE, ACS, MLA) and the NLM variants the Vancouver anchor misses
(BMC's ``Kudsk KA: Title. Am J Surg 1989, 158:515-9.``, NCI PDQ's ``Cancer 98 (3): 455-62, 2003.``).

An entry is read in three steps, each with the rules the style manuals give:

1. the **head**: an author list in any name order, ended by the year (``(2003).``, ``, 2011.``,
   ``. 2013.``), a quoted title, a colon or a full stop;
2. the **title**: in quotes, or the first sentence after the head;
3. the **tail**: a journal and its locator (``13(2), 137-172``, ``85, 1403–1407``, ``vol. 39,
   no. 9, pp. 1175-1185``, ``22, no. 9 (2020): 1064–1070``), a chapter (``In ... (Ed.), Book
   (pp. 1-10). Place: Publisher``), a thesis, or a book's place and publisher.
"""

from __future__ import annotations

import heapq
import itertools
import re

from ...model import Reference
from ...vocab.identifiers import registry_ids
from ...vocab.names import Authors, parse_author_list, parse_name_sequence
from ...vocab.script import YEAR, YEAR_RE, cjk_share, language_of
from .. import normalize
from .common import lift_identifiers, make_reference, parse_publication, tidy

_PAGES = r"[A-Za-z]{0,4}\d[\w.]*(?:\s*[-–—]+\s*[A-Za-z]{0,4}\d[\w.]*)?"
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_SEASONS = r"(?:Spring|Summer|Fall|Autumn|Winter)"

# Where the head (the author list) can end, with the year when the style puts it there.
_HEAD_ENDS = re.compile(
    rf"""\s*\((?:(?P<m0>{_MONTHS})\s+)?(?P<y1>{YEAR})[a-z]?(?:,\s*(?P<md>{_MONTHS}(?:\s+\d{{1,2}})?))?\)[.,:]?\s*
       |[,.]\s*(?P<y2>{YEAR})[a-z]?\s*[.:,]\s+                                            # , 2011.  . 2013.  2007a:
       |\s*\((?:n\.\s?d\.|in\s+press)\)[.,]?\s*                                            # (n.d.)
       |[,.]?\s+(?=[“"]|``|'[A-Z"“])                                                          # before a quoted title
       |(?<=[A-Za-z.]):\s+                                                                 # BMC: "Kudsk KA: Title"
       |\.\s+""",
    re.X,
)
# Initials going on after a full stop: "Best, M. J., Cox, ..." stopped at "M.".
_MORE_NAMES = re.compile(r"(?:[A-Z]\.\s?)*[A-Z]\.?\s*(?:[,;:&]|and\b)")
_MEDIUM = re.compile(r"\s*\[(?P<kind>database|data ?set|software|computer program|Internet|online)\]", re.I)
_GROUP_WORDS = re.compile(r"\b(?:Investigators|Group|Collaborat\w+|Consortium|Committee|Network|Team|Society|"
                          r"Association|Panel|Working Party)\b")
_INITIALS_SOMEWHERE = re.compile(r"\b[A-Z]{1,3}\b(?![a-z])|\b[A-Z]\.")
_QUOTED = re.compile(r"(?:[“\"](?P<t1>[^”\"]{3,600})[”\"]|``(?P<t2>.{3,600}?)''|"
                     r"'(?P<t3>[A-Z\"“].{2,600}?)'(?=[.,:;]?\s|[.,]?$))")
_BOUNDARY = re.compile(r"(?<=[^\s.])(?P<stop>[.?!])\s+(?=\S)")
# A word before a full stop that is an abbreviation, not the end of a title.
_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:[A-Z]|vs|St|Dr|Mr|Mrs|Ms|No|Nos|Vol|Ed|Eds|pp|al|Inc|Ltd|Co|Jr|Sr|e\.g|i\.e|"
                           r"U\.S|U\.K|Fig|ed|eds|cf)$")

# Journal locators, most specific first; the container is what stands before the match.
_LOCATORS = [re.compile(p, re.X | re.I) for p in (
    # IEEE: "IEEE Trans..., vol. 39, no. 9, pp. 1175-1185, Sep. 1990" / "J ACM, Vol. 43, No. 2, 193-224"
    rf"""[,.]?\s*(?<![A-Za-z])vol\.?\s*(?P<volume>[\w-]+)(?:\s*,?\s*no\.?\s*(?P<issue>[\w/-]+))?
        (?:\s*,?\s*(?:pp?\.\s*|pages\s+)?(?P<pages>{_PAGES}))?(?:\s*,\s*(?P<month>{_MONTHS})?\s*(?P<year>{YEAR}))?""",
    # Chicago/MLA: "Journal Name 22, no. 9 (2020): 1064–1070" / "Carleton Germanic Papers 24 (1996): 197–214"
    rf"""[,.]?\s+(?P<volume>\d+[A-Z]?)(?:\s*,\s*nos?\.\s*(?P<issue>[\w/-]+))?\s*
        \((?:(?P<month>{_MONTHS}|{_SEASONS})\s*)?(?P<year>{YEAR})[a-z]?\)\s*[:,]\s*(?:pp?\.\s*)?(?P<pages>{_PAGES})""",
    # BMC / NLM without semicolon: "Am J Surg 1989, 158:515-9" / "Chest 2001, 119(1 Suppl):132S-75S"
    rf"""\s+(?P<year>{YEAR})\s*[,;]\s*(?P<volume>\d+[A-Z]?)\s*(?:\((?P<issue>[^()]{{1,20}})\))?\s*:\s*
        (?P<pages>{_PAGES})""",
    # NCI PDQ: "Cancer 98 (3): 455-62, 2003"
    rf"""[,.]?\s+(?P<volume>\d+)\s*\((?P<issue>[^()]{{1,20}})\)\s*:\s*(?P<pages>{_PAGES})\s*,\s*(?P<year>{YEAR})""",
    # volume:issue:pages "43:17: 6691"
    rf"""[,.]?\s+(?P<volume>\d+):(?P<issue>\d+):\s*(?P<pages>{_PAGES})""",
    # APA/Harvard/CSE/Elsevier: "Journal, 13(2), 137-172" / "J. Virol. 85, 1403–1407" / "Trends ... 16: 491-497"
    rf"""[,.]?\s+(?P<volume>\d+[A-Z]?)\s*(?:\((?P<issue>[^()]{{1,20}})\))?\s*(?:[,:]|\.\s)\s*(?:pp?\.\s*|pages\s+)?
        (?P<pages>{_PAGES})""",
    # no punctuation at all, a page range: "Communications of the ACM 38 39-41" / "12(3) 175-204"
    r"""[,.]?\s+(?P<volume>\d+[A-Z]?)\s*(?:\((?P<issue>[^()]{1,20})\))?\s+(?P<pages>\d+\s*[-–]\s*\d+)""",
    # volume and issue, or volume alone (not a year), at the end: "Ecosphere, 10(9)" / "J Electron Publ 4 (2)"
    rf"""[,.]?\s+(?<!p\.\s)(?!{YEAR}\b)(?P<volume>\d+[A-Z]?)\s*(?:\((?P<issue>[^()]{{1,20}})\))?(?=\s*\.?\s*$)""",
)]
# What a journal's name never holds: an edition, a place and publisher, a role.
_NOT_A_JOURNAL = re.compile(r"\b\d+(?:st|nd|rd|th)\s+ed\b|\b(?:editors?|eds?)\.|\[Internet\]|"
                            r"[A-Za-z)]\s*:\s*[A-Z][\w .&()]+(?:Press|Publish\w*|Books|Verlag|Wiley|Springer|"
                            r"Elsevier|Inc|Ltd|\(US\))", re.I)
# A "container" ending in a date is a journal's date, and what follows it a day, not a volume.
_DATED = re.compile(rf"{YEAR}(?:\s+{_MONTHS})?$")
_CHAPTER = re.compile(r"^In:?\s+(?P<rest>.+)$", re.I)
_EDITED_BY = re.compile(r",?\s*(?:edited|eds?\.)\s+by\s+(?P<eds>[^,]+?(?:,\s*[^,]+?)*?)"
                        r"(?=,\s*(?:\d|pp?\.)|[.,]\s*[A-Z][a-z]+:|$)", re.I)
_PP = re.compile(rf"\(?\s*pp?\.\s*(?P<pages>{_PAGES})\s*\)?")
_THESIS = re.compile(r"(?P<kind>(?:Ph\.?\s?D\.?|Doctoral|Master'?s?|MSc|MD)\s*(?:dissertation|thesis)|"
                     r"dissertation|thesis)", re.I)
_EDITION = re.compile(r"(?:^|[,.(]\s*)(?P<ed>\d+(?:st|nd|rd|th)|[Ff]irst|[Ss]econd|[Tt]hird|[Rr]ev(?:ised)?)\s+"
                      r"(?:ed(?:ition)?n?)\.?\)?", re.I)
_PUBLISHER_WORDS = re.compile(r"\b(?:Press|Publish\w*|Books?|Verlag|Wiley|Springer|Elsevier|Academic|Inc|Ltd|LLC|"
                              r"Co\.|Company|Sons|House|Saunders|McGraw|Lippincott|Mosby|Routledge|Sage|"
                              r"Foundation|Institute|University|Association|Society|Council|Organi[sz]ation)\b")
_NEWSPAPER_PAGE = re.compile(r"[,.]\s*(?:pp?\.|Sect(?:ion)?\.?\s*\w+\s*[,:]?\s*p?\.?)\s*(?P<pages>[A-Z]?\d+)\s*$")


def matches(text: str) -> bool:
    """Any English entry may be in one of these styles: the choice is made by the fields found."""
    return cjk_share(text) < 0.3


def parse(text: str) -> Reference:
    """Parse one author-year or quoted-title entry (already cleaned).

    >>> ref = parse("Robins, A., Rountree, J., & Rountree, N. (2003). Learning and teaching programming: "
    ...             "A review and discussion. Computer Science Education, 13(2), 137-172.")
    >>> [n.bibtex() for n in ref.authors], ref.year
    (['Robins, A.', 'Rountree, J.', 'Rountree, N.'], '2003')
    >>> ref.title
    'Learning and teaching programming: A review and discussion'
    >>> ref.container, ref.volume, ref.issue, ref.pages
    ('Computer Science Education', '13', '2', '137-172')
    >>> ref = parse('J. A. Smith, B. Doe, and C. Roe, "Mapping tumour clones," Cancer Res. 22, no. 9 (2020): '
    ...             '1064-1070.')
    >>> ref.authors[2].bibtex(), ref.title, ref.container, ref.volume, ref.issue, ref.year, ref.pages
    ('Roe, C.', 'Mapping tumour clones', 'Cancer Res', '22', '9', '2020', '1064-1070')
    """
    ids = lift_identifiers(text)
    medium = _MEDIUM.search(ids.rest)
    body = _MEDIUM.sub("", ids.rest) if medium else ids.rest
    authors, rest, year, date = _head(body)
    f: dict = {"notes": list(ids.notes), "year": year, "date": date}
    if authors is not None and authors.role == "editor":
        f["editors"], authors = authors.names, Authors((), authors.et_al)
    title, tail = _title(rest)
    entry_type, code = _tail(tail, f)
    f["title"] = title.strip(" .,;:")
    if not f.get("year"):
        years = YEAR_RE.findall(tail) or YEAR_RE.findall(rest)
        f["year"] = years[-1] if years else (ids.updated or "")[:4]
    if medium and entry_type in ("misc", "book"):
        entry_type, code = {"database": ("dataset", "DB"), "dataset": ("dataset", "DS"), "data set": ("dataset", "DS"),
                            "software": ("software", "CP"), "computer program": ("software", "CP")}.get(
                                medium["kind"].lower(), ("online", "EB"))
    if ids.url and entry_type == "misc":
        entry_type, code = "online", "EB"
    names = authors.names if authors else ()
    f.update(authors=names, et_al=authors.et_al if authors else False)
    return make_reference(text, ids, f, style="authordate", entry_type=entry_type, type_code=code,
                          language=language_of(f["title"]))


def _head(text: str) -> tuple[Authors | None, str, str, str]:
    """(authors, the rest, year, date) of an entry: the author list ends at the first place
    where what stands before it reads as a list of names. A year, a quoted title or a colon
    ends it more surely than a full stop (initials carry full stops), so those are tried first."""
    ends = list(_HEAD_ENDS.finditer(text, 0, min(len(text), 1500)))
    strong = [m for m in ends if not m[0].strip().startswith(".") or m["y2"]]
    commas = list(re.finditer(r",\s+", text[: min(len(text), 600)]))
    for candidates in (strong, ends, commas):
        for m in candidates:
            left, right = text[: m.start()], text[m.end():]
            if not left.strip() or not right.strip():
                continue
            if m[0].strip() in (".", ",") and _MORE_NAMES.match(right):
                continue  # "Best, M. J., Cox, P. M.": the initials go on past this stop
            authors = _names(left)
            if authors is None or (m[0].strip() == ":" and not _colon_ends(left, authors)):
                continue
            if candidates is commas and any(n.corporate for n in authors.names):
                continue
            groups = m.groupdict()
            year = groups.get("y1") or groups.get("y2") or ""
            month_day = groups.get("md") or groups.get("m0") or ""
            date = normalize.iso_date(year, *month_day.split()[:2]) if month_day and year else ""
            return authors, right.strip(), year, date if date != year else ""
    return None, text.strip(), "", ""


def _colon_ends(left: str, authors: Authors) -> bool:
    """A colon ends BMC's name lists ("Kudsk KA, Fabian TC: Title") and a group's name
    ("Spinal Cord Injury Investigators: Title"), not a title ("Kidney Disease: Improving ...",
    "R Core Team. R: A language ...")."""
    persons = [n for n in authors.names if not n.corporate]
    if any(n.corporate and ". " in n.family for n in authors.names):
        return False
    if persons:  # "Ginzburg E, ..., Hameed SM, Miami Deep Vein Thrombosis Study Group: Title"
        return bool(_INITIALS_SOMEWHERE.search(left)) and all(
            bool(_GROUP_WORDS.search(n.family)) for n in authors.names if n.corporate)
    return len(authors.names) == 1 and bool(_GROUP_WORDS.search(left))


def _names(text: str) -> Authors | None:
    """A list of names in any English order (``Robins, A., & Rountree, N.``; ``McGee, William,
    Paul Merkley``; ``Kudsk KA, Fabian TC``), or in GB/T form."""
    return parse_name_sequence(text) or parse_author_list(text)


_COMMA = re.compile(r",\s+")
_MAX_TITLE_ENDS = 40


def _title(text: str) -> tuple[str, str]:
    """(title, the tail) of what follows the head: a quoted title; else the earliest place,
    a sentence's end or a comma, after which a journal and its locator follow (``Title. J Name,
    13(2), 1-9``; ``Title, Adv. Sci. Res., 10, 1-5``); else the first sentence's end, or the
    parenthesised imprint of a book (``Title (Cambridge: CUP)``)."""
    m = _QUOTED.match(text)
    if m:
        title = m["t1"] or m["t2"] or m["t3"] or ""
        return title.strip().rstrip(",."), text[m.end():].lstrip(" ,.;:")
    stripped = text.strip().rstrip(".")
    first_stop = None
    # Each candidate end is judged by reading what follows it, so only the first few are
    # tried: a title does not run past dozens of commas, and the stage stays linear.
    boundaries = heapq.merge(_BOUNDARY.finditer(stripped), _COMMA.finditer(stripped), key=lambda x: x.start())
    for b in itertools.islice(boundaries, _MAX_TITLE_ENDS):
        before, tail = stripped[: b.start()], stripped[b.end():]
        stop = b.groupdict().get("stop") or ","
        if stop == "." and _ABBREVIATION.search(before):
            continue
        if stop != "," and first_stop is None:
            first_stop = (before + (stop if stop in "?!" else ""), tail)
        journal = _has_locator(tail) and (stop != "," or _journal_like(tail))
        if journal or (stop != "," and _NEWSPAPER_PAGE.search(tail)):
            return before + (stop if stop in "?!" else ""), tail
        if _EDITION.match(tail) or re.match(r"In:?\s", tail):
            return before + (stop if stop in "?!" else ""), tail  # "Title. In: Editors, editors. Book"
    pm = re.search(r"\s*\((?P<pub>[^()]{2,80}:[^()]{2,120})\)$", stripped)
    if pm:  # "The Theory and Practice of Autonomy (Cambridge: Cambridge University Press)"
        return stripped[: pm.start()], pm["pub"]
    if first_stop is not None:
        return first_stop
    return text, ""


_FUNCTION_WORDS = frozenset("of the and for in on de des der und la le du di y e et".split())


def _journal_like(tail: str) -> bool:
    """What follows a comma is a journal's name, not the rest of a title: no lowercase word
    beyond the small ones ("Adv. Sci. Res., 10" yes; "teaching, and X. Journal" no)."""
    lm = next((lm for p in _LOCATORS if (lm := _locate(p, tail.strip().rstrip(".")))), None)
    name = tail[: lm.start()] if lm else tail
    words = re.findall(r"[A-Za-z][\w\-']*", name)
    return 0 < len(words) <= 12 and all(w[0].isupper() or w.lower() in _FUNCTION_WORDS or len(w) <= 3 for w in words)


def _has_locator(tail: str) -> bool:
    tail = tail.strip().rstrip(".")
    return any(_locate(p, tail) for p in _LOCATORS)


def _locate(pattern: re.Pattern[str], tail: str) -> re.Match[str] | None:
    """The match of a locator pattern that leaves a plausible journal before it and only a
    note after it."""
    lead = len(tail) - len(tail.lstrip(" ,.;:"))
    # A match further in would leave too long a journal before it: the scan stops there.
    for lm in pattern.finditer(tail, 0, lead + _MAX_CONTAINER * 4):
        container = tail[: lm.start()].strip(" ,.;:")
        if not container or len(container) > _MAX_CONTAINER or _NOT_A_JOURNAL.search(container) \
                or _DATED.search(container) or re.search(r"(?<![A-Za-z])pp?\.$", container):
            continue
        after = tail[lm.end():].strip(" .,;")
        if after and not _ignorable(after):
            continue
        return lm
    return None


_MAX_CONTAINER = 250


def _tail(tail: str, f: dict) -> tuple[str, str]:
    """Read what follows the title into ``f``; returns (BibTeX type, GB/T code)."""
    tail = tail.strip().rstrip(".").strip()
    if not tail:
        return "misc", "Z"
    m = _CHAPTER.match(tail)
    if m:
        return _chapter(m["rest"], f)
    m = _THESIS.search(tail)
    if m and m.start() < 40:
        place_publisher = tidy(tail[m.end():]).strip(" .,")
        pub = parse_publication(place_publisher)
        f["publisher"], f["place"] = pub.publisher or place_publisher, pub.place
        f.setdefault("year", pub.year)
        masters = re.search(r"master|msc", m["kind"], re.I)
        return ("mastersthesis" if masters else "phdthesis"), "D"
    em = re.match(r"^\((?P<eds>[^()]+?),?\s*(?:Eds?|eds?)\.?\)\s*", tail)
    if em and (eds := parse_name_sequence(em["eds"])):  # APA: "(M. Cooper & W. B. Stiles, Eds.) Journal, 9(1)"
        f["editors"], tail = eds.names, tail[em.end():]
    m = _NEWSPAPER_PAGE.search(tail)
    if m and f.get("date") and not any(_locate(p, tail) for p in _LOCATORS[:3]):
        f["container"], f["pages"] = tail[: m.start()].strip(" ,."), m["pages"]
        return "article", "N"
    if _ieee(tail, f):
        return "article", "J"
    nm = _NEWSPAPER_DATE.match(tail)
    if nm:  # Chicago newspapers: "New York Times, May 28, 2013"
        f["container"] = nm["container"].strip(" ,.")
        f["year"] = nm["year"]
        f["date"] = normalize.iso_date(nm["year"], nm["month"], nm["day"] or "")
        return "article", "N"
    if f.get("date", "").count("-") == 2 and re.fullmatch(r"(?:The\s)?[A-Z][\w.&'\-]*(?:\s[A-Z][\w.&'\-]*){0,5}", tail):
        f["container"] = tail  # "Devlin, H. (2010, January 28). Title. The Times."
        return "article", "N"
    for pattern in _LOCATORS:
        lm = _locate(pattern, tail)
        if lm:
            container = tail[: lm.start()].strip(" ,.;:")
            after = tail[lm.end():].strip(" .,;")
            f["container"] = container
            for name in ("volume", "issue", "pages"):
                value = lm.groupdict().get(name) or ""
                f[name] = normalize.pages(value) if name == "pages" and value else value.strip()
            if lm.groupdict().get("year") and not f.get("year"):
                f["year"] = lm["year"]
            if after:
                f["notes"].append(after)
            return "article", "J"
    return _book(tail, f)


_NEWSPAPER_DATE = re.compile(rf"^(?P<container>[^,]{{2,80}}),\s*(?P<month>{_MONTHS})\s+(?P<day>\d{{1,2}})?,?\s*"
                             rf"(?P<year>{YEAR})$")
_IEEE_ITEM = re.compile(
    rf"""^(?:(?<![A-Za-z])vol(?:ume)?\.?\s*(?P<volume>[\w-]+)|nos?\.\s*(?P<issue>[\w/-]+)
        |(?:pp?\.|pages)\s*(?P<pages>{_PAGES})|(?P<date>(?:(?:{_MONTHS}|{_SEASONS})\s*(?:[-/]\s*(?:{_MONTHS})\s*)?)?
        (?:\d{{1,2}},?\s*)?(?P<year>{YEAR}))|\((?P<pyear>{YEAR})\))$""",
    re.X | re.I,
)


def _ieee(tail: str, f: dict) -> bool:
    """IEEE and older engineering styles: the journal, then ``vol. 39, no. 9, pp. 1175-1185,
    Sep. 1990`` as comma-separated items in any order (``Vol. 12, No. 3, 1990, pp. 463-492``)."""
    m = re.search(r"(?:^|[,.]\s*)(?<![A-Za-z])vol(?:ume)?\.?\s*\d", tail, re.I)
    if not m or m.start() == 0:
        return False
    container = tail[: m.start()].strip(" ,.")
    items = [i.strip(" .") for i in re.split(r",\s*|\s+(?=\()", tail[m.start():].lstrip(" ,.")) if i.strip(" .")]
    found: dict[str, str] = {}
    for item in items:
        im = _IEEE_ITEM.match(item)
        if not im:
            return False
        for name, value in im.groupdict().items():
            if value and name not in found:
                found[name] = value
    f["container"], f["volume"], f["issue"] = container, found.get("volume", ""), found.get("issue", "")
    if found.get("pages"):
        f["pages"] = normalize.pages(found["pages"])
    year = found.get("year") or found.get("pyear")
    if year and not f.get("year"):
        f["year"] = year
    month = re.match(_MONTHS, found.get("date", "") or "", re.I)
    if month and year and not f.get("date"):
        f["date"] = normalize.iso_date(year, month[0].rstrip("."))
    return True


def _ignorable(after: str) -> bool:
    """What may follow a journal locator: a note the style adds ("Epub 2004/12/01", "In press",
    an impact factor, an article's own identifiers, a year)."""
    return len(after) < 80 and not re.search(r"\b(?:vol|no)\.\s*\d", after, re.I)


def _chapter(rest: str, f: dict) -> tuple[str, str]:
    """``In L. Hamp-Lyons (Ed.), Assessing second language writing (pp. 69-87). Norwood, NJ:
    Ablex.`` / ``In Proceedings of the ... Conference, pp. 322-327.`` / Chicago's ``In Book,
    edited by A. Editor, 12-34. Place: Publisher, 2002.``"""
    pp = _PP.search(rest)
    if pp:
        f["pages"] = normalize.pages(pp["pages"])
        rest = (rest[: pp.start()] + " " + rest[pp.end():]).strip()
    em = re.match(r"^(?P<eds>.+?)\s*\((?:Eds?|eds?|Editors?)\.?\)\s*,?\s*(?P<rest>.+)$", rest)
    if em:
        eds = parse_name_sequence(em["eds"])
        if eds:
            f["editors"] = eds.names
            rest = em["rest"]
    eb = _EDITED_BY.search(rest)
    if eb:
        eds = parse_name_sequence(eb["eds"])
        if eds:
            f["editors"] = eds.names
            rest = (rest[: eb.start()] + rest[eb.end():]).strip()
    parts = re.split(r"(?<=[^\s.A-Z])\.\s+|,\s+(?=[A-Z][\w .]+:\s)", rest, maxsplit=1)
    container = parts[0].strip(" ,.")
    after = parts[1] if len(parts) > 1 else ""
    trailing_pages = re.search(rf",\s*(?P<pages>{_PAGES})\s*$", container)
    if trailing_pages and not f.get("pages") and re.search(r"\d", trailing_pages["pages"]):
        f["pages"] = normalize.pages(trailing_pages["pages"])
        container = container[: trailing_pages.start()]
    year_in = re.search(rf",\s*(?P<year>{YEAR})\s*$", container)
    if year_in:
        f.setdefault("year", year_in["year"])
        container = container[: year_in.start()]
    f["container"] = container.strip(" ,.")
    if after:
        end_pages = re.search(rf"({YEAR}),\s*(?P<pages>\d+\s*[-–]\s*\d+)\.?\s*$", after)
        if end_pages and not f.get("pages"):  # Chicago: "New York: Holt, 1995, 1–20."
            f["pages"] = normalize.pages(end_pages["pages"])
            after = after[: end_pages.start(1) + 4]
        pub = parse_publication(after)
        f["place"], f["publisher"] = pub.place, pub.publisher
        if pub.year and not f.get("year"):
            f["year"] = pub.year
    proceedings = re.search(r"proceedings|proc\.|conference|congress|symposium|meeting|workshop", f["container"], re.I)
    return ("inproceedings", "C") if proceedings else ("incollection", "M")


def _book(tail: str, f: dict) -> tuple[str, str]:
    """A book's publication statement in any order: ``Champaign, IL: Human Kinetics``,
    ``(Cambridge: Cambridge University Press)``, ``Academic Press, London, United Kingdom``."""
    text = tail.strip().strip("()").strip()
    tm = re.match(r"^(?:Translated|Trans\.)\s+by\s+(?P<names>[^.]+(?:\.\s?[A-Z]\.)*[^.]*)\.\s*", text)
    if tm and (translators := parse_name_sequence(tm["names"])):
        f["translators"], text = translators.names, text[tm.end():]
    total = re.search(r"[,.]?\s*\d+\s*pp?\.?(?=[,.]|\s*$)", text)
    if total:  # "771 pp.": the book's length
        f["notes"].append(total[0].strip(" ,."))
        text = (text[: total.start()] + text[total.end():]).strip(" ,.")
    em = _EDITION.search(text)
    if em:
        f["edition"] = em["ed"]
        text = (text[: em.start()] + text[em.end():]).strip(" ,.")
    year = re.search(rf"[,.]?\s*(?P<year>{YEAR})\s*$", text)
    if year:
        f.setdefault("year", year["year"])
        text = text[: year.start()].strip(" ,.")
    if ":" in text:
        place, _, publisher = text.rpartition(":")
        publisher, place = publisher.strip(" ,."), place.strip(" ,.")
        if re.match(r"[^\W\d_]", publisher) and re.search(r"[A-Za-z]{3}", publisher) and not registry_ids(publisher) \
                and len(place) < 60 and not re.search(r"[\d;]", place):
            f["place"], f["publisher"] = place.strip(" ,."), publisher.strip(" ,.")
            return "book", "M"
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if parts and _PUBLISHER_WORDS.search(parts[0]):
        f["publisher"], f["place"] = parts[0], ", ".join(parts[1:])
        return "book", "M"
    if parts and len(parts) <= 3 and all(len(p) < 60 for p in parts) and _PUBLISHER_WORDS.search(text):
        f["publisher"] = text
        return "book", "M"
    if f.get("year") and re.fullmatch(r"[A-Z][\w&'\-]*(?:\s[A-Z&][\w&'\-]*){0,3}", text):
        f["publisher"] = text  # author-year books end with their publisher: "... power and influence. Praeger."
        return "book", "M"
    if text:
        f["notes"].append(text)
    return "misc", "Z"
