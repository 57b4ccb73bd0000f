"""Claims -> sources, each link with a score and the reason it was made.

A marker links exactly (``marker``, score 1.0). A claim without a marker is linked by evidence
between what it names and what each candidate reference is recognised by:

=================  ======  ====================================================================
reason             weight  when
=================  ======  ====================================================================
``registry:ID``    1.0     the claim names a registry id the reference carries
``acronym:NAME``   0.9     a trial name in the claim is the reference's (title or alias) name;
                           0.5 when it is only part of it (CLARINET vs CLARINET FORTE)
``author:NAME Y``  0.7     "Liu等", "Halperin et al." and the first author (0.85 with the year)
``drug:INN``       0.6     a drug named in both, in either language
``title``          0.45    most of the reference's title words are in the (English) claim
                           (0.3 when fewer): support, never enough alone
``context:...``    0.6     no evidence of its own, but it reports results or says "this study"
                           right after a linked sentence, or in an article about one source
=================  ======  ====================================================================

Shared evidence is divided among the references that share it, weights combine as independent
evidence (1 - Π(1 - w)), and a claim is linked only above ``THRESHOLD``: otherwise it is
reported unsourced, never forced onto a wrong source. A claim that names a trial the library
does not know is not linked through a drug alone: the drug is evidently that other trial's.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .lexicon import backbone_drugs, chinese_surnames
from .normalize import has_cjk
from .sentences import Claim, chinese_persons, trial_shaped
from .evidence import EvidenceIndex, acronym_key, title_words
from .keys import ascii_word
from .model import Reference

THRESHOLD = 0.5
_TIE = 0.85  # links within this share of the best score are kept too (two papers of one trial)

_ANAPHORA = re.compile(r"本研究|该研究|此研究|这项研究|此项研究|该试验|本试验|这项试验|该项研究|"
                       r"研究者|本次|\bthis (?:study|trial|analysis)\b|\bthe (?:study|trial)\b|\bin this\b",
                       re.I | re.ASCII)  # ASCII: "DCR也" has a word boundary before 也
# A sentence about a trial's arms is about that trial even without figures.
_ARMS = re.compile(r"联合组|对照组|试验组|治疗组|单药组|安慰剂组|亚组|联合治疗组|"
                   r"\b(?:the )?(?:combination|control|placebo|experimental|treatment) (?:arm|group)s?\b|\bsubgroups?\b",
                   re.I | re.ASCII)
# "These studies", "以上研究": a summary of several sources, not the one before it.
_PLURAL = re.compile(r"(?:这些|上述|以上|诸多|多项|两项|几项)(?:临床)?(?:研究|试验)|另一项|另一个|另外一项|其他研究|"
                     r"\b(?:these|those|both|several|other) (?:studies|trials|analyses)\b|\banother\b",
                     re.I | re.ASCII)
_TRIAL_RESULT = re.compile(
    r"\bHR\b|风险比|危险比|P\s*[<=≤]\s*\.?\d|95%\s*CI|置信区间|中位|median|\bORR\b|\bPFS\b|\bOS\b|\bDCR\b|"
    r"\bDoR\b|缓解率|控制率|生存期|随访|对照组|安慰剂组|试验组|联合组|单药组|治疗组|\barms?\b|placebo|"
    r"不良事件|\bTRAEs?\b|\bAEs?\b|adverse events|hazard ratio|response rate|survival",
    re.I | re.ASCII,
)


@dataclass(frozen=True)
class Link:
    """One source of a claim: the reference's key and list number, the score, the reason."""

    key: str
    number: int | None
    score: float
    via: str
    source: str = ""  # the document whose list holds the reference


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


@dataclass
class _Evidence:
    weights: list[float] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    def add(self, weight: float, reason: str) -> None:
        if reason not in self.reasons:
            self.weights.append(weight)
            self.reasons.append(reason)

    @property
    def score(self) -> float:
        remaining = 1.0
        for w in self.weights:
            remaining *= 1 - min(w, 1.0)
        return 1 - remaining


def trial_like(name: str, claim: Claim) -> bool:
    """A name the claim calls a trial or study, or shaped like one (KEYNOTE-811, IMpower133)."""
    return name in claim.entities.trials or trial_shaped(name)


_NUMBER_RESULT = re.compile(r"\d+(?:\.\d+)?\s*(?:%|个月|月|周|年|months?|weeks?|years?|例|patients)|"
                            r"(?:HR|OR|RR|风险比|危险比)\s*[=:：为]?\s*0?\.\d|P\s*[<=≤>]\s*0?\.\d", re.I)


