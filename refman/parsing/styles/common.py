"""What every citation style shares: identifiers, author lists, dates, publisher statements.

Identifiers (DOI, URL, PMID, registry ids, access dates) can stand anywhere in an entry and in
any style, so they are lifted out first; the style parsers then read a shorter skeleton.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import Reference
from ...vocab import identifiers
from ...vocab.identifiers import BARE_PMID, DOI_BARE, DOI_LABELLED, DOI_URL, normalize_doi, registry_ids
from ...vocab.names import Authors, parse_author_list
from ...vocab.script import HAN, WIDE, YEAR, YEAR_RE
from .. import normalize

# --- identifiers and dates ------------------------------------------------------------------

# A URL (PDF line ends may have broken it with spaces: ``_rejoin_url`` puts it back together).
_URL = re.compile(r"<?\b((?:https?|ftp)://[^\s<>]*|www\.[^\s<>]+)>?", re.I)
# A scheme that converters spaced out: "h ttps://", "https:// www".
_SPACED_SCHEME = re.compile(r"\bh\s?t\s?t\s?p(?:\s?s)?\s?:\s?/\s?/\s?", re.I)
# What the next token of a URL broken by a space looks like, given how the URL ended.
_URL_TOKEN = re.compile(rf"\s+(?P<token>[^\s<>{WIDE}]+)")
_DANGLING_LABEL = re.compile(r"\b(?:DOI|URL|CSTR|Available (?:from|at))\s*[:：]?\s*(?=$|[.;,]\s|[.;,]$)", re.I)
_LABEL = re.compile(r"(?:doi|cstr|pmid|pmcid|isbn|issn|available|accessed|cited|url|http)\b", re.I)
# GB/T 7714 online dates: "(2020-10-09)[2022-08-25]" (updated, accessed) or a bare "[2014-06-25]".
_GB_DATES = re.compile(
    r"(?:\((?P<updated>\d{4}-\d{1,2}-\d{1,2})\)\s*)?\[(?P<accessed>\d{4}-\d{1,2}-\d{1,2})\]"
)
# Vancouver: "[cited 2020 Jan 5]", "[updated 2019 Mar 1; cited 2020 Jan 5]".
_CITED = re.compile(
    r"\[(?:updated\s+(?P<uy>\d{4})(?:\s+(?P<um>[A-Za-z]{3,9})(?:\s+(?P<ud>\d{1,2}))?)?\s*;\s*)?"
    r"(?:cited|accessed|引用日期)\s*[:：]?\s*(?P<y>\d{4})(?:\s+(?P<m>[A-Za-z]{3,9})\.?(?:\s+(?P<d>\d{1,2}))?)?\]",
    re.I,
)
# AMA: "Updated March 12, 2024. Accessed June 1, 2024."
_AMA_DATE = re.compile(r"\b(?P<what>Updated|Accessed|Published)\s+(?:(?P<m>[A-Z][a-z]+)\.?\s+(?P<d>\d{1,2}),|"
                       r"(?P<d2>\d{1,2})\s+(?P<m2>[A-Z][a-z]+))\s*(?P<y>\d{4})\.?")
_AVAILABLE = re.compile(r"(?<![\w?&=/.])(?:(?:Available|Retrieved) (?:online )?(?:from|at)\s*[:：]?|Available\s*[:：]|"
                        r"URL\s*[:：]|网址\s*[:：]?|"
                        r"获取地址\s*[:：]?)\s*(?=\S)", re.I)
_EPUB = re.compile(
    r"\b(?:Epub\s+(?:ahead of print\s*)?(?P<y>\d{4})(?:\s+(?P<m>[A-Za-z]{3})(?:\s+(?P<d>\d{1,2}))?)?|"
    r"Epub ahead of print|Online ahead of print|Published online(?: ahead of print)?|"
    r"\[?Epub ahead of print\]?|In press|Forthcoming)\b\.?",
    re.I,
)
_EPUB_HINT = re.compile(r"epub|online|press|forthcoming")


@dataclass
class Identifiers:
    """Identifiers and dates lifted out of an entry, and the text that remains."""

    rest: str
    doi: str = ""
    url: str = ""
    urldate: str = ""
    updated: str = ""
    pmid: str = ""
    pmcid: str = ""
    registry: tuple[str, ...] = ()
    isbn: str = ""
    issn: str = ""
    cstr: str = ""
    notes: list[str] = field(default_factory=list)


_NAME_LISTS = ("authors", "editors", "translators")


def make_reference(raw: str, ids: Identifiers, fields: dict, **overrides) -> Reference:
    """A ``Reference`` from a parser's working ``fields`` and the lifted identifiers: the one
    place where the parsers' dicts become the frozen record (``notes`` join into ``note``)."""
    values = {name: getattr(ids, name) for name in identifiers.FIELDS}
    for name, value in fields.items():
        if name == "notes" or value is None or value == "":
            continue
        values[name] = tuple(value) if name in _NAME_LISTS else value
    notes = [n for n in fields.get("notes", []) if n and re.search(r"\w", n)]  # never a lone "."
    if notes:
        values["note"] = "; ".join(notes)
    values.update(overrides)
    return Reference(raw=raw, **values)


