"""Evidence between a claim and the references it may cite: the rules, and the one table of weights.

A claim without a marker is linked by what it names. Each rule below is a small function over
(claim, index) that returns typed ``Evidence`` (kind, value, weight) per candidate reference;
the linker adds them up. Every number the rules and the linker use is in ``WEIGHTS``:

==========================  =====  =============================================================
weight                      value  meaning
==========================  =====  =============================================================
``registry``                1.0    the claim names a registry id the reference carries
``acronym``                 0.9    a trial name in the claim is the reference's whole name
``acronym_part``            0.5    ... or only part of it (CLARINET vs CLARINET FORTE)
``acronym_spread``          0.3    shared by n references, each gets weight / n ** spread
``author``                  0.7    "Liu等", "Halperin et al." is the first author
``author_year``             0.85   ... and the sentence names the reference's year
``author_spread``           0.5    shared by n references, each gets weight / n ** spread
``drug``                    0.6    a drug named in both, in either language (study sentences)
``backbone_drug``           0.15   ... a chemotherapy backbone (cisplatin names no trial)
``journal``                 0.3    the claim names the journal of a reference already in view
``title_most``              0.45   at least ``title_most_words`` and ``title_most_share`` of
                                   the title's words are in the claim
``title_some``              0.3    at least ``title_share`` of them: support, never enough alone
``title_share``             0.6
``title_most_share``        0.8
``title_most_words``        5
``title_min_words``         4      fewer content words than this: no title evidence
``rare_word``               50     a title word shared by more references is no evidence
``year``                    0.3    of several candidates, the one of the year the claim names
``threshold``               0.5    a claim is linked only at this score or above
``tie``                     0.85   links within this share of the best score are kept too
``named``                   0.7    a trial the document pairs with a source, named again
``strong``                  0.65   a link this strong (author, registry) names an unknown trial
``context``                 0.6    no evidence of its own, but it reports results or says "this
                                   study" right after a linked sentence of its paragraph
``dominant``                0.55   ... or in an article about one source
``dominant_share``          0.6    a source is dominant with this share of the direct links
``dominant_links``          3      ... out of at least this many
``drugs_alone_below``       0.2    a drug alone links only where fewer claims than this carry
                                   markers (news); with markers, a drug is the writer's own words
==========================  =====  =============================================================

Weights combine as independent evidence, 1 - Π(1 - w).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import ClassVar

from ..model import Claim, Evidence, Reference
from ..vocab import lexicon
from ..vocab.features import Profile, profile
from ..vocab.mentions import author_mentions
from ..vocab.trials import acronym_key, trial_shaped
from ..vocab.words import title_words


@dataclass(frozen=True)
class Weights:
    """The linker's weights and cut-offs (see the module's table)."""

    registry: float = 1.0
    acronym: float = 0.9
    acronym_part: float = 0.5
    acronym_spread: float = 0.3
    author: float = 0.7
    author_year: float = 0.85
    author_spread: float = 0.5
    drug: float = 0.6
    backbone_drug: float = 0.15
    journal: float = 0.3
    title_most: float = 0.45
    title_some: float = 0.3
    title_share: float = 0.6
    title_most_share: float = 0.8
    title_most_words: int = 5
    title_min_words: int = 4
    rare_word: int = 50
    year: float = 0.3
    threshold: float = 0.5
    tie: float = 0.85
    named: float = 0.7
    strong: float = 0.65
    context: float = 0.6
    dominant: float = 0.55
    dominant_share: float = 0.6
    dominant_links: int = 3
    drugs_alone_below: float = 0.2


WEIGHTS = Weights()
WEIGHT_NAMES = tuple(f.name for f in fields(Weights))

# A sentence about a study or its arms: where a drug supports a link. "X is a PD-1 inhibitor
# developed in China" cites nothing.
_STUDY_CONTEXT = re.compile(r"研究|试验|组|trial|study|studies|\barms?\b|\bgroups?\b|patients|患者|"
                            r"\bversus\b|\bvs\.?|对比|相比", re.I | re.ASCII)
_TRIAL_RESULT = re.compile(
    r"\bHR\b|风险比|危险比|P\s*[<=≤]\s*\.?\d|95%\s*CI|置信区间|中位|median|\bORR\b|\bPFS\b|\bOS\b|\bDCR\b|"
    r"\bDoR\b|缓解率|控制率|生存期|随访|对照组|安慰剂组|试验组|联合组|单药组|治疗组|\barms?\b|placebo|"
    r"不良事件|\bTRAEs?\b|\bAEs?\b|adverse events|hazard ratio|response rate|survival",
    re.I | re.ASCII,
)
_NUMBER_RESULT = re.compile(r"\d+(?:\.\d+)?\s*(?:%|个月|月|周|年|months?|weeks?|years?|例|patients)|"
                            r"(?:HR|OR|RR|风险比|危险比)\s*[=:：为]?\s*0?\.\d|P\s*[<=≤>]\s*0?\.\d", re.I)


def reports_trial_result(text: str) -> bool:
    """Numbers of a trial: HR, P values, medians, arms, ORR/PFS/OS, with the figures.

    >>> reports_trial_result("中位OS为19.6个月 (HR 0.25; 95% CI 0.17~0.39)"), reports_trial_result("SSA是一线治疗。")
    (True, False)
    """
    return bool(_TRIAL_RESULT.search(text)) and bool(_NUMBER_RESULT.search(text))


def trial_like(name: str, claim: Claim) -> bool:
    """A name the claim calls a trial or study, or shaped like one (KEYNOTE-811, IMpower133)."""
    return name in claim.entities.trials or trial_shaped(name)


class EvidenceIndex:
    """Feature -> references, over the candidates of one document (its list plus the library).

    Profiles are computed once per reference and process, so a library is profiled once however
    many documents are linked against it.
    """

    # id(drug lexicon) -> reference -> profile, shared by every index of the process on purpose
    _profiles: ClassVar[dict[int, dict[Reference, Profile]]] = {}

    def __init__(self, refs: list[Reference], drugs: lexicon.DrugLexicon | None = None):
        drugs = drugs or lexicon.drugs()
        self.refs = refs
        cache = self._profiles.setdefault(id(drugs), {})
        self.profiles = []
        for r in refs:
            p = cache.get(r)
            if p is None:
                p = cache[r] = profile(r, drugs)
            self.profiles.append(p)
        self.position = {r.key: i for i, r in reversed(list(enumerate(refs)))}
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
            for reg in p.registry:
                self.by_registry[reg].add(i)
            if p.family:
                self.by_family[p.family].add(i)

    def known_trial(self, name: str) -> bool:
        """Whether any candidate is known by this trial name (or it is a journal's name)."""
        return bool(self.by_acronym.get(acronym_key(name))) or name in self.journals

    def sharing_words(self, words: set[str], rare: int) -> set[int]:
        """References sharing at least one uncommon title word with ``words``."""
        out: set[int] = set()
        for w in words:
            hits = self.by_word.get(w, ())
            if 0 < len(hits) <= rare:
                out.update(hits)
        return out

    def journal_mentions(self, text: str) -> list[tuple[int, str]]:
        """References whose journal the text names ("发表于JAMA", "《新英格兰医学杂志》")."""
        out: list[tuple[int, str]] = []
        for name, refs in self.journals.items():
            if name in text:
                out.extend((i, name) for i in refs)
        return out


@dataclass(frozen=True)
class Situation:
    """What the rules know about the claim beyond the index: the document's own references
    (by position), whether the claim names a trial no candidate is known by, and whether it
    is about a study at all."""

    own: frozenset[int]
    unknown_trial: bool
    about_study: bool


Found = list[tuple[int, Evidence]]
Rule = Callable[[Claim, EvidenceIndex, Situation], Found]


def unknown_trials(claim: Claim, index: EvidenceIndex) -> list[str]:
    """The trials a claim names that no candidate is known by (drug codes excluded)."""
    drug_names = {acronym_key(d) for d in claim.entities.drugs}
    return [n for n in claim.entities.acronyms
            if trial_like(n, claim) and acronym_key(n) not in drug_names and not index.known_trial(n)]


def situation(claim: Claim, index: EvidenceIndex, own: frozenset[int]) -> Situation:
    unknown = False
    for name in claim.entities.acronyms:
        if name in index.journals or index.by_acronym.get(acronym_key(name)):
            continue
        # "CLARINET FORTE" when only CLARINET is known: not an unknown trial
        if trial_like(name, claim) and not (" " in name and index.by_acronym.get(acronym_key(name.split()[0]))):
            unknown = True
    text = claim.text
    return Situation(own, unknown, bool(_STUDY_CONTEXT.search(text)) or reports_trial_result(text))


def registry_rule(claim: Claim, index: EvidenceIndex, s: Situation) -> Found:
    """The claim names a registry id the reference carries."""
    return [(i, Evidence("registry", reg, WEIGHTS.registry))
            for reg in claim.entities.registry for i in index.by_registry.get(reg, ())]


def acronym_rule(claim: Claim, index: EvidenceIndex, s: Situation) -> Found:
    """A trial name of the claim is the reference's name (or part of it)."""
    out: Found = []
    for name in claim.entities.acronyms:
        if name in index.journals:  # "发表于JAMA": a journal, not a trial
            continue
        key = acronym_key(name)
        hits = index.by_acronym.get(key, set())
        whole = {i for i in hits if key in index.profiles[i].units}
        for i in hits:
            weight, sharing = (WEIGHTS.acronym, whole) if i in whole else (WEIGHTS.acronym_part, hits)
            out.append((i, Evidence("acronym", name, weight / max(1, len(sharing)) ** WEIGHTS.acronym_spread)))
    return out


def author_rule(claim: Claim, index: EvidenceIndex, s: Situation) -> Found:
    """"Liu等", "Halperin et al.", "罗慧叶教授": the first author, with the year if named."""
    out: Found = []
    years = set(claim.entities.years)
    claimed = {acronym_key(a) for a in claim.entities.acronyms}
    for family, shown in author_mentions(claim.text, claim.entities):
        hits = index.by_family.get(family, set())
        if s.unknown_trial:  # "秦叔逵教授团队牵头的RATIONALE-301研究": not his paper on another trial
            hits = {i for i in hits if not (index.profiles[i].units - claimed)}
        dated = {i for i in hits if index.profiles[i].year in years}
        chosen = dated or hits
        for i in chosen:
            weight = WEIGHTS.author_year if i in dated else WEIGHTS.author
            shown_with_year = f"{shown} {index.profiles[i].year}" if i in dated else shown
            out.append((i, Evidence("author", shown_with_year, weight / max(1, len(chosen)) ** WEIGHTS.author_spread)))
    return out


def drug_rule(claim: Claim, index: EvidenceIndex, s: Situation) -> Found:
    """A drug named in both, in a sentence about a study; a claim naming a trial no candidate
    knows keeps only the one own reference with the drug (the drug is that other trial's)."""
    if not s.about_study:
        return []
    out: Found = []
    for drug in claim.entities.drugs:
        hits = index.by_drug.get(drug, set())
        if s.unknown_trial:
            hits = hits & s.own
            if len(hits) != 1:
                continue
        weight = WEIGHTS.backbone_drug if drug in lexicon.backbone_drugs() else WEIGHTS.drug
        out.extend((i, Evidence("drug", drug, weight / len(hits))) for i in hits)
    return out


def title_rule(claim: Claim, index: EvidenceIndex, s: Situation) -> Found:
    """Most of the reference's title words are in the claim: support, never enough alone."""
    words = title_words(claim.text)
    if len(words) < WEIGHTS.title_min_words:
        return []
    out: Found = []
    for i in index.sharing_words(words, WEIGHTS.rare_word):
        p = index.profiles[i]
        shared = len(p.words & words)
        if len(p.words) >= WEIGHTS.title_min_words and shared / len(p.words) >= WEIGHTS.title_share:
            most = shared >= WEIGHTS.title_most_words and shared / len(p.words) >= WEIGHTS.title_most_share
            out.append((i, Evidence("title", "", WEIGHTS.title_most if most else WEIGHTS.title_some)))
    return out


# The rules that name candidates by what identifies them, in order.
RULES: tuple[Rule, ...] = (registry_rule, acronym_rule, author_rule, drug_rule)


def journal_support(claim: Claim, index: EvidenceIndex, candidates: set[int]) -> Found:
    """"发表于Annals of Oncology": the journal of a candidate already found."""
    return [(i, Evidence("journal", journal, WEIGHTS.journal))
            for i, journal in index.journal_mentions(claim.text) if i in candidates]


def year_support(claim: Claim, index: EvidenceIndex, candidates: set[int]) -> Found:
    """"2020年公布的OS终期分析": of several candidates, the year picks one paper of a trial."""
    years = set(claim.entities.years)
    if not years or len(candidates) < 2:
        return []
    return [(i, Evidence("year", index.profiles[i].year, WEIGHTS.year))
            for i in sorted(candidates) if index.profiles[i].year in years]


def combined(weights: list[float]) -> float:
    """Independent evidence: 1 - Π(1 - w).

    >>> round(combined([0.9, 0.6]), 3)
    0.96
    """
    remaining = 1.0
    for w in weights:
        remaining *= 1 - min(w, 1.0)
    return 1 - remaining


def evidence_for(claim: Claim, index: EvidenceIndex, own: frozenset[int] = frozenset()) -> dict[int, list[Evidence]]:
    """Evidence between one claim and the candidate references, by reference position; each
    reason counted once per reference."""
    s = situation(claim, index, own)
    found: dict[int, list[Evidence]] = {}

    def add(pairs: Found) -> None:
        for i, ev in pairs:
            reasons = found.setdefault(i, [])
            if all(str(r) != str(ev) for r in reasons):
                reasons.append(ev)

    for rule in RULES:
        add(rule(claim, index, s))
    add(journal_support(claim, index, set(found)))  # only for what identifying evidence found
    add(title_rule(claim, index, s))
    add(year_support(claim, index, set(found)))
    return found