def reports_trial_result(text: str) -> bool:
    """Numbers of a trial: HR, P values, medians, arms, ORR/PFS/OS, with the figures."""
    return bool(_TRIAL_RESULT.search(text)) and bool(_NUMBER_RESULT.search(text))


_STUDY_CONTEXT = re.compile(r"研究|试验|组|trial|study|studies|\barms?\b|\bgroups?\b|patients|患者|"
                            r"\bversus\b|\bvs\.?|对比|相比", re.I | re.ASCII)


def evidence_for(claim: Claim, index: EvidenceIndex, own: set[int] = frozenset()) -> dict[int, _Evidence]:
    """Evidence between one claim and the candidate references, by reference position.

    ``own`` holds the positions of the document's own references: a drug named beside a trial
    the library does not know still points to the one own reference with that drug.
    """
    found: dict[int, _Evidence] = {}

    def add(i: int, weight: float, reason: str) -> None:
        found.setdefault(i, _Evidence()).add(weight, reason)

    e = claim.entities
    text = claim.text
    for reg in e.registry:
        for i in index.by_registry.get(reg, ()):
            add(i, 1.0, f"registry:{reg}")
    unknown_trial = False
    for name in e.acronyms:
        if name in index.journals:  # "发表于JAMA": a journal, not a trial
            continue
        key = acronym_key(name)
        hits = index.by_acronym.get(key, set())
        whole = {i for i in hits if key in index.profiles[i].units}
        if not hits:
            if trial_like(name, claim) and not (" " in name and index.by_acronym.get(acronym_key(name.split()[0]))):
                unknown_trial = True
            continue
        for i in hits:
            weight = 0.9 if i in whole else 0.5
            add(i, weight / max(1, len(whole if i in whole else hits)) ** 0.3, f"acronym:{name}")
    years = set(e.years)
    claimed = {acronym_key(a) for a in e.acronyms}
    for family, shown in _author_mentions(claim):
        hits = index.by_family.get(family, set())
        if unknown_trial:  # "秦叔逵教授团队牵头的RATIONALE-301研究": not his paper on another trial
            hits = {i for i in hits if not (index.profiles[i].units - claimed)}
        dated = {i for i in hits if index.profiles[i].year in years}
        chosen = dated or hits
        for i in chosen:
            weight = (0.85 if i in dated else 0.7) / max(1, len(chosen)) ** 0.5
            add(i, weight, f"author:{shown}{' ' + index.profiles[i].year if i in dated else ''}")
    # A drug supports a link only in a sentence about a study or its results: "X is a PD-1
    # inhibitor developed in China" cites nothing.
    about_study = bool(_STUDY_CONTEXT.search(text)) or reports_trial_result(text)
    if about_study:
        for drug in e.drugs:
            hits = index.by_drug.get(drug, set())
            if unknown_trial:
                hits = hits & own  # the other trial's drug may still be the document's own paper
                if len(hits) != 1:
                    continue
            weight = 0.15 if drug in backbone_drugs() else 0.6  # cisplatin names no trial
            for i in hits:
                add(i, weight / len(hits), f"drug:{drug}")
    for i, journal in index.journal_mentions(text):
        if i in found:
            add(i, 0.3, f"journal:{journal}")
    words = title_words(text)
    if len(words) >= 4:
        for i in index.sharing_words(words):
            p = index.profiles[i]
            shared = len(p.words & words)
            if len(p.words) >= 4 and shared / len(p.words) >= 0.6:
                # Topic words alone are shared by background sentences: never enough alone.
                add(i, 0.45 if shared >= 5 and shared / len(p.words) >= 0.8 else 0.3, "title")
    if years and len(found) > 1:  # "2020年公布的OS终期分析": the year picks one paper of a trial
        for i, ev in found.items():
            if index.profiles[i].year in years:
                ev.add(0.3, f"year:{index.profiles[i].year}")
    return found


def _author_mentions(claim: Claim) -> list[tuple[str, str]]:
    """(family name in ASCII, as written) for "Liu等", "Halperin et al.", "罗慧叶教授"."""
    out = [(ascii_word(a), a) for a in claim.entities.authors if not has_cjk(a)]
    for name in chinese_persons(claim.text):
        surname = name[:2] if name[:2] in chinese_surnames() else name[0]
        out.append((ascii_word(surname), name))
    return [(f, s) for f, s in out if f]


