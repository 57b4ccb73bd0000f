"""What a reference can be recognised by: its trial acronyms, drugs, registry ids, first author
and year, title words. Shared by claim linking and lookup, so both read a source the same way.

``Profile`` is computed once per reference; ``EvidenceIndex`` maps each feature to the
references that have it, so a claim or a query touches only its candidates, not the library.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from . import lexicon
from .sentences import ACRONYM, TRIAL_CODE, trim_generic
from .keys import ascii_word
from .model import Reference
from .styles.common import REGISTRY

_STOP = {"the", "and", "for", "with", "from", "that", "this", "were", "was", "are", "study", "trial",
         "phase", "patients", "results", "analysis", "versus", "after", "treatment", "therapy",
         "randomised", "randomized", "clinical", "open-label", "multicentre", "multicenter", "among",
         "without", "into", "their", "cancer", "advanced", "first-line", "plus", "controlled"}


def acronym_key(text: str) -> str:
    """Spelling-insensitive form of a trial name: ``'IMpower 133'`` and ``'IMpower133'`` -> ``'IMPOWER133'``."""
    return re.sub(r"[\s\-‐_./]", "", text).upper()


_TRIAL_AFTER = re.compile(r"^\W{0,3}(?:[\w\-]+\s+){0,2}(?:trial|study|studies|investigators|试验|研究)", re.I)


def title_trials(title: str, generic: frozenset[str] | None = None) -> list[str]:
    """The trial names a title gives: ``(KEYNOTE-189)``, ``the TALENT trial``, ``IMpower133``;
    not the abbreviations it defines (``large cell neuroendocrine carcinoma (LCNEC)``) nor
    genes (``BRAF``)."""
    generic = generic if generic is not None else lexicon.generic_abbreviations()
    out = []
    for m in ACRONYM.finditer(title):
        name = trim_generic(m[0], generic)
        if not name or name.upper() in generic or len(name) < 3:
            continue
        before, after = title[: m.start()], title[m.end():]
        in_parens = before.rstrip().endswith("(") and after.lstrip().startswith(")")
        if in_parens and _expands(name, before[:-1]):
            continue
        if in_parens or _TRIAL_AFTER.match(after) or TRIAL_CODE.match(name) or \
                (name.isupper() and len(name) >= 5 and " " not in name):
            out.append(name)
    return out


def _expands(acronym: str, before: str) -> bool:
    """``LCNEC`` after ``large cell neuroendocrine carcinoma``: an abbreviation being defined."""
    letters = re.sub(r"[^A-Za-z]", "", acronym).lower()
    words = re.findall(r"[A-Za-z]+", before)[-(len(letters) + 3):]
    initials = "".join(w[0].lower() for w in words)
    it = iter(initials)
    return len(letters) >= 2 and letters[0] in initials and all(c in it for c in letters)


def title_words(text: str) -> set[str]:
    """Content words of a title, hyphenated words also by their parts (DLL3-targeted: dll3)."""
    words = set()
    for w in re.findall(r"[a-z0-9][a-z0-9\-]{2,}", text.lower()):
        words.add(w)
        if "-" in w:
            words.update(part for part in w.split("-") if len(part) >= 3)
    return {w for w in words if w not in _STOP and not w.isdigit() and re.match(r"[a-z]|\d+[a-z]", w)}


@dataclass(frozen=True)
class Profile:
    """The recognisable features of one reference."""

    acronyms: frozenset[str]  # acronym_key of every trial-like name in title or aliases
    units: frozenset[str]  # the same, but only whole names (CLARINET FORTE as one unit)
    alias_keys: frozenset[str]
    drugs: frozenset[str]  # INN
    registry: frozenset[str]
    family: str  # first author's family name, ASCII lowercase ("pazares", "liu")
    families: frozenset[str]  # every author's family name
    year: str
    words: frozenset[str]


def profile(ref: Reference, drugs: lexicon.DrugLexicon | None = None) -> Profile:
    """Features of a reference, from its title (and English translation), aliases and ids."""
    drugs = drugs or lexicon.drugs()
    generic = lexicon.generic_abbreviations()
    titles = [ref.title] + ([ref.translation.title] if ref.translation else [])
    units, parts = set(), set()
    for title in titles:
        for name in title_trials(title, generic):
            units.add(acronym_key(name))
            parts.update(acronym_key(w) for w in name.split() if w.upper() not in generic and len(w) >= 3)
    alias_keys = {acronym_key(a) for a in ref.aliases}
    text = " ".join(titles)
    authors = ref.authors or ref.editors
    families = {ascii_word(n.family) for n in authors if not n.corporate}
    first = ascii_word(authors[0].family) if authors and not authors[0].corporate else ""
    registry = set(ref.registry)
    registry.update(m[1] for m in REGISTRY.finditer(" ".join([ref.url, ref.note])))
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


_PROFILES: dict[int, dict[Reference, Profile]] = {}  # id(drug lexicon) -> reference -> profile


class EvidenceIndex:
    """Feature -> references, over a list of references (a document's list plus the library)."""

    def __init__(self, refs: list[Reference], drugs: lexicon.DrugLexicon | None = None):
        drugs = drugs or lexicon.drugs()
        self.refs = refs
        # A library's references are profiled once per process, not once per document linked.
        cache = _PROFILES.setdefault(id(drugs), {})
        self.profiles = []
        for r in refs:
            p = cache.get(r)
            if p is None:
                p = cache[r] = profile(r, drugs)
            self.profiles.append(p)
        self.learned_trials: dict[str, Reference] = {}  # names a document gives, learned while linking
        self.by_acronym: dict[str, set[int]] = defaultdict(set)
        self.by_drug: dict[str, set[int]] = defaultdict(set)
        self.by_registry: dict[str, set[int]] = defaultdict(set)
        self.by_family: dict[str, set[int]] = defaultdict(set)
        self.by_word: dict[str, set[int]] = defaultdict(set)
        self.journals: dict[str, set[int]] = defaultdict(set)
        for i, p in enumerate(self.profiles):
            for w in p.words:
                self.by_word[w].add(i)
            container = refs[i].container.strip()
            if len(container) >= 4:
                self.journals[container].add(i)
                for name in lexicon.journal_names(container):
                    self.journals[name].add(i)
            for a in p.acronyms:
                self.by_acronym[a].add(i)
            for d in p.drugs:
                self.by_drug[d].add(i)
            for r in p.registry:
                self.by_registry[r].add(i)
            if p.family:
                self.by_family[p.family].add(i)

    def sharing_words(self, words: set[str], rare: int = 50) -> set[int]:
        """References sharing at least one uncommon title word with ``words``."""
        out: set[int] = set()
        for w in words:
            hits = self.by_word.get(w, ())
            if 0 < len(hits) <= rare:
                out.update(hits)
        return out

    def journal_mentions(self, text: str) -> list[tuple[int, str]]:
        """References whose journal the text names ("发表于JAMA", "《新英格兰医学杂志》")."""
        out = []
        for name, refs in self.journals.items():
            if name in text:
                out.extend((i, name) for i in refs)
        return out
