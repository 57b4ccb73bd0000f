"""Vancouver / NLM / AMA: ``Authors. Title. Journal. Year;Vol(Issue):Pages.``

The journal locator (``2010;376(9742):687-97``) is the anchor: the segment before it is the
journal, and the title runs from the author list to the journal. Books (``Place: Publisher;
Year``), chapters (``In: Editors, editors. Book.``), web pages (``[Internet] ... [cited ...]``)
and the ``Journal (Year)`` form of news reports are read too.
"""

from __future__ import annotations

import re

from ...model import Reference
from ...vocab.names import Authors, parse_author_list
from ...vocab.script import YEAR, language_note, language_of
from .. import normalize
from .common import lift_identifiers, make_reference, parse_publication, split_authors, tidy

_MONTH = r"[A-Z][a-z]{2,8}\.?"
LOCATOR = re.compile(
    rf"""(?<![\w.])(?P<year>{YEAR})[a-z]?
        (?:\s+(?P<month>{_MONTH})(?:\s*-\s*{_MONTH})?(?:\s+(?P<day>\d{{1,2}})(?:\s*-\s*\d{{1,2}})?)?)?
        \s*;\s*(?P<volume>[A-Za-z]?\d[\w\-]*)?
        (?:\s*\((?P<issue>[^()]{{1,30}})\))?
        (?:(?:\s*:\s*|(?<=\))\s*(?=[A-Za-z]?\d))(?P<pages>[A-Za-z]*\d[\w\-]*(?:\.e\d+)?(?:\s*,\s*[A-Za-z]*\d[\w\-]*)*))?
        \s*\.?\s*(?P<after>.*)$""",
    re.X,
)
# "Annals of Oncology (2026)": the form news sites print under a report.
_PAREN_YEAR_JOURNAL = re.compile(rf"^(?P<before>.+?)\.\s+(?P<journal>[^.]{{2,120}}?)\s*\((?P<year>{YEAR})\)"
                                 r"\s*\.?\s*(?P<after>.*)$")
# "Title. [2nd ed.] [Editor A, editor.] Place: Publisher; Year [Mon Day]": the statement is the
# first segment after a full stop that reads "place: publisher; year" (or AMA's "publisher; year").
_BOOK = re.compile(
    rf"""^(?P<before>.+?)\.\s+
        (?:(?P<ed>\d+(?:st|nd|rd|th)\s+ed|[Rr]ev\s+ed)\.\s+)?
        (?:(?P<eds>[^.;:]+?,\s*(?:technical\s+)?editors?)\.\s+)?
        (?:(?P<place>[^.;:]{{2,80}}?):\s*)?(?P<publisher>[^;:]{{2,160}});\s*
        (?:\[[^\]]*\]\s*)?c?(?P<year>{YEAR})?
        (?:\s+(?P<month>[A-Z][a-z]{{2}})(?:\s+(?P<day>\d{{1,2}}))?)?
        (?P<after>(?:\s*\[[^\]]*\])?\s*(?:\.|$).*)$""",
    re.X,
)
# "Chapter 24, Regression and correlation methods; p. 447-86": a chapter of a single-author book.
_CHAPTER_AFTER = re.compile(r"^\s*\.?\s*(?:Chapter|Chap\.|Part|Section)\s+[\w.]+,\s*(?P<title>[^;]+);\s*"
                            r"(?P<rest>.*)$", re.I)
# A home page: "MedlinePlus [Internet]. Bethesda (MD): National Library of Medicine (US)."
_HOMEPAGE = re.compile(r"^(?P<title>[^.]+?)\.\s+(?P<place>[^.;:]{2,80}):\s*(?P<publisher>[^;]+?)\s*[.;]?\s*$")
# A journal article with no volume yet: "Int J Cancer. 2021 Apr 5."
_DATE_ONLY = re.compile(rf"^(?P<before>.+)\.\s+(?P<year>{YEAR})"
                        r"(?:\s+(?P<month>[A-Z][a-z]{2})(?:\s+(?P<day>\d{1,2}))?)?\s*\.?\s*$")
_LABEL = re.compile(r"\s*\[(?P<label>dissertation|doctoral dissertation|master'?s thesis|thesis|Internet|Online|"
                    r"Electronic|serial on the Internet|database on the Internet|monograph on the Internet|"
                    r"homepage on the Internet|CD-ROM|DVD|videocassette|podcast)\]", re.I)
