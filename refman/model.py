"""The plain data that flows through refman: names, references, problems; claims, the evidence
that links them, links; lookup matches and check findings.

Everything here is a frozen dataclass: stages return new values and never mutate what they are
given, so any stage can be tested with nothing around it. Library types (bibtexparser's
``Entry``) never appear here; they live at the edge, in ``bibtex.py``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from typing import Any


@dataclass(frozen=True)
class Name:
    """One author, editor or translator.

    ``Name("Caplin", "M. E.")`` is a person with initials; ``Name("徐建明")`` a Chinese person
    written as one unit; ``Name("WHO Classification of Tumours Editorial Board", corporate=True)``
    an organisation, which BibTeX must see as a single braced name.
    """

    family: str
    given: str = ""
    particle: str = ""  # a lowercase von-part: "v d" in GB/T 7714-2025's "Veen P H v d"
    suffix: str = ""  # "Jr", "III"
    corporate: bool = False

    def bibtex(self) -> str:
        """The name as BibTeX reads it: ``Caplin, M. E.``, ``{WHO ... Board}``, ``徐建明``."""
        if self.corporate:
            return "{" + self.family + "}"
        if not self.given and not self.particle and not self.suffix:
            return self.family
        family = f"{self.particle} {self.family}" if self.particle else self.family
        parts = [family]
        if self.suffix:
            parts.append(self.suffix)
        parts.append(self.given)
        return ", ".join(parts)

    def display(self) -> str:
        """Family name first, as a reader expects in a list: ``Caplin M. E.``."""
        if self.corporate or not self.given:
            return self.family
        return f"{self.family} {self.given}"


@dataclass(frozen=True)
class Problem:
    """Something a stage noticed and could not fully repair; data, never an exception.

    ``code`` is a short stable slug (``no-style``, ``no-year``); ``number`` is the reference's
    number in its list when the problem belongs to one reference.
    """

    code: str
    message: str
    number: int | None = None
    severity: str = "warning"  # "warning" or "error"

    def __str__(self) -> str:
        where = f"[{self.number}] " if self.number is not None else ""
        return f"{self.severity}: {where}{self.message}"


@dataclass(frozen=True)
class Reference:
    """One entry of a reference list, parsed into fields.

    ``raw`` always holds the text as it stood in the input, so nothing is ever lost: what the
    parser could not place goes to ``note``. ``entry_type`` is the BibTeX type chosen from the
    GB/T 7714 type code (``J`` -> ``article``), or inferred for styles without codes.
    """

    raw: str
    style: str = "fallback"  # gbt7714-2015, gbt7714-2025, vancouver, fallback
    entry_type: str = "misc"
    type_code: str = ""  # J, M, C, D, R, N, S, P, G, EB, DB, CP, Z, A, CM, DS, PP
    carrier: str = ""  # OL, DK, MT, CD, MM
    number: int | None = None  # position in the source list: [4] -> 4
    source: str = ""  # the document the entry came from
    authors: tuple[Name, ...] = ()
    et_al: bool = False
    editors: tuple[Name, ...] = ()
    translators: tuple[Name, ...] = ()
    title: str = ""
    container: str = ""  # journal, book of a chapter, proceedings, newspaper
    edition: str = ""
    place: str = ""
    publisher: str = ""  # also a thesis's school, a report's institution
    year: str = ""
    date: str = ""  # a fuller date when the source gives one (ISO)
    volume: str = ""
    issue: str = ""
    pages: str = ""  # "224-233": a single hyphen inside refman; BibTeX gets "--"
    doc_number: str = ""  # standard, patent or report number
    doi: str = ""
    url: str = ""
    urldate: str = ""
    updated: str = ""
    pmid: str = ""
    pmcid: str = ""
    registry: tuple[str, ...] = ()  # NCT05427383, ChiCTR..., EudraCT ...
    isbn: str = ""
    issn: str = ""
    cstr: str = ""
    version: str = ""
    language: str = "en"
    note: str = ""
    translation: Reference | None = None  # the English line that follows a Chinese entry
    aliases: tuple[str, ...] = ()  # trial names given to it by claims (IMpower133)
    key: str = ""

    def to_dict(self, *, include_empty: bool = False) -> dict[str, Any]:
        """A JSON-ready dict: names in their BibTeX form, empty fields left out."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("authors", "editors", "translators"):
                value = [n.bibtex() for n in value]
            elif f.name == "translation":
                value = value.to_dict(include_empty=include_empty) if value else None
            elif isinstance(value, tuple):
                value = list(value)
            if include_empty or value not in ("", None, [], False):
                out[f.name] = value
        return out

    def with_fields(self, **changes: Any) -> Reference:
        """A copy with some fields changed (the dataclass is frozen).

        Faster than ``dataclasses.replace`` (which re-runs ``__init__`` over forty fields); the
        original is never touched.
        """
        clone = copy.copy(self)
        for name, value in changes.items():
            if name not in _REFERENCE_FIELDS:
                raise TypeError(f"Reference has no field {name!r}")
            object.__setattr__(clone, name, value)
        return clone


