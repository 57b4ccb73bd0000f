"""Vancouver / NLM / AMA: ``Authors. Title. Journal. Year;Vol(Issue):Pages.``

The journal locator (``2010;376(9742):687-97``) is the anchor: the segment before it is the
journal, and the title runs from the author list to the journal. Books (``Place: Publisher;
Year``), chapters (``In: Editors, editors. Book.``), web pages (``[Internet] ... [cited ...]``)
and the ``Journal (Year)`` form of news reports are read too.
"""

from __future__ import annotations

import re

from .. import normalize
from ..model import Reference
from .common import YEAR, Authors, lift_identifiers, parse_author_list, parse_publication, split_authors, tidy

_MONTH = r"[A-Z][a-z]{2,8}\.?"
LOCATOR = re.compile(
    rf"""(?<![\w.])(?P<year>{YEAR})[a-z]?
        (?:\s+(?P<month>{_MONTH})(?:\s*-\s*{_MONTH})?(?:\s+(?P<day>\d{{1,2}})(?:\s*-\s*\d{{1,2}})?)?)?
        \s*;\s*(?P<volume>[A-Za-z]?\d[\w\-]*)?
        (?:\s*\((?P<issue>[^()]{{1,30}})\))?
        (?:\s*:\s*(?P<pages>[A-Za-z]*\d[\w\-]*(?:\.e\d+)?(?:\s*,\s*[A-Za-z]*\d[\w\-]*)*))?
        \s*\.?\s*(?P<after>.*)$""",
    re.X,
)
# "Annals of Oncology (2026)": the form news sites print under a report.
_PAREN_YEAR_JOURNAL = re.compile(rf"^(?P<before>.+?)\.\s+(?P<journal>[^.]{{2,120}}?)\s*\((?P<year>{YEAR})\)\s*\.?\s*(?P<after>.*)$")
_BOOK = re.compile(rf"^(?P<before>.*?)\.?\s*(?P<place>[^.;:]{{2,80}}):\s*(?P<publisher>[^;]{{2,160}});\s*(?P<year>{YEAR})(?P<after>.*)$")
_CHAPTER = re.compile(r"^(?P<title>.+?)\.\s+In\s*:\s*(?P<rest>.+)$")
_PAGES_P = re.compile(r"(?:^|[.;]\s*)p\.\s*(?P<pages>[A-Za-z]?\d[\w\-]*)\.?")
_INTERNET = re.compile(r"\s*\[(?:Internet|Online|Electronic|serial on the Internet|database on the Internet)\]", re.I)
_EDITION = re.compile(r"\.\s*(?P<ed>\d+(?:st|nd|rd|th)|[Rr]ev)\s+ed\.?$")


def matches(text: str) -> bool:
    """True for entries with a Vancouver journal locator, book statement or web marker."""
    return bool(LOCATOR.search(text) or _PAREN_YEAR_JOURNAL.match(text) or _INTERNET.search(text)
                or re.search(rf":\s*[^;:]+;\s*{YEAR}", text) or re.search(r"\.\s+In\s*:\s", text))


