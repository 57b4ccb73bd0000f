"""Lookup: which references are CLARINET, Caplin 2014, 仑伐替尼, NCT03591731 or a DOI, and what
did we write about them.

A query is read in every way it could be meant at once (DOI, registry id, key, trial name,
author with or without year, drug in either language, journal and year, title words, Chinese
title characters); each reading finds its references through the index, each match keeps the
reason it matched, and the best-scored come first. Trial names and authors are also matched
fuzzily (rapidfuzz, with a cut-off), so ``CLARNET`` still finds CLARINET.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path

from ..model import Evidence, Match, Reference
from ..vocab import lexicon
from ..vocab.features import profile
from ..vocab.identifiers import REGISTRY, dois_in
from ..vocab.mentions import chinese_persons, find_entities
from ..vocab.names import ascii_fold, family_key, surname_key
from ..vocab.script import YEAR_RE, has_cjk
from ..vocab.trials import acronym_key, trial_shaped
from ..vocab.words import title_words
from ..vocab.works import title_key
from .index import INDEX_FILE, cjk_bigrams, load_claims, open_index
from .store import INDEX_DIR, LibraryArg, open_library


@dataclass(frozen=True)
class LookupWeights:
    """How much each reading of a query counts (a term's own weight multiplies these).

    Exact identifiers (DOI, registry id, PMID, key, standard number) score 1.0; a trial name
    ``acronym`` (``acronym_part`` for one word of a longer query, ``fuzzy`` times the similarity
    when misspelt); an author ``author`` plus ``author_year`` when the year agrees; a drug
    ``drug``; a Chinese investigator whom claims name ``person``; journal and year ``journal``;
    title words ``title`` and the words of citing sentences ``claim_words``, times the share of
    the query's words found. A named year adds ``year_bonus`` to results of that year and
    takes ``year_penalty`` from others; results at or below ``floor`` are not shown.
    """

    identifier: float = 1.0
    acronym_part: float = 0.85
    fuzzy: float = 0.9
    fuzzy_acronym_cutoff: int = 84
    fuzzy_author_cutoff: int = 88
    closest_cutoff: int = 55
    author: float = 0.7
    author_year: float = 0.2
    drug: float = 0.8
    person: float = 0.85
    journal: float = 0.85
    title: float = 0.75
    claim_words: float = 0.6
    word_share: float = 0.5
    bigram_share: float = 0.6
    common_word: int = 3000
    year_bonus: float = 0.05
    year_penalty: float = 0.2
    floor: float = 0.3
    # index-side weights: how surely a term names its reference
    later_author: float = 0.75
    surname_only: float = 0.8
    alias_part: float = 0.9
    title_trial: float = 0.95
    trial_part: float = 0.8
    single_claim: float = 0.9
    shared_claim: float = 0.7
    claim_context: float = 0.7


WEIGHTS = LookupWeights()
WEIGHT_NAMES = tuple(f.name for f in fields(LookupWeights))


# --- building the index ----------------------------------------------------------------------

def build_index(conn: sqlite3.Connection, refs: list[Reference], claims_by_key: dict[str, list[dict]],
                drugs: lexicon.DrugLexicon) -> None:
    """Fill an empty index with the references' display data and terms."""
    rows: list[tuple[int, str, str]] = []
    terms: list[tuple[str, str, int, float, str]] = []
    for i, ref in enumerate(refs):
        authors = [n.display() for n in (ref.authors or ref.editors)]
        data = {"key": ref.key, "title": ref.title, "year": ref.year, "authors": authors,
                "et_al": ref.et_al, "container": ref.container, "number": ref.number,
                "source": ref.source, "claims": claims_by_key.get(ref.key, []),
                "title_en": ref.translation.title if ref.translation else ""}
        rows.append((i, ref.key, json.dumps(data, ensure_ascii=False)))
        year = ref.year
        terms.extend((kind, term, i, weight, year) for kind, term, weight in _terms(ref, drugs))
        terms.extend((kind, term, i, weight, year) for kind, term, weight in
                     _claim_terms(claims_by_key.get(ref.key, []), drugs))
    conn.executemany("INSERT INTO refs VALUES (?, ?, ?)", rows)
    conn.executemany("INSERT INTO terms VALUES (?, ?, ?, ?, ?)", terms)


def _terms(ref: Reference, drugs: lexicon.DrugLexicon):
    p = profile(ref, drugs)
    yield "key", ref.key.lower(), 1.0
    if ref.doi:
        yield "doi", ref.doi.lower(), 1.0
    if ref.pmid:
        yield "pmid", ref.pmid, 1.0
    if ref.doc_number:
        yield "number", _number_key(ref.doc_number), 1.0
    for reg in p.registry:
        yield "registry", reg.upper(), 1.0
    for a in p.alias_keys:
        yield "acronym", a, 1.0
    for alias in ref.aliases:  # "GCO-001 NIPINEC": also NIPINEC alone
        for part in alias.split():
            if len(part) >= 4 and acronym_key(part) not in p.alias_keys:
                yield "acronym", acronym_key(part), WEIGHTS.alias_part
    for a in p.units - p.alias_keys:
        yield "acronym", a, WEIGHTS.title_trial
    for a in p.acronyms - p.units:
        yield "acronym", a, WEIGHTS.trial_part  # part of a longer name: CLARINET in CLARINET FORTE
    authors = ref.authors or ref.editors
    for pos, name in enumerate(authors):
        weight = 1.0 if pos == 0 else WEIGHTS.later_author
        if name.corporate:  # "Cancer Genome Atlas Research Network" is found by its words
            continue
        family = family_key(name.family)
        if family:
            yield "family", family, weight
        if has_cjk(name.family) and len(name.family) >= 2:
            # 郑荣寿 is also "Zheng" and "zheng rongshou" to someone typing pinyin
            yield "family", surname_key(name.family), WEIGHTS.surname_only * weight
    for inn in p.drugs:
        yield "drug", inn, 1.0
    for w in p.words | title_words(ref.container):
        yield "word", w, 1.0
    if ref.container:
        yield "journal", _journal_key(ref.container), 1.0
        if ref.translation and ref.translation.container:
            yield "journal", _journal_key(ref.translation.container), 1.0
    for bigram in cjk_bigrams(ref.title + (ref.translation.title if ref.translation else "")):
        yield "cjk", bigram, 1.0


def _claim_terms(claims: list[dict], drugs: lexicon.DrugLexicon):
    """What the sentences citing a reference call it: the trial name ("FLAURA研究"), the
    registry id, the investigator ("吴一龙教授"), drugs and words. A sentence that cites only
    this reference speaks for it more surely than one citing several."""
    seen: dict[tuple[str, str], float] = {}
    for claim in claims:
        weight = WEIGHTS.single_claim if claim.get("single") else WEIGHTS.shared_claim
        entities = find_entities(claim["text"], drugs)
        found = [("acronym", acronym_key(a)) for a in entities.acronyms if trial_shaped(a)]
        found += [("registry", r.upper()) for r in entities.registry]
        found += [("person", name) for name in chinese_persons(claim["text"])]
        found += [("drug", d) for d in entities.drugs]
        found += [("claimword", w) for w in title_words(claim["text"])]
        for kind, term in found:
            w = weight * (WEIGHTS.claim_context if kind in ("drug", "claimword") else 1.0)
            if w > seen.get((kind, term), 0.0):
                seen[(kind, term)] = w
    for (kind, term), w in seen.items():
        yield kind, term, w


def _number_key(number: str) -> str:
    """``GB/T 7714—2015`` -> ``GB/T7714-2015``: standard numbers however they are spaced."""
    return re.sub(r"\s+", "", re.sub(r"[—–]", "-", number)).upper()


def _journal_key(name: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+|[^\W\d_a-z]+", name.lower()))


# --- answering a query -----------------------------------------------------------------------

Add = Callable[[int, float, Evidence], None]


class Searcher:
    """Queries against one open index."""

    def __init__(self, conn: sqlite3.Connection, drugs: lexicon.DrugLexicon):
        self.conn = conn
        self.drugs = drugs
        self._vocab: dict[str, list[str]] = {}
        self._by_initial: dict[tuple[str, str], list[str]] = {}
        self._years: dict[int, str] = {}  # filled by every term lookup, so no extra query

    def _hits(self, kind: str, term: str) -> list[tuple[int, float]]:
        rows = self.conn.execute("SELECT ref, weight, year FROM terms WHERE kind = ? AND term = ?",
                                 (kind, term)).fetchall()
        for ref, _, year in rows:
            self._years[ref] = year
        return [(ref, weight) for ref, weight, _ in rows]

    def _count(self, kind: str, term: str) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM terms WHERE kind = ? AND term = ?",
                                 (kind, term)).fetchone()[0]

    def vocab(self, kind: str) -> list[str]:
        if kind not in self._vocab:
            self._vocab[kind] = [r[0] for r in self.conn.execute(
                "SELECT DISTINCT term FROM terms WHERE kind = ?", (kind,))]
        return self._vocab[kind]

    def search(self, query: str, limit: int = 10) -> list[Match]:
        scores: dict[int, tuple[float, Evidence]] = {}

        def add(ref: int, score: float, why: Evidence) -> None:
            if score > scores.get(ref, (0.0, why))[0]:
                scores[ref] = (score, why)

        q = query.strip()
        # A number that is part of a trial's name ("DART SWOG 1609") is not a year.
        named = self._acronyms(q, add)
        years = {y for y in YEAR_RE.findall(q) if not any(y in name for name in named)}
        bare = q
        for y in years:
            bare = re.sub(rf"(?<!\d){y}(?!\d)", " ", bare)
        bare = " ".join(bare.split()).strip(" ,;")
        if bare != q:
            self._acronyms(bare, add)  # "CLARINET 2014": CLARINET
        for doi in dois_in(q):
            for ref, _ in self._hits("doi", doi.lower()):
                add(ref, WEIGHTS.identifier, Evidence("doi", doi))
        for m in REGISTRY.finditer(q.upper()):
            for ref, _ in self._hits("registry", m[1]):
                add(ref, WEIGHTS.identifier, Evidence("registry", m[1]))
        for ref, _ in self._hits("key", q.lower()):
            add(ref, WEIGHTS.identifier, Evidence("key"))
        pm = re.fullmatch(r"(?:PMID\s*:?\s*)?(\d{5,9})", q, re.I)
        if pm:
            for ref, _ in self._hits("pmid", pm[1]):
                add(ref, WEIGHTS.identifier, Evidence("pmid", pm[1]))
        number = _number_key(q)
        if re.search(r"\d", number) and len(number) >= 4:
            for ref, _ in self.conn.execute(
                    "SELECT ref, weight FROM terms WHERE kind = 'number' AND (term = ? OR term LIKE ?)",
                    (number, number + "-%")).fetchall():
                add(ref, WEIGHTS.identifier, Evidence("number", q))
        self._authors(bare, years, add)
        for inn in sorted(self.drugs.inns(q)):
            for ref, weight in self._hits("drug", inn):
                add(ref, WEIGHTS.drug * weight, Evidence("drug", inn))
        for ref, weight in self._hits("person", q):
            add(ref, WEIGHTS.person * weight, Evidence("named", q))
        self._journal(bare, years, add)
        self._words(q, add)
        if years:
            scores = {r: (s + (WEIGHTS.year_bonus if self._year(r) in years else -WEIGHTS.year_penalty), v)
                      for r, (s, v) in scores.items()}
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1][0], kv[0]))
        out: list[Match] = []
        seen: set[tuple[str, str]] = set()
        for ref, (score, why) in ranked:
            if score <= WEIGHTS.floor or len(out) >= limit:
                break
            match = self._match(ref, score, why)
            identity = (title_key(match.title), match.year)
            if identity in seen:  # the same paper listed by several documents: show it once
                continue
            seen.add(identity)
            out.append(match)
        return out

    def _year(self, ref: int) -> str:
        return self._years.get(ref, "")

    def _near(self, kind: str, term: str) -> list[str]:
        """The vocabulary a misspelling of ``term`` can come from: same first letter."""
        key = (kind, term[:1])
        if key not in self._by_initial:
            self._by_initial[key] = [t for t in self.vocab(kind) if t[:1] == term[:1]]
        return self._by_initial[key]

    def _acronyms(self, text: str, add: Add) -> set[str]:
        """Trial names in the query, exact or misspelt; returns the spans that named one exactly."""
        from rapidfuzz import fuzz, process

        named: set[str] = set()
        candidates = {text} | set(re.split(r"[,;，；]\s*", text))
        words = text.split()
        for n in range(1, min(3, len(words)) + 1):  # "CLARINET lanreotide": each run of words
            candidates.update(" ".join(words[i:i + n]) for i in range(len(words) - n + 1))
        for cand in sorted(candidates):
            key = acronym_key(cand)
            if len(key) < 3 or key.isdigit():
                continue
            part = 1.0 if cand == text else WEIGHTS.acronym_part
            exact = self._hits("acronym", key)
            if exact:
                named.add(cand)
            for ref, weight in exact:
                add(ref, weight * part, Evidence("acronym", cand))
            if exact or len(key) < 5 or not re.search(r"[A-Za-z]", key):
                continue
            for term, similarity, _ in process.extract(key, self._near("acronym", key), scorer=fuzz.ratio,
                                                      score_cutoff=WEIGHTS.fuzzy_acronym_cutoff, limit=3):
                for ref, weight in self._hits("acronym", term):
                    add(ref, weight * WEIGHTS.fuzzy * similarity / 100 * part,
                        Evidence("acronym", term, approximate=True))
        return named

    def _authors(self, text: str, years: set[str], add: Add) -> None:
        from rapidfuzz import fuzz, process

        tokens = [t for t in re.split(r"[\s,;，；]+", text) if t]
        if 2 <= len(tokens) <= 3 and all(t.isalpha() and t.isascii() for t in tokens):
            tokens.append("".join(tokens))  # "zheng rongshou" -> zhengrongshou, as 郑荣寿 is indexed
        for token in tokens[:5]:
            family = family_key(token.replace("等", ""))
            if len(family) < 2:
                continue
            hits = self._hits("family", family)
            if not hits and len(family) >= 5:  # "Strossberg" for Strosberg
                best = process.extractOne(family, self._near("family", family), scorer=fuzz.ratio,
                                          score_cutoff=WEIGHTS.fuzzy_author_cutoff)
                if best:
                    hits = self._hits("family", best[0])
            shown = token + (" " + " ".join(sorted(years)) if years else "")
            for ref, weight in hits:
                score = WEIGHTS.author * weight + (WEIGHTS.author_year if years and self._year(ref) in years else 0.0)
                add(ref, score, Evidence("author", shown))

    def _journal(self, text: str, years: set[str], add: Add) -> None:
        key = _journal_key(text)
        if not key or not years:
            return
        for ref, _ in self._hits("journal", key):
            if self._year(ref) in years:
                add(ref, WEIGHTS.journal, Evidence("journal", f"{text} {' '.join(sorted(years))}"))

    def _words(self, text: str, add: Add) -> None:
        words = title_words(text)
        if words:
            for kind, weight, why in (("word", WEIGHTS.title, "title"), ("claimword", WEIGHTS.claim_words, "claims")):
                counts: dict[int, float] = {}
                for w in words:
                    if self._count(kind, w) > WEIGHTS.common_word:
                        continue  # a word in thousands of titles identifies nothing
                    for ref, term_weight in self._hits(kind, w):
                        counts[ref] = counts.get(ref, 0) + term_weight
                for ref, n in counts.items():
                    share = min(1.0, n / len(words))
                    if share >= WEIGHTS.word_share:
                        add(ref, weight * share, Evidence(why))
        bigrams = cjk_bigrams(text)
        if bigrams:
            hits: dict[int, int] = {}
            for b in bigrams:
                if self._count("cjk", b) > WEIGHTS.common_word:
                    continue
                for ref, _ in self._hits("cjk", b):
                    hits[ref] = hits.get(ref, 0) + 1
            for ref, n in hits.items():
                share = n / len(bigrams)
                if share >= WEIGHTS.bigram_share:
                    add(ref, WEIGHTS.title * share, Evidence("title"))

    def _match(self, ref: int, score: float, why: Evidence) -> Match:
        data = json.loads(self.conn.execute("SELECT data FROM refs WHERE id = ?", (ref,)).fetchone()[0])
        authors = tuple(data["authors"][:3]) + (("et al.",) if data["et_al"] or len(data["authors"]) > 3 else ())
        return Match(data["key"], min(score, 1.0), why, data["title"], data["year"], authors,
                     data["container"], data["number"], data["source"], tuple(data["claims"]))

    def closest(self, query: str, limit: int = 3) -> list[Match]:
        """The nearest trial names and authors, for a "nothing found" answer."""
        from rapidfuzz import fuzz, process

        out: list[Match] = []
        seen = set()
        for kind in ("acronym", "family"):
            key = acronym_key(query) if kind == "acronym" else ascii_fold(query)
            if not key:
                continue
            for term, similarity, _ in process.extract(key, self.vocab(kind), scorer=fuzz.ratio,
                                                      score_cutoff=WEIGHTS.closest_cutoff, limit=limit):
                for ref, _ in self._hits(kind, term)[:1]:
                    if ref not in seen:
                        seen.add(ref)
                        out.append(self._match(ref, similarity / 100, Evidence(kind, term, approximate=True)))
        return sorted(out, key=lambda m: -m.score)[:limit]