@dataclass(frozen=True)
class ParseResult:
    """What parsing a document yields: the references in input order, and the problems."""

    references: tuple[Reference, ...]
    problems: tuple[Problem, ...] = ()
    body: str = ""  # the document without its reference list (for claims)
    body_offset: int = 0

    def __iter__(self):
        return iter(self.references)

    def __len__(self) -> int:
        return len(self.references)


_REFERENCE_FIELDS = frozenset(f.name for f in fields(Reference))


# --- claims and their sources ------------------------------------------------------------------

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


@dataclass(frozen=True)
class Entities:
    """What a sentence names: trial acronyms, registry ids, drugs (INN), author mentions, years."""

    acronyms: tuple[str, ...] = ()
    trials: tuple[str, ...] = ()  # the acronyms that the sentence calls a trial or study
    registry: tuple[str, ...] = ()
    drugs: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    years: tuple[str, ...] = ()


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


@dataclass(frozen=True)
class Evidence:
    """One reason for a link or a match: what kind of evidence, its value, its weight.

    ``Evidence("acronym", "CLARINET", 0.9)`` prints as ``acronym:CLARINET``; an approximate
    (fuzzy) match as ``acronym~CLARINET``; a marker as ``marker``.
    """

    kind: str  # marker, registry, acronym, author, drug, journal, title, year, context, named, section, ...
    value: str = ""
    weight: float = 1.0
    approximate: bool = False

    def __str__(self) -> str:
        if not self.value:
            return self.kind
        return f"{self.kind}{'~' if self.approximate else ':'}{self.value}"


def render_reasons(reasons: tuple[Evidence, ...]) -> str:
    """``acronym:KC-WISE,drug:anbenitamab``: the reasons of a link as one line."""
    return ",".join(str(r) for r in reasons)


@dataclass(frozen=True)
class Link:
    """One source of a claim: the reference's key and list number, the score, the reasons."""

    key: str
    number: int | None
    score: float
    reasons: tuple[Evidence, ...]
    source: str = ""  # the document whose list holds the reference

    @property
    def via(self) -> str:
        return render_reasons(self.reasons)


@dataclass(frozen=True)
class LinkedClaim:
    """A claim with its sources; ``dangling`` holds marker numbers that name no entry."""

    claim: Claim
    sources: tuple[Link, ...] = ()
    dangling: tuple[int, ...] = ()

    @property
    def unsourced(self) -> bool:
        return not self.sources

    def to_dict(self) -> dict:
        c = self.claim
        return {"text": c.text, "start": c.start, "end": c.end, "markers": list(c.markers),
                "sources": [{"key": s.key, "number": s.number, "score": round(s.score, 3), "via": s.via}
                            for s in self.sources],
                **({"dangling": list(self.dangling)} if self.dangling else {})}


@dataclass(frozen=True)
class Document:
    """A parsed document: name, text, its own references, and its linked claims."""

    name: str
    text: str
    references: tuple[Reference, ...]
    claims: tuple[LinkedClaim, ...]

    def reference(self, number: int) -> Reference | None:
        return next((r for r in self.references if r.number == number), None)


@dataclass(frozen=True)
class Finding:
    """One problem the editor should look at."""

    # dangling-marker, damaged-marker, uncited-entry, out-of-order, duplicate-entry, wrong-trial,
    # unsourced-result
    kind: str
    message: str
    number: int | None = None
    numbers: tuple[int, ...] = ()
    claim: str = ""
    start: int | None = None

    def to_dict(self) -> dict:
        out: dict[str, Any] = {"kind": self.kind, "message": self.message}
        if self.number is not None:
            out["number"] = self.number
        if self.numbers:
            out["numbers"] = list(self.numbers)
        if self.claim:
            out["claim"] = self.claim
            out["start"] = self.start
        return out


# --- lookup ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Match:
    """One reference found by a query: why it matched, what it is, what claims say about it."""

    key: str
    score: float
    evidence: Evidence
    title: str = ""
    year: str = ""
    authors: tuple[str, ...] = ()
    container: str = ""
    number: int | None = None
    source: str = ""
    claims: tuple[dict, ...] = field(default_factory=tuple)

    @property
    def via(self) -> str:
        return str(self.evidence)

    def to_dict(self) -> dict:
        return {"key": self.key, "score": round(self.score, 3), "via": self.via, "title": self.title,
                "year": self.year, "authors": list(self.authors), "container": self.container,
                "source": self.source, "number": self.number, "claims": list(self.claims)}


__all__ = [
    "Claim",
    "Document",
    "Entities",
    "Evidence",
    "Finding",
    "Link",
    "LinkedClaim",
    "Marker",
    "Match",
    "Name",
    "ParseResult",
    "Problem",
    "Reference",
    "render_reasons",
]