def lift_identifiers(text: str) -> Identifiers:
    """Take identifiers out of a cleaned entry.

    >>> ids = lift_identifiers("Nivolumab [EB/OL]. (2020-10-09)[2022-08-25]. <https://clinicaltrials.gov/show/NCT03591731>.")
    >>> ids.url, ids.updated, ids.urldate, ids.registry, ids.rest
    ('https://clinicaltrials.gov/show/NCT03591731', '2020-10-09', '2022-08-25', ('NCT03591731',), 'Nivolumab [EB/OL].')
    """
    ids = Identifiers(rest=text, registry=registry_ids(text))
    rest = text
    lowered = text.lower()

    def take(pattern: re.Pattern[str], rest: str, hint: str = "") -> tuple[re.Match[str] | None, str]:
        if hint and hint not in lowered:
            return None, rest
        m = pattern.search(rest)
        if not m:
            return None, rest
        return m, rest[: m.start()] + " " + rest[m.end():]

    m, rest = take(_CITED, rest, "[")
    if m:
        ids.urldate = normalize.iso_date(m["y"], m["m"] or "", m["d"] or "")
        if m["uy"]:
            ids.updated = normalize.iso_date(m["uy"], m["um"] or "", m["ud"] or "")
    if "ccessed" in text or "pdated" in text or "ublished" in text:
        for m in list(_AMA_DATE.finditer(rest)):
            iso = normalize.iso_date(m["y"], m["m"] or m["m2"], m["d"] or m["d2"])
            if m["what"] == "Accessed":
                ids.urldate = ids.urldate or iso
            elif m["what"] == "Updated":
                ids.updated = ids.updated or iso
            else:
                ids.notes.append(f"Published {iso}")
        rest = _AMA_DATE.sub(" ", rest)
    if "vailable" in text or "etrieved" in text or "url" in lowered or "网址" in text or "获取" in text:
        rest = _AVAILABLE.sub("", rest)
    urls = []
    if "://" in rest or "www." in rest:
        rest = _SPACED_SCHEME.sub(lambda s: s[0].replace(" ", ""), rest)
    while "://" in rest or "www." in rest:
        m = _URL.search(rest)
        if not m:
            break
        url, end = _rejoin_url(rest, m.start(1), m.end(1))
        urls.append(_trim_url(url))
        rest = rest[: m.start()] + " " + rest[max(end, m.end()):]
    if urls:
        rest = _DANGLING_LABEL.sub(" ", rest)
    for url in urls:
        # A doi.org URL is both: the URL as written, and the DOI it resolves.
        doi_match = DOI_URL.match(url)
        if doi_match and not ids.doi:
            ids.doi = normalize_doi(doi_match[1])
        if not ids.url:
            ids.url = url
        elif url != ids.url:
            ids.notes.append(url)
    for extractor in identifiers.LABELLED:
        m, rest = take(extractor.pattern, rest, extractor.hint)
        if m:
            setattr(ids, extractor.field, m[1].replace(" ", "") if extractor.field == "isbn" else m[1])
    m, rest = take(DOI_LABELLED, rest, "10.")
    if not m:
        m, rest = take(DOI_BARE, rest, "10.")
    if m and not ids.doi:
        ids.doi = normalize_doi(re.sub(r"\s+", "", m[1]))
    if not ids.pmid and (ids.doi or ids.pmcid or "pmid" not in lowered):
        trimmed = rest.rstrip(" .")
        tail_start = max(0, len(trimmed) - 60)  # a bare PMID is at the very end
        bare = BARE_PMID.search(trimmed, tail_start)
        if bare and bare.start() > len(rest) // 2:
            ids.pmid = bare[1]
            rest = rest[: bare.start()] + " " + rest[bare.end():]
    m = _GB_DATES.search(rest) if "[" in rest else None
    if m and (ids.url or _GB_DATES.search(rest[m.end():]) is None):
        ids.urldate = ids.urldate or normalize.date(m["accessed"])
        ids.updated = ids.updated or normalize.date(m["updated"] or "")
        rest = rest[: m.start()] + " " + rest[m.end():]
    elif m and m["updated"]:
        ids.urldate = ids.urldate or normalize.date(m["accessed"])
        ids.updated = normalize.date(m["updated"])
        rest = rest[: m.start()] + " " + rest[m.end():]
    m, rest = take(_EPUB, rest) if _EPUB_HINT.search(lowered) else (None, rest)
    if m:
        if m["y"]:
            ids.notes.append("Epub " + normalize.iso_date(m["y"], m["m"] or "", m["d"] or ""))
        else:
            ids.notes.append(re.sub(r"[\[\].]", "", m[0]).strip().capitalize())
    ids.rest = tidy(rest)
    return ids