_CHAPTER = re.compile(r"^(?P<title>.+?)\.\s+In\s*:\s*(?P<rest>.+)$")
_PAGES_P = re.compile(r"(?:^|[.;]\s*)p\.\s*(?:p\s+)?(?P<pages>[A-Za-z]?\d[\w\-]*)\.?")
_EDITION = re.compile(r"\.\s*(?P<ed>\d+(?:st|nd|rd|th)|[Rr]ev)\s+ed\.?$")


def matches(text: str) -> bool:
    """True for entries with a Vancouver journal locator, book statement or web marker."""
    return bool(LOCATOR.search(text) or _PAREN_YEAR_JOURNAL.match(text) or _LABEL.search(text)
                or re.search(rf"\.\s+{YEAR}\s+[A-Z][a-z]{{2}}(?:\s+\d{{1,2}})?(?:\.(?:\s|$)|$)", text)
                or re.search(rf";\s*c?{YEAR}\b", text)
                or re.search(rf":\s*[^;:]+;\s*{YEAR}", text) or re.search(r"\.\s+In\s*:\s", text))


def parse(text: str) -> Reference:
    """Parse one Vancouver/NLM/AMA entry (already cleaned).

    >>> ref = parse("Bang YJ, Van Cutsem E, Feyereislova A, et al. Trastuzumab in combination with "
    ...             "chemotherapy versus chemotherapy alone (ToGA): a phase 3, open-label, randomised "
    ...             "controlled trial. Lancet. 2010;376(9742):687-97.")
    >>> [n.bibtex() for n in ref.authors], ref.container, ref.year, ref.volume, ref.issue, ref.pages
    (['Bang, Y. J.', 'Van Cutsem, E.', 'Feyereislova, A.'], 'Lancet', '2010', '376', '9742', '687-697')
    """
    ids = lift_identifiers(text)
    body = ids.rest
    labels = [m["label"].lower() for m in _LABEL.finditer(body)]
    online = any("internet" in label or label in ("online", "electronic") for label in labels)
    first_segment = body.split(". ", 1)[0]
    body = _LABEL.sub("", body)
    if _LABEL.search(first_segment):
        # "MedlinePlus [Internet]. Bethesda (MD): ...": the label ends a title, not an author list.
        authors, rest, paren_year = Authors(()), body, ""
    else:
        found, rest, paren_year = split_authors(body)
        authors = found or Authors(())
    f: dict = {"notes": list(ids.notes), "year": paren_year}
    if authors.role == "editor":
        f["editors"], authors = authors.names, Authors((), authors.et_al)
    entry_type, code = "misc", "Z"
    if any("dissertation" in label or "thesis" in label for label in labels):
        entry_type, code = ("mastersthesis" if any("master" in label for label in labels) else "phdthesis"), "D"

    chapter = _CHAPTER.match(rest)
    m = None if chapter else LOCATOR.search(rest)
    bm = None if chapter else _BOOK.match(rest)
    if chapter:
        entry_type, code = "incollection", "M"
        f["title"] = chapter["title"]
        _parse_chapter(chapter["rest"], f)
        if re.search(r"proceedings|conference|congress|symposium|meeting", f.get("container", ""), re.I):
            entry_type, code = "inproceedings", "C"
    elif m and (m["volume"] or m["issue"] or m["pages"] or not bm):
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
        if re.match(r"Sect\b", f["volume"] + m["after"]) or re.search(r"\bSect\.", rest[m.start():]):
            code = "N"  # "The Washington Post. 2002 Aug 12;Sect. A:2": a newspaper
    elif (pm := _PAREN_YEAR_JOURNAL.match(rest)) is not None:
        entry_type, code = "article", "J"
        f["title"], f["container"], f["year"] = pm["before"].strip(), pm["journal"].strip(), pm["year"]
        if tidy(pm["after"]):
            f["notes"].append(tidy(pm["after"]))
    elif bm is not None:
        if code != "D":
            entry_type, code = "book", "M"
            if online and not bm["ed"] and not ids.isbn:
                entry_type, code = "online", "EB"
        f["title"] = bm["before"].strip(" .")
        pr = re.match(r"^(?P<title>.+?)\.\s+(?P<event>(?:Proceedings|Proc)\b.*)$", f["title"])
        if pr and f.get("editors") and not authors.names:
            # "Germ cell tumours V. Proceedings of the 5th ... Conference; 2001 Sep 13-15; Leeds"
            entry_type, code = "proceedings", "C"
            f["title"] = pr["title"]
            f["notes"].append(pr["event"])
        if bm["ed"]:
            f["edition"] = bm["ed"].split()[0]
        if bm["eds"]:
            eds = parse_author_list(bm["eds"])
            if eds:
                f["editors"] = eds.names
        f["place"] = (bm["place"] or "").strip().strip("[]")
        f["publisher"] = bm["publisher"].strip()
        f["year"] = bm["year"] or (ids.updated or "")[:4]
        if bm["month"] and bm["year"]:
            f["date"] = normalize.iso_date(bm["year"], bm["month"], bm["day"] or "")
        after = bm["after"]
        cm = _CHAPTER_AFTER.match(after)
        if cm:
            entry_type, code = "incollection", "M"
            f["container"], f["title"] = f["title"], cm["title"].strip()
            after = cm["rest"]
        _pages_and_rest(after, f)
    elif online and (hm := _HOMEPAGE.match(rest)) is not None:
        entry_type, code = "online", "EB"
        f["title"], f["place"], f["publisher"] = hm["title"].strip(), hm["place"].strip(), hm["publisher"].strip()
        f["year"] = f["year"] or (ids.updated or "")[:4]
    elif (dm := _DATE_ONLY.match(rest)) is not None and ". " in dm["before"]:
        entry_type, code = "article", "J"
        f["title"], f["container"] = _title_and_journal(dm["before"])
        f["year"] = dm["year"]
        if dm["month"]:
            f["date"] = normalize.iso_date(dm["year"], dm["month"], dm["day"] or "")
    else:
        title, _, after = rest.partition(". ")
        f["title"] = title.strip(" .")
        ym = re.search(rf"(?<!\d){YEAR}(?!\d)", after)
        f["year"] = f["year"] or (ym[0] if ym else "") or (ids.updated or "")[:4]
        if tidy(after):
            f["notes"].append(tidy(after))
        if ids.url and entry_type == "misc":
            entry_type, code = "online", "EB"
    if online and entry_type == "misc":
        entry_type, code = "online", "EB"
    # NLM brackets a title translated into English ("[Results of screening]. ... Chinese."):
    # the brackets stay, as printed, and the language note names the original's language.
    title = f.get("title", "").strip().rstrip(".")
    language = next((lang for note in f["notes"] if (lang := language_note(note))), "")
    f["notes"] = [note for note in f["notes"] if not language_note(note)]
    f.update(title=title, authors=authors.names, et_al=authors.et_al)
    return make_reference(text, ids, f, style="vancouver", entry_type=entry_type, type_code=code,
                          carrier="OL" if online else "",
                          language=language or language_of(title.strip("[]")))


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
    else:  # the role left out: "In: Lohman TG, Roche AF, Martorell R. Anthropometric ..."
        first, _, after = rest.partition(". ")
        eds = parse_author_list(first) if after else None
        if eds and all(not n.corporate for n in eds.names):
            f["editors"], rest = eds.names, after
    bm = _BOOK.match(rest)
    if bm and bm["ed"]:
        f["edition"] = bm["ed"].split()[0]
    if bm:
        # "Book. Proceedings of X; 2002 Apr 3-5; Kinsdale, Ireland": the meeting's date and place
        # are not part of the book's title.
        f["container"] = re.sub(rf";\s*{YEAR}\s+[A-Z][a-z]{{2}}.*$", "", bm["before"].strip(" ."))
        f["place"], f["publisher"], f["year"] = bm["place"].strip(), bm["publisher"].strip(), bm["year"]
        after = bm["after"]
    else:
        container, _, after = rest.partition(". ")
        f["container"] = container.strip()
        pub = parse_publication(after)
        f["year"], f["place"], f["publisher"] = pub.year, pub.place, pub.publisher
        after = pub.rest
    _pages_and_rest(after, f)


def _pages_and_rest(after: str, f: dict) -> None:
    """What follows a book's publication statement: "p. 447-86", and anything else as a note."""
    pp = _PAGES_P.search(after)
    if pp:
        f["pages"] = normalize.pages(pp["pages"])
        after = after[: pp.start()] + after[pp.end():]
    if tidy(after):
        f["notes"].append(tidy(after))
