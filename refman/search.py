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
from dataclasses import dataclass, field
from pathlib import Path

from . import lexicon
from .evidence import acronym_key, profile, title_words
from .index import cjk_bigrams, load_claims, open_index
from .keys import ascii_word
from .normalize import has_cjk
from .model import Reference
from .styles.common import REGISTRY

_DOI = re.compile(r"(10\.\d{4,9}/\S+)")
_COMMON_WORD = 3000
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


@dataclass(frozen=True)
class Match:
    """One reference found by a query: why it matched, what it is, what claims say about it."""

    key: str
    score: float
    via: str
    title: str = ""
    year: str = ""
    authors: tuple[str, ...] = ()
    container: str = ""
    number: int | None = None
    source: str = ""
    claims: tuple[dict, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        return {"key": self.key, "score": round(self.score, 3), "via": self.via, "title": self.title,
                "year": self.year, "authors": list(self.authors), "container": self.container,
                "source": self.source, "number": self.number, "claims": list(self.claims)}


# --- building the index ----------------------------------------------------------------------

def build_index(conn: sqlite3.Connection, refs: list[Reference], claims_by_key: dict[str, list[dict]],
                drugs: lexicon.DrugLexicon) -> None:
    """Fill an empty index with the references' display data and terms."""
    rows, terms = [], []
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
                yield "acronym", acronym_key(part), 0.9
    for a in p.units - p.alias_keys:
        yield "acronym", a, 0.95
    for a in p.acronyms - p.units:
        yield "acronym", a, 0.8  # part of a longer name: CLARINET in CLARINET FORTE
    authors = ref.authors or ref.editors
    for pos, name in enumerate(authors):
        weight = 1.0 if pos == 0 else 0.75
        if name.corporate:  # "Cancer Genome Atlas Research Network" is found by its words
            continue
        family = ascii_word(name.family)
        if family:
            yield "family", family, weight
        if has_cjk(name.family) and len(name.family) >= 2:
            # 郑荣寿 is also "Zheng" and "zheng rongshou" to someone typing pinyin
            yield "family", ascii_word(name.family[0]), 0.8 * weight
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
    from .sentences import chinese_persons, find_entities, trial_shaped

    seen: dict[tuple[str, str], float] = {}
    for claim in claims:
        weight = 0.9 if claim.get("single") else 0.7
        entities = find_entities(claim["text"], drugs)
        found = [("acronym", acronym_key(a)) for a in entities.acronyms if trial_shaped(a)]
        found += [("registry", r.upper()) for r in entities.registry]
        found += [("person", name) for name in chinese_persons(claim["text"])]
        found += [("drug", d) for d in entities.drugs]
        found += [("claimword", w) for w in title_words(claim["text"])]
        for kind, term in found:
            w = weight * (0.7 if kind in ("drug", "claimword") else 1.0)
            if w > seen.get((kind, term), 0.0):
                seen[(kind, term)] = w
    for (kind, term), w in seen.items():
        yield kind, term, w


def _number_key(number: str) -> str:
    """``GB/T 7714—2015`` -> ``GB/T7714-2015``: standard numbers however they are spaced."""
    return re.sub(r"\s+", "", re.sub(r"[—–]", "-", number)).upper()


def _journal_key(name: str) -> str:
    return re.sub(r"[^a-z0-9\u3400-\u9fff]+", " ", name.lower()).strip()


# --- answering a query -----------------------------------------------------------------------

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
        scores: dict[int, tuple[float, str]] = {}

        def add(ref: int, score: float, via: str) -> None:
            if score > scores.get(ref, (0.0, ""))[0]:
                scores[ref] = (score, via)

        q = query.strip()
        years = set(_YEAR.findall(q))
        bare = _YEAR.sub(" ", q).strip(" ,;")
        for m in _DOI.finditer(q):
            for ref, _ in self._hits("doi", m[1].rstrip(".,;").lower()):
                add(ref, 1.0, f"doi:{m[1]}")
        for m in REGISTRY.finditer(q.upper()):
            for ref, _ in self._hits("registry", m[1]):
                add(ref, 1.0, f"registry:{m[1]}")
        for ref, _ in self._hits("key", q.lower()):
            add(ref, 1.0, "key")
        pm = re.fullmatch(r"(?:PMID\s*:?\s*)?(\d{5,9})", q, re.I)
        if pm:
            for ref, _ in self._hits("pmid", pm[1]):
                add(ref, 1.0, f"pmid:{pm[1]}")
        number = _number_key(q)
        if re.search(r"\d", number) and len(number) >= 4:
            for ref, _ in self.conn.execute(
                    "SELECT ref, weight FROM terms WHERE kind = 'number' AND (term = ? OR term LIKE ?)",
                    (number, number + "-%")).fetchall():
                add(ref, 1.0, f"number:{q}")
        self._acronyms(bare, add)
        self._authors(bare, years, add)
        for inn in sorted(self.drugs.inns(q)):
            for ref, weight in self._hits("drug", inn):
                add(ref, 0.8 * weight, f"drug:{inn}")
        for ref, weight in self._hits("person", q):
            add(ref, 0.85 * weight, f"named:{q}")
        self._journal(bare, years, add)
        self._words(q, add)
        if years:
            scores = {r: (s + (0.05 if self._year(r) in years else -0.2), v) for r, (s, v) in scores.items()}
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1][0], kv[0]))
        out, seen = [], set()
        for ref, (score, via) in ranked:
            if score <= 0.3 or len(out) >= limit:
                break
            match = self._match(ref, score, via)
            identity = (re.sub(r"\W+", "", match.title.lower()), match.year)
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

    def _acronyms(self, text: str, add) -> None:
        from rapidfuzz import fuzz, process

        candidates = {text} | set(re.split(r"[,;，；]\s*", text))
        words = text.split()
        for n in range(1, min(3, len(words)) + 1):  # "CLARINET lanreotide": each run of words
            candidates.update(" ".join(words[i:i + n]) for i in range(len(words) - n + 1))
        for cand in candidates:
            key = acronym_key(cand)
            if len(key) < 3 or key.isdigit():
                continue
            exact = self._hits("acronym", key)
            for ref, weight in exact:
                add(ref, weight * (1.0 if cand == text else 0.85), f"acronym:{cand}")
            if exact or len(key) < 5 or not re.search(r"[A-Za-z]", key):
                continue
            for term, similarity, _ in process.extract(key, self._near("acronym", key), scorer=fuzz.ratio,
                                                      score_cutoff=84, limit=3):
                for ref, weight in self._hits("acronym", term):
                    add(ref, weight * 0.9 * similarity / 100 * (1.0 if cand == text else 0.85),
                        f"acronym~{term}")

    def _authors(self, text: str, years: set[str], add) -> None:
        from rapidfuzz import fuzz, process

        tokens = [t for t in re.split(r"[\s,;，；]+", text) if t]
        if 2 <= len(tokens) <= 3 and all(t.isalpha() and t.isascii() for t in tokens):
            tokens.append("".join(tokens))  # "zheng rongshou" -> zhengrongshou, as 郑荣寿 is indexed
        for token in tokens[:5]:
            family = ascii_word(token.replace("等", ""))
            if len(family) < 2:
                continue
            hits = self._hits("family", family)
            if not hits and len(family) >= 5:  # "Strossberg" for Strosberg
                best = process.extractOne(family, self._near("family", family), scorer=fuzz.ratio,
                                          score_cutoff=88)
                if best:
                    hits = self._hits("family", best[0])
            for ref, weight in hits:
                score = 0.7 * weight + (0.2 if years and self._year(ref) in years else 0.0)
                add(ref, score, f"author:{token}{' ' + ' '.join(sorted(years)) if years else ''}")

    def _journal(self, text: str, years: set[str], add) -> None:
        key = _journal_key(text)
        if not key or not years:
            return
        for ref, _ in self._hits("journal", key):
            if self._year(ref) in years:
                add(ref, 0.85, f"journal:{text} {' '.join(sorted(years))}")

    def _words(self, text: str, add) -> None:
        words = title_words(text)
        if words:
            for kind, weight, via in (("word", 0.75, "title"), ("claimword", 0.6, "claims")):
                counts: dict[int, float] = {}
                for w in words:
                    if self._count(kind, w) > _COMMON_WORD:
                        continue  # a word in thousands of titles identifies nothing
                    for ref, term_weight in self._hits(kind, w):
                        counts[ref] = counts.get(ref, 0) + term_weight
                for ref, n in counts.items():
                    share = min(1.0, n / len(words))
                    if share >= 0.5:
                        add(ref, weight * share, via)
        bigrams = cjk_bigrams(text)
        if len(bigrams) >= 1:
            counts = {}
            for b in bigrams:
                if self._count("cjk", b) > _COMMON_WORD:
                    continue
                for ref, _ in self._hits("cjk", b):
                    counts[ref] = counts.get(ref, 0) + 1
            for ref, n in counts.items():
                share = n / len(bigrams)
                if share >= 0.6:
                    add(ref, 0.75 * share, "title")

    def _match(self, ref: int, score: float, via: str) -> Match:
        data = json.loads(self.conn.execute("SELECT data FROM refs WHERE id = ?", (ref,)).fetchone()[0])
        authors = tuple(data["authors"][:3]) + (("et al.",) if data["et_al"] or len(data["authors"]) > 3 else ())
        return Match(data["key"], min(score, 1.0), via, data["title"], data["year"], authors,
                     data["container"], data["number"], data["source"], tuple(data["claims"]))

    def closest(self, query: str, limit: int = 3) -> list[Match]:
        """The nearest trial names and authors, for a "nothing found" answer."""
        from rapidfuzz import fuzz, process

        out: list[Match] = []
        seen = set()
        for kind in ("acronym", "family"):
            key = acronym_key(query) if kind == "acronym" else ascii_word(query)
            if not key:
                continue
            for term, similarity, _ in process.extract(key, self.vocab(kind), scorer=fuzz.ratio,
                                                      score_cutoff=55, limit=limit):
                for ref, _ in self._hits(kind, term)[:1]:
                    if ref not in seen:
                        seen.add(ref)
                        out.append(self._match(ref, similarity / 100, f"{kind}~{term}"))
        return sorted(out, key=lambda m: -m.score)[:limit]


def searcher(folder: Path, refs_loader) -> Searcher:
    """A searcher over the library in ``folder``; the index is (re)built when the library changed."""
    drugs = lexicon.drugs(str(folder))

    def build(conn: sqlite3.Connection) -> None:
        build_index(conn, refs_loader(), load_claims(folder), drugs)

    return Searcher(open_index(folder, build), drugs)