def _rejoin_url(text: str, start: int, end: int) -> tuple[str, int]:
    """A URL broken by spaces at PDF line ends, put back together: a piece joins when the
    URL cannot end where it stopped (after ``/ ? = & - _ :`` or a scheme), when the piece goes
    on with a path or query (``/n1/2025``, ``?id=123``, ``org/egovkb``), or when a host name
    was cut after a dot (``https://d. wanfangdata.com.cn``). A label (``DOI:``), a year or a
    word of prose after a finished URL stays out.

    >>> _rejoin_url("见 http://lib.myilibrary.com/Open.aspx? id=293666. 2011", 2, 38)[0]
    'http://lib.myilibrary.com/Open.aspx?id=293666.'
    """
    url = text[start:end]
    while True:
        m = _URL_TOKEN.match(text, end)
        if not m or _LABEL.match(m["token"]):
            return url, end
        token = m["token"]
        host = url.split("://", 1)[-1]
        year = re.fullmatch(rf"{YEAR}\.?", token) is not None
        open_end = url.endswith(("/", "?", "=", "&", "-", "_", ":", "%", "#")) and re.match(r"[\w/?=&#%.\-]", token)
        goes_on = token[:1] in "/?&=#%" or re.match(r"[\w\-]+/", token) is not None \
            or ("?" in url and re.search(r"[=&]", token) is not None)
        cut_host = "/" not in host and re.match(r"[\w\-]*\.[a-z]{2}", token) is not None  # "patent scope2.wipo.int"
        last = m.end() >= len(text.rstrip(" .;,"))  # the entry's last token, a URL's cut-off end
        cut_end = last and not year and re.fullmatch(r"[\w\-.%/?=&#~]+", token) is not None \
            and (re.search(r"[.\-_=/]", token.rstrip(".")) is not None or "?" in url) and "/" in host
        if not ((open_end and not year) or goes_on or cut_host or cut_end):
            return url, end
        url, end = url + token, m.end()