def parse(text: str) -> Reference:
    """Parse one Vancouver/NLM/AMA entry (already cleaned).

    >>> ref = parse("Bang YJ, Van Cutsem E, Feyereislova A, et al. Trastuzumab in combination with chemotherapy versus chemotherapy alone (ToGA): a phase 3, open-label, randomised controlled trial. Lancet. 2010;376(9742):687-97.")
    >>> [n.bibtex() for n in ref.authors], ref.container, ref.year, ref.volume, ref.issue, ref.pages
    (['Bang, Y. J.', 'Van Cutsem, E.', 'Feyereislova, A.'], 'Lancet', '2010', '376', '9742', '687-697')
    """
    ids = lift_identifiers(text)
    body = ids.rest
    online = bool(_INTERNET.search(body))
    body = _INTERNET.sub("", body)
    authors, rest, paren_year = split_authors(body)
    if authors is None:
        authors = Authors(())
    f: dict = {"notes": list(ids.notes), "year": paren_year}
    entry_type, code = "misc", "Z"

    chapter = _CHAPTER.match(rest)
    m = None if chapter else LOCATOR.search(rest)
    if chapter:
        entry_type, code = "incollection", "M"
        f["title"] = chapter["title"]
        _parse_chapter(chapter["rest"], f)
    elif m and (m["volume"] or m["issue"] or m["pages"] or not _BOOK.match(rest)):
        entry_type, code = "article", "J"
        f["title"], f["container"] = _title_and_journal(rest[: m.start()])
        f["year"] = m["year"]
        if m["month"]:
            f["date"] = normalize.iso_date(m["year"], m["month"].rstrip("."), m["day"] or "")
        f["volume"] = m["volume"] or ""
        f["issue"] = (m["issue"] or "").strip()
        f["pages"] = normalize.pages(m["pages"]) if m["pages"] else ""
        if tidy(m["after"]):
            f["notes"].append(tidy(m["after"]))
    elif (pm := _PAREN_YEAR_JOURNAL.match(rest)) is not None:
        entry_type, code = "article", "J"
        f["title"], f["container"], f["year"] = pm["before"].strip(), pm["journal"].strip(), pm["year"]
        if tidy(pm["after"]):
            f["notes"].append(tidy(pm["after"]))
    elif (bm := _BOOK.match(rest)) is not None:
        entry_type, code = ("online", "EB") if online else ("book", "M")
        before = bm["before"].strip()
        em = _EDITION.search(before)
        if em:
            f["edition"] = em["ed"]
            before = before[: em.start()]
        f["title"] = before.strip(" .")
        f["place"], f["publisher"], f["year"] = bm["place"].strip(), bm["publisher"].strip(), bm["year"]
        after = bm["after"]
        pp = _PAGES_P.search(after)
        if pp:
            f["pages"] = normalize.pages(pp["pages"])
            after = after[: pp.start()] + after[pp.end():]
        if tidy(after):
            f["notes"].append(tidy(after))
    else:
        title, _, after = rest.partition(". ")
        f["title"] = title.strip(" .")
        ym = re.search(rf"(?<!\d){YEAR}(?!\d)", after)
        f["year"] = f["year"] or (ym[0] if ym else "")
        if tidy(after):
            f["notes"].append(tidy(after))
    if online and entry_type in ("misc", "book"):
        entry_type, code = "online", "EB"
    title = f.get("title", "").strip().rstrip(".")
    return Reference(
        raw=text,
        style="vancouver",
        entry_type=entry_type,
        type_code=code,
        carrier="OL" if online else "",
        authors=authors.names,
        et_al=authors.et_al,
        editors=tuple(f.get("editors", ())),
        title=title,
        container=f.get("container", ""),
        edition=f.get("edition", ""),
        place=f.get("place", ""),
        publisher=f.get("publisher", ""),
        year=f.get("year", ""),
        date=f.get("date", ""),
        volume=f.get("volume", ""),
        issue=f.get("issue", ""),
        pages=f.get("pages", ""),
        doi=ids.doi,
        url=ids.url,
        urldate=ids.urldate,
        updated=ids.updated,
        pmid=ids.pmid,
        pmcid=ids.pmcid,
        registry=ids.registry,
        isbn=ids.isbn,
        issn=ids.issn,
        cstr=ids.cstr,
        language="zh" if normalize.cjk_share(title) > 0.3 else "en",
        note="; ".join(n for n in f["notes"] if n),
    )


def _title_and_journal(text: str) -> tuple[str, str]:
    """``'Title words. Lancet'`` -> (title, journal); dotted abbreviations (``N. Engl. J. Med``)
    stay together."""
    text = text.strip().rstrip(".").strip()
    parts = re.split(r"\.\s+", text)
    if len(parts) == 1:
        return "", text
    journal = [parts.pop()]
    while len(parts) > 1 and re.fullmatch(r"[A-Z][a-z]{0,5}", parts[-1]):
        journal.insert(0, parts.pop())
    return ". ".join(parts).strip(), ". ".join(journal).strip()


def _parse_chapter(rest: str, f: dict) -> None:
    """``Editor A, Editor B, editors. Book title. Place: Publisher; Year. p. 10-20.``"""
    em = re.match(r"^(?P<eds>.+?),?\s+(?:editors?|eds?)\.\s*(?P<rest>.+)$", rest)
    if em:
        eds = parse_author_list(em["eds"])
        if eds:
            f["editors"] = eds.names
            rest = em["rest"]
    bm = _BOOK.match(rest)
    if bm:
        f["container"] = bm["before"].strip(" .")
        f["place"], f["publisher"], f["year"] = bm["place"].strip(), bm["publisher"].strip(), bm["year"]
        after = bm["after"]
    else:
        container, _, after = rest.partition(". ")
        f["container"] = container.strip()
        pub = parse_publication(after)
        f["year"], f["place"], f["publisher"] = pub.year, pub.place, pub.publisher
        after = pub.rest
    pp = _PAGES_P.search(after)
    if pp:
        f["pages"] = normalize.pages(pp["pages"])
        after = after[: pp.start()] + after[pp.end():]
    if tidy(after):
        f["notes"].append(tidy(after))
