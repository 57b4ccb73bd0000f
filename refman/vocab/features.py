"""What a reference can be recognised by: its trial names, drugs, registry ids, authors, title
words. Computed once per reference; the claim linker and lookup read a source the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Reference
from . import lexicon
from .identifiers import registry_ids
from .names import family_key
from .trials import acronym_key, title_trials
from .words import title_words


@dataclass(frozen=True)
class Profile:
    """The recognisable features of one reference."""

    acronyms: frozenset[str]  # acronym_key of every trial-like name in title or aliases, and its parts
    units: frozenset[str]  # only whole names (CLARINET FORTE as one unit)
    alias_keys: frozenset[str]  # the names claims gave it (IMpower133 for a paper whose title lacks it)
    drugs: frozenset[str]  # INN
    registry: frozenset[str]
    family: str  # first author's family name, folded ("pazares", "liu")
    families: frozenset[str]  # every author's family name
    year: str
    words: frozenset[str]


def profile(ref: Reference, drugs: lexicon.DrugLexicon | None = None) -> Profile:
    """Features of a reference, from its title (and English translation), aliases and ids.

    >>> p = profile(Reference(raw="", title="Lanreotide in metastatic enteropancreatic neuroendocrine "
    ...             "tumors (CLARINET FORTE)", year="2014", aliases=("PROMID",)))
    >>> sorted(p.units), p.drugs
    (['CLARINETFORTE', 'PROMID'], frozenset({'lanreotide'}))
    """
    drugs = drugs or lexicon.drugs()
    generic = lexicon.generic_abbreviations()
    titles = [ref.title] + ([ref.translation.title] if ref.translation else [])
    units: set[str] = set()
    parts: set[str] = set()
    for title in titles:
        for name in title_trials(title, generic):
            units.add(acronym_key(name))
            parts.update(acronym_key(w) for w in name.split() if w.upper() not in generic and len(w) >= 3)
    alias_keys = {acronym_key(a) for a in ref.aliases}
    text = " ".join(titles)
    authors = ref.authors or ref.editors
    families = {family_key(n.family) for n in authors if not n.corporate}
    first = family_key(authors[0].family) if authors and not authors[0].corporate else ""
    registry = set(ref.registry) | set(registry_ids(" ".join([ref.url, ref.note])))
    return Profile(
        acronyms=frozenset(units | parts | alias_keys),
        units=frozenset(units | alias_keys),
        alias_keys=frozenset(alias_keys),
        drugs=frozenset(drugs.inns(text)),
        registry=frozenset(registry),
        family=first,
        families=frozenset(families),
        year=ref.year,
        words=frozenset(title_words(text)),
    )