def _trim_url(url: str) -> str:
    url = re.sub(r"/\s+", "/", url).rstrip(".,;")
    while url.endswith(")") and url.count("(") < url.count(")"):
        url = url[:-1]
    while url.endswith("]") and url.count("[") < url.count("]"):
        url = url[:-1]
    return url


_SPACES = re.compile(r"\s+")
_SPACE_BEFORE = re.compile(r"\s+([.,;:)\]])")
_RUN_OF_STOPS = re.compile(r"([.,;:])(?:\s+[.,;:]|\1)+")  # ". ." left by a lifted id; not "A., B" or "N.; C"
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")


def tidy(text: str) -> str:
    """Collapse the separators left behind where identifiers were lifted out."""
    text = _SPACES.sub(" ", text).strip()
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _RUN_OF_STOPS.sub(lambda m: m[1] if m[1] != "," else ".", text)
    if "(" in text or "[" in text:
        text = _EMPTY_BRACKETS.sub("", text)
    return text.strip(" ,;:").strip()


# --- authors ---------------------------------------------------------------------------------

# Where the author list can end: ". " (or "." next to Chinese), or "(2019) " author-date.
_HEAD_SPLIT = re.compile(rf"\.\s+|(?<=[{HAN}])\.|\.(?=[{HAN}])|\s\((?P<year>{YEAR}[a-z]?)\)\s")


def split_authors(head: str) -> tuple[Authors | None, str, str]:
    """Split ``authors. title`` into its parts: (authors or None, the rest, a year written in
    parentheses after the authors, if any).

    >>> a, title, year = split_authors("Group G-MOC (2019) Nivolumab +/- ipilimumab")
    >>> [n.bibtex() for n in a.names], title, year
    (['{Group G-MOC}'], 'Nivolumab +/- ipilimumab', '2019')
    """
    for m in _HEAD_SPLIT.finditer(head):
        left, right = head[: m.start()], head[m.end():]
        if not right.strip():
            break
        # "Smith J. A., Doe B. Title": the initials go on past this stop.
        if re.match(r"[A-Z]\.?(?:\s?[A-Z]\.)*\s*[,;]", right):
            continue
        # "U.S. Food and Drug Administration": a dotted abbreviation, not the end of the list.
        if re.search(r"(?:^|\s)(?:[A-Z]\.)*[A-Z]$", left) and not re.search(r"\s[A-Z]{1,3}$", left):
            if re.search(r"(?:^|\s)[A-Z]\.[A-Z]$", left):
                continue
        year = m["year"] or ""
        trailing = _TRAILING_YEAR.search(left)
        if trailing and not year:  # the author-year system: "王某, 2015b. 题名"
            left, year = left[: trailing.start()], trailing["year"]
        authors = parse_author_list(left)
        if authors is not None:
            return authors, right.strip(), year
    return None, head.strip(), ""


# The year of the author-year system after the names: "ALLEN K, et al., 2017" / "陈登原，2000a".
_TRAILING_YEAR = re.compile(rf"\s*[,，]\s*(?P<year>{YEAR})[a-z]?\s*$")


# --- dates and publication statements ------------------------------------------------------

_EDITION = re.compile(
    r"^(?:(?P<ed>\d+(?:st|nd|rd|th)|[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Rr]ev(?:ised)?\.?|"
    r"第?\s*\d+|[一二三四五六七八九十]+)\s*(?:ed(?:ition)?n?\.?|版|edn\.?)"
    # editions named in words: 修订版, 石印本, 影印本
    rf"|(?P<named>[{HAN}]{{1,8}}(?:版|本)))\s*[.,]\s*",
)


@dataclass(frozen=True)
class Publication:
    place: str = ""
    publisher: str = ""
    year: str = ""
    date: str = ""
    pages: str = ""
    edition: str = ""
    rest: str = ""