_SEARCHERS: dict[Path, tuple[str, Searcher]] = {}  # folder -> (signature, searcher), per process


def searcher(library: LibraryArg = None) -> Searcher:
    """A searcher over a library; its index is (re)built when the library changed."""
    lib = open_library(library)
    sig = lib.signature()
    folder = lib.path.resolve()
    cached = _SEARCHERS.get(folder)
    if cached and cached[0] == sig:
        return cached[1]
    drugs = lib.drugs()

    def build(conn: sqlite3.Connection) -> None:
        build_index(conn, lib.references(), load_claims(lib.path), drugs)

    found = Searcher(open_index(lib.path, build), drugs)
    _SEARCHERS[folder] = (sig, found)
    return found


def lookup(query: str, library: LibraryArg = None, limit: int = 10) -> list[Match]:
    """The references that best match ``query`` (trial name, author and year, drug in English
    or Chinese, DOI, registry id, title words, journal and year, key), best first.

    >>> import tempfile, refman
    >>> lib = refman.Library(tempfile.mkdtemp())
    >>> _ = lib.write("review", refman.parse(
    ...     "[1] CAPLIN M E, PAVEL M. Lanreotide in metastatic enteropancreatic neuroendocrine tumors[J]. "
    ...     "N Engl J Med, 2014, 371(3): 224-233.\\n[2] CAPLIN M E, PAVEL M, PHAN A T. Lanreotide autogel/depot "
    ...     "in advanced enteropancreatic neuroendocrine tumours: final results of the CLARINET open-label "
    ...     "extension study[J]. Endocrine, 2021, 71(2): 502-513.", source="review.txt").references)
    >>> [(m.key, m.via) for m in lookup("CLARINET", lib)]
    [('caplin2021lanreotide', 'acronym:CLARINET')]
    >>> [m.key for m in lookup("Caplin 2014", lib)]
    ['caplin2014lanreotide', 'caplin2021lanreotide']
    """
    from ..errors import InputError

    if not query.strip():
        raise InputError("the query is empty; give a trial name, author, drug, DOI or registry id")
    return _with_searcher(library, lambda s: s.search(query, limit))


def closest(query: str, library: LibraryArg = None, limit: int = 3) -> list[Match]:
    """Near misses for a query that matched nothing: ``CLARNET`` -> CLARINET."""
    return _with_searcher(library, lambda s: s.closest(query, limit))


def _with_searcher(library: LibraryArg, ask: Callable[[Searcher], list[Match]]) -> list[Match]:
    """Ask the library's searcher; an index damaged under it (the cache is only a cache) is
    rebuilt once and asked again."""
    lib = open_library(library)
    try:
        return ask(searcher(lib))
    except sqlite3.DatabaseError:
        _SEARCHERS.pop(lib.path.resolve(), None)
        (lib.path / INDEX_DIR / INDEX_FILE).unlink(missing_ok=True)
        return ask(searcher(lib))
