"""The plain data that flows through refman: names, references, problems.

Everything here is a frozen dataclass: stages return new values and never mutate what they are
given, so any stage can be tested with nothing around it. Library types (bibtexparser's
``Entry``) never appear here; they live at the edge, in ``bibtex.py``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, fields
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


__all__ = ["Name", "Problem", "Reference", "ParseResult"]