def parse_publication(text: str) -> Publication:
    """Read ``[edition.] place: publisher, year[: pages]`` and its variants.

    >>> parse_publication("Lyon: IARC Press, 2019.")
    Publication(place='Lyon', publisher='IARC Press', year='2019', date='', pages='', edition='', rest='')
    >>> p = parse_publication("5th ed. International Agency for Research on Cancer, Lyon, France, 2021.")
    >>> p.edition, p.publisher, p.place, p.year
    ('5th', 'International Agency for Research on Cancer', 'Lyon, France', '2021')
    """
    text = text.strip().strip(".").strip()
    edition = ""
    m = _EDITION.match(text)
    if m:
        edition = m["named"] or re.sub(r"^第\s*", "", m["ed"]).strip().rstrip(".")
        text = text[m.end():]
    text = _COPYRIGHT.sub(r"\1", text)
    years = list(YEAR_RE.finditer(text))
    m = years[-1] if years else None
    if m is None:
        # The author-year system gives the year after the names: "北京: 中华书局: 29".
        pm = re.search(r"\s*:\s*([A-Za-z]?\d[\w.\-]*(?:\s*,\s*[A-Za-z]?\d[\w.\-]*)*)\s*$", text)
        pages = normalize.pages(pm[1]) if pm and ":" in text[: pm.start()] else ""
        if pages and pm is not None:
            text = text[: pm.start()]
        place, publisher = _place_publisher(text)
        return Publication(place, publisher, pages=pages, edition=edition)
    # The last plausible year is the publication year; what comes after it is pages or dates.
    before = text[: m.start()].rstrip(" ,.;:")
    after = text[m.end():]
    date = ""
    dm = re.match(r"-(\d{1,2})(?:-(\d{1,2}))?", after)
    if dm:
        date = normalize.iso_date(m[0], dm[1], dm[2] or "")
        after = after[dm.end():]
    pages = ""
    pm = re.match(r"\s*:\s*([A-Za-z]?\d[\w\-]*(?:\.\d[\w\-]*)*(?:\s*,\s*[A-Za-z]?\d[\w\-.]*)*)", after)
    if pm:
        pages = normalize.pages(pm[1])
        after = after[pm.end():]
    place, publisher = _place_publisher(before)
    return Publication(place, publisher, m[0], date, pages, edition, after.strip(" .,;"))


# A copyright year: "c1980", "©2001".
_COPYRIGHT = re.compile(rf"(?<![A-Za-z])[c©]\s?({YEAR})\b")

# "Unknown" placeholders of GB/T 7714 and NLM: no data, so no field.
PLACEHOLDER = re.compile(r"\[\s*(?:出版地不详|出版者不详|出版年不详|s\.\s*l\.?|s\.\s*n\.?|publisher unknown|"
                         r"place unknown|date unknown)\s*\]", re.I)


def _place_publisher(text: str) -> tuple[str, str]:
    """``'Lyon: IARC Press'`` or ``'IARC Press, Lyon, France'`` -> (place, publisher)."""
    text = PLACEHOLDER.sub("", text)
    # NLM writes a place inferred by the cataloguer in brackets: "[Pittsburgh (PA)]".
    text = re.sub(r"^\[([^\]]+)\](?=\s*:)", r"\1", text.strip())
    text = text.strip(" ,.;")
    if not text:
        return "", ""
    if ":" in text:
        pairs = [p.strip() for p in re.split(r"\s*;\s*", text) if p.strip()]
        places, publishers = [], []
        for pair in pairs:
            if ":" in pair:
                place, publisher = pair.split(":", 1)
                places.append(place.strip(" ,"))
                publishers.append(publisher.strip(" ,"))
            else:
                publishers.append(pair)
        return "; ".join(p for p in places if p), "; ".join(p for p in publishers if p)
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) == 1:
        return "", parts[0]
    return ", ".join(parts[1:]), parts[0]
