"""Identifiers: DOI, PMID, PMCID, CSTR, ISBN, ISSN and trial-registry ids, as one table.

An identifier can stand anywhere in a reference, in any style, and in a sentence or a query
too; the parser lifts them out of entries, the linker and lookup find registry ids in text,
the formats write them. Each pattern lives here once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A DOI anywhere: "10.1056/NEJMoa1316158". Used to tell that a line carries one.
DOI_ANY = re.compile(r"\b10\.\d{4,9}/\S+")
# The DOI inside a doi.org URL.
DOI_URL = re.compile(r"https?://(?:dx\.)?doi\.org/(10\.\S+)", re.I)
# A labelled DOI runs to the next space: old SICI DOIs hold "<" and ">"
# ("85:1<1::AID-CNCR1>3.0.CO;2-#"); a PDF line break may leave one space after the slash.
DOI_LABELLED = re.compile(r"\b(?:doi|DOI)\s*[:：]?\s*(10\.\d{4,9}/(?:\s(?=\w))?\S+)")
# A bare DOI, not inside a URL or a longer number.
DOI_BARE = re.compile(r"(?<![\w/.])(10\.\d{4,9}/[^\s<>]+)")
# A line that starts with an identifier or a link continues the entry before it:
# "DOI:10.3969/...", "https://...", "PMID: 123", "Available from: ...".
IDENTIFIER_START = re.compile(r"(?:doi\b|pmid\b|pmcid\b|isbn\b|issn\b|url\b|available\b|accessed\b|"
                              r"retrieved\b|https?://|www\.|10\.\d{4,}/|\[?(?:引用日期|访问日期))", re.I)

# A line that names an identifier anywhere: "PubMed Central PMCID: PMC3012025.".
HAS_IDENTIFIER = re.compile(r"\b(?:doi|pmid|pmcid|isbn|issn|arxiv|epub|cstr)\b|https?://|www\.", re.I)

REGISTRY = re.compile(
    r"\b(NCT\d{8}|ChiCTR[-A-Z]*\d{6,}|ISRCTN\d{8}|ACTRN\d{14}|DRKS\d{8}|KCT\d{7}|"
    r"jRCT\w?\d{7,}|UMIN\d{9}|CTR20\d{6}|CTRI/\d{4}/\d{2,3}/\d{6}|"
    r"EudraCT\s*(?:No\.?|number)?\s*\d{4}-\d{6}-\d{2}|\d{4}-\d{6}-\d{2}(?=\b))",
)
# Cheap test before the registry pattern runs: most text names no registry.
_REGISTRY_HINT = re.compile(r"NCT|ChiCTR|ISRCTN|ACTRN|DRKS|KCT|jRCT|UMIN|CTR|Eudra|\d{4}-\d{6}-\d{2}")


@dataclass(frozen=True)
class Extractor:
    """One labelled identifier: the field it fills, its pattern (group 1 is the value), a
    lowercase hint that must be in the text before the pattern is tried."""

    field: str
    pattern: re.Pattern[str]
    hint: str


# Labelled identifiers, in the order the parser lifts them out of an entry.
LABELLED = (
    # PubMed's own citations: "PubMed PMID: 22932406; PubMed Central PMCID: PMC4090262."
    Extractor("pmid", re.compile(r"(?:\bPubMed\s+)?\bPMID\s*[:：]?\s*(\d{1,9})\b\.?", re.I), "pmid"),
    Extractor("pmcid", re.compile(r"(?:(?:\bPubMed\s+Central\s+)?\bPMCID\s*[:：]?\s*)?\b(PMC\d{4,})\b\.?", re.I),
              "pmc"),
    Extractor("cstr", re.compile(r"\bCSTR\s*[:：]\s*([\w./-]+?)(?=[.,;]?(?:\s|$))", re.I), "cstr"),
    Extractor("isbn", re.compile(r"\bISBN(?:-1[03])?\s*[:：]?\s*([\dXx][\dXx -]{8,16}[\dXx])", re.I), "isbn"),
    Extractor("issn", re.compile(r"\bISSN\s*[:：]?\s*(\d{4}-\d{3}[\dXx])", re.I), "issn"),
)

# A PubMed id printed bare at the end of an entry, as PLOS and EndNote exports print it after
# the DOI ("doi: 10.1038/ng.2991 24880339." / "... 21122102; PubMed Central PMCID: PMC3012025").
BARE_PMID = re.compile(r"(?<![\w./:\-])(\d{7,8})(?=\s*(?:[.;]\s*(?:PubMed Central\s*)?\.?\s*$|$))")

# The identifier fields of a ``Reference``, as every stage names them.
FIELDS = ("doi", "url", "urldate", "updated", "pmid", "pmcid", "registry", "isbn", "issn", "cstr")


def registry_ids(text: str) -> tuple[str, ...]:
    """The registry ids in a text, each once, in order.

    >>> registry_ids("NCT03434379 (IMbrave150); EudraCT 2017-003691-31; NCT03434379")
    ('NCT03434379', 'EudraCT 2017-003691-31')
    """
    if not _REGISTRY_HINT.search(text):
        return ()
    return tuple(dict.fromkeys(re.sub(r"\s+", " ", m[1]).strip() for m in REGISTRY.finditer(text)))


def normalize_doi(text: str) -> str:
    """A DOI without prefix or trailing punctuation.

    >>> normalize_doi("https://doi.org/10.1056/NEJMoa1316158."), normalize_doi("doi: 10.1016/j.annonc.2026.01.006")
    ('10.1056/NEJMoa1316158', '10.1016/j.annonc.2026.01.006')
    """
    text = text.strip()
    text = re.sub(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", "", text, flags=re.I)
    text = text.rstrip(".,;")
    if text.endswith(")") and text.count("(") < text.count(")"):
        text = text[:-1]
    return text


def dois_in(text: str) -> list[str]:
    """The DOIs written in a text or a query, normalised.

    >>> dois_in("see doi:10.1056/NEJMoa1316158.")
    ['10.1056/NEJMoa1316158']
    """
    return [normalize_doi(m[0]) for m in DOI_ANY.finditer(text)]