def link_claims(claims: list[Claim], own: dict[int, Reference], index: EvidenceIndex,
                own_keys: set[str] | None = None) -> list[LinkedClaim]:
    """Link every claim of a document.

    ``own`` maps the document's list numbers to its references (markers resolve there);
    ``index`` covers every candidate reference (the document's own and the library's).
    """
    out: list[LinkedClaim] = []
    direct: list[tuple[Link, ...]] = []
    # Where the writer cites with markers, an unmarked sentence that only mentions a drug is
    # the writer's own statement, not a silent citation.
    marker_share = sum(1 for c in claims if c.markers) / max(1, len(claims))
    drugs_suffice = marker_share < 0.2
    own_keys = {r.key for r in own.values()}
    own_positions = {i for i, r in enumerate(index.refs) if r.key in own_keys}
    claims = [drop_year_markers(c, own) for c in claims]
    for claim in claims:
        if claim.markers:
            links, dangling = [], []
            for n in claim.markers:
                ref = own.get(n)
                if ref is None:
                    dangling.append(n)
                else:
                    links.append(Link(ref.key, n, 1.0, "marker", ref.source))
            out.append(LinkedClaim(claim, tuple(links), tuple(dangling)))
            direct.append(())
            continue
        evidence = evidence_for(claim, index, own_positions)
        if not drugs_suffice:
            evidence = {i: ev for i, ev in evidence.items()
                        if any(not r.startswith("drug:") for r in ev.reasons)}
        links = _choose(evidence, index)
        out.append(LinkedClaim(claim, links))
        direct.append(links)
    out, direct = _learn_trial_names(out, direct, index)
    return _add_context(out, direct, index)


# Evidence that identifies a paper without naming its trial: a trial named beside it is its name.
_STRONG = ("author:", "registry:")


def _learn_trial_names(linked: list[LinkedClaim], direct: list[tuple[Link, ...]],
                       index: EvidenceIndex) -> tuple[list[LinkedClaim], list[tuple[Link, ...]]]:
    """News reports name a trial the reference list does not ("FLAURA研究...") and then its
    paper by author ("Soria等2018年..."). Where a paragraph, or a section headed by the trial's
    name, names one unknown trial and links one source by strong evidence, the trial is that
    source; the paragraph's and section's other sentences about it follow."""
    by_key = {r.key: r for r in index.refs}
    learned: dict[str, str] = {}  # trial -> key
    for scope in ("paragraph", "section"):
        groups: dict[object, list[int]] = {}
        for pos, item in enumerate(linked):
            groups.setdefault(getattr(item.claim, scope), []).append(pos)
        for members in groups.values():
            names = {n for p in members for n in _unknown_trials(linked[p].claim, index)}
            if scope == "section":
                names |= set(_unknown_trials_in(linked[members[0]].claim.section, index))
            strong = {l.key for p in members for l in direct[p]
                      if any(l.via.startswith(s) for s in _STRONG) and l.score >= 0.65}
            if len(names) == 1 and len(strong) == 1:
                learned.setdefault(names.pop(), strong.pop())
    if not learned:
        return linked, direct
    out, new_direct = [], []
    for item, links in zip(linked, direct):
        claim = item.claim
        if not item.sources and not claim.markers:
            unknown = _unknown_trials(claim, index)
            named = [n for n in unknown if n in learned]
            if named and len(unknown) == 1:  # "Neotorch和RATIONALE-315研究": which one?
                ref = _year_shift(by_key[learned[named[0]]], claim, index)
                links = (Link(ref.key, ref.number, 0.7, f"named:{named[0]}", ref.source),)
                item = LinkedClaim(claim, links)
        out.append(item)
        new_direct.append(links)
    index.learned_trials = {name: by_key[key] for name, key in learned.items()}
    return out, new_direct


def _unknown_trials(claim: Claim, index: EvidenceIndex) -> list[str]:
    return [n for n in claim.entities.acronyms
            if trial_like(n, claim) and not index.by_acronym.get(acronym_key(n)) and n not in index.journals]


def _unknown_trials_in(heading: str, index: EvidenceIndex) -> list[str]:
    from .sentences import ACRONYM

    return [m[0] for m in ACRONYM.finditer(heading or "")
            if trial_shaped(m[0]) and not index.by_acronym.get(acronym_key(m[0]))]


def _year_shift(ref: Reference, claim: Claim, index: EvidenceIndex) -> Reference:
    """"2020年公布的OS终期分析" in the FLAURA section is the trial's later paper: the one of
    that year sharing the first paper's drug, when there is exactly one."""
    years = set(claim.entities.years)
    if not years or ref.year in years:
        return ref
    mine = next((p for r, p in zip(index.refs, index.profiles) if r.key == ref.key), None)
    if mine is None:
        return ref
    # A paper already known as another trial's is not this trial's later paper.
    taken = {r.key for r in index.learned_trials.values()} - {ref.key}
    # Closeness: the same first author (a trial's papers share it), then shared title words.
    later = [(3 * (p.family == mine.family) + len(p.words & mine.words), r)
             for r, p in zip(index.refs, index.profiles)
             if r.year in years and r.source == ref.source and mine.drugs & p.drugs and r.key not in taken]
    later.sort(key=lambda t: -t[0])
    if len(later) == 1 or len(later) > 1 and later[0][0] > later[1][0]:
        return later[0][1]  # the later paper closest in title to the first
    return ref


def drop_year_markers(claim: Claim, own: dict[int, Reference]) -> Claim:
    """"[2019]" is a year, not entry 2019, unless the list has an entry 2019."""
    from dataclasses import replace

    if not any(1900 <= n <= 2099 and n not in own for n in claim.markers):
        return claim
    kept = tuple(m for m in claim.marker_spans
                 if not any(1900 <= n <= 2099 and n not in own for n in m.numbers))
    return replace(claim, marker_spans=kept,
                   markers=tuple(dict.fromkeys(n for m in kept for n in m.numbers)))


def _choose(evidence: dict[int, _Evidence], index: EvidenceIndex) -> tuple[Link, ...]:
    scored = sorted(((ev.score, i, ev) for i, ev in evidence.items()), key=lambda t: (-t[0], t[1]))
    if not scored or scored[0][0] < THRESHOLD:
        return ()
    best = scored[0][0]
    links = []
    for score, i, ev in scored:
        if score < THRESHOLD or score < best * _TIE:
            break
        ref = index.refs[i]
        links.append(Link(ref.key, ref.number, round(score, 3), ",".join(ev.reasons), ref.source))
    return tuple(links)


def _add_context(linked: list[LinkedClaim], direct: list[tuple[Link, ...]],
                 index: EvidenceIndex) -> list[LinkedClaim]:
    """Sentences that report results or say "this study" without naming a source inherit the
    source of the sentence before them in the paragraph, or the article's dominant source."""
    counts = Counter(link.key for links in direct for link in links[:1])
    total = sum(counts.values())
    dominant = None
    if total >= 3:
        key, n = counts.most_common(1)[0]
        if n / total >= 0.6:
            dominant = next(link for links in direct for link in links if link.key == key)
    out = []
    previous: LinkedClaim | None = None
    for item in linked:
        claim = item.claim
        if item.sources or claim.markers or _names_unknown_trial(claim, index):
            out.append(item)
            previous = item
            continue
        inherits = (_ANAPHORA.search(claim.text) or reports_trial_result(claim.text)
                    or _ARMS.search(claim.text)) and not _PLURAL.search(claim.text)
        same_paragraph = previous is not None and previous.sources and _same_line(previous.claim, claim)
        learned = getattr(index, "learned_trials", {})
        heading = [n for n in _unknown_trials_in(claim.section, index) if n in learned]
        if inherits and same_paragraph:
            src = _by_year(previous.sources, claim, index)
            by_key = {r.key: r for r in index.refs}
            if len(src) == 1 and src[0].key in by_key:
                shifted = _year_shift(by_key[src[0].key], claim, index)
                if shifted.key != src[0].key:
                    src = (Link(shifted.key, shifted.number, 0.6, src[0].via, shifted.source),)
            item = LinkedClaim(claim, tuple(Link(s.key, s.number, 0.6, _context_via(s), s.source)
                                            for s in src[:3]))
        elif inherits and heading:
            ref = _year_shift(learned[heading[0]], claim, index)
            item = LinkedClaim(claim, (Link(ref.key, ref.number, 0.6, f"section:{heading[0]}", ref.source),))
        elif inherits and dominant is not None:
            item = LinkedClaim(claim, (Link(dominant.key, dominant.number, 0.55, _context_via(dominant),
                                            dominant.source),))
        out.append(item)
        previous = item
    return out


def _context_via(link: Link) -> str:
    reason = link.via.split(",")[0]
    return reason if reason.startswith("context:") else f"context:{reason}"


def _by_year(sources: tuple[Link, ...], claim: Claim, index: EvidenceIndex) -> tuple[Link, ...]:
    """Of a trial's several papers, the one of the year the sentence names, if exactly one."""
    years = set(claim.entities.years)
    if len(sources) < 2 or not years:
        return sources
    year_of = {r.key: r.year for r in index.refs}
    dated = tuple(s for s in sources if year_of.get(s.key) in years)
    return dated if len(dated) == 1 else sources


def _same_line(a: Claim, b: Claim) -> bool:
    return a.document == b.document and a.paragraph == b.paragraph


def _names_unknown_trial(claim: Claim, index: EvidenceIndex) -> bool:
    drug_names = {acronym_key(d) for d in claim.entities.drugs}
    for name in claim.entities.acronyms:
        key = acronym_key(name)
        if key not in drug_names and not index.by_acronym.get(key) and trial_like(name, claim) \
                and name not in index.journals:
            return True
    return False
