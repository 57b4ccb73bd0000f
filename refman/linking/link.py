"""Claims -> sources, each link with a score and the reasons it was made.

A marker links exactly (``marker``, score 1.0). A claim without a marker is linked by the
evidence rules of ``evidence.py`` (trial name, registry id, author and year, drug in either
language, journal, title words); a claim is linked only at ``WEIGHTS.threshold`` or above,
otherwise it is reported unsourced, never forced onto a wrong source. Two passes follow, each
returning what it learned: ``learn_trial_names`` (a trial a paragraph pairs with one paper is
that paper), then ``add_context`` (a sentence reporting results follows its paragraph's source).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..model import Claim, Evidence, Link, LinkedClaim, Reference
from ..vocab.trials import ACRONYM, acronym_key, trial_shaped
from .evidence import WEIGHTS, EvidenceIndex, combined, evidence_for, reports_trial_result, unknown_trials

_ANAPHORA = re.compile(r"本研究|该研究|此研究|这项研究|此项研究|该试验|本试验|这项试验|该项研究|"
                       r"研究者|本次|\bthis (?:study|trial|analysis)\b|\bthe (?:study|trial)\b|\bin this\b",
                       re.I | re.ASCII)  # ASCII: "DCR也" has a word boundary before 也
# A sentence about a trial's arms is about that trial even without figures.
_ARMS = re.compile(r"联合组|对照组|试验组|治疗组|单药组|安慰剂组|亚组|联合治疗组|"
                   r"\b(?:the )?(?:combination|control|placebo|experimental|treatment) (?:arm|group)s?\b|"
                   r"\bsubgroups?\b",
                   re.I | re.ASCII)
# "These studies", "以上研究": a summary of several sources, not the one before it.
_PLURAL = re.compile(r"(?:这些|上述|以上|诸多|多项|两项|几项)(?:临床)?(?:研究|试验)|另一项|另一个|另外一项|其他研究|"
                     r"\b(?:these|those|both|several|other) (?:studies|trials|analyses)\b|\banother\b",
                     re.I | re.ASCII)
def link_claims(claims: list[Claim], own: dict[int, Reference], index: EvidenceIndex) -> list[LinkedClaim]:
    """Link every claim of a document.

    ``own`` maps the document's list numbers to its references (markers resolve there);
    ``index`` covers every candidate reference (the document's own and the library's).
    """
    out: list[LinkedClaim] = []
    direct: list[tuple[Link, ...]] = []
    # Where the writer cites with markers, an unmarked sentence that only mentions a drug is
    # the writer's own statement, not a silent citation.
    marker_share = sum(1 for c in claims if c.markers) / max(1, len(claims))
    drugs_alone = marker_share < WEIGHTS.drugs_alone_below
    own_keys = {r.key for r in own.values()}
    own_positions = frozenset(i for i, r in enumerate(index.refs) if r.key in own_keys)
    claims = [drop_year_markers(c, own) for c in claims]
    for claim in claims:
        if claim.markers:
            marked: list[Link] = []
            dangling: list[int] = []
            for n in claim.markers:
                ref = own.get(n)
                if ref is None:
                    dangling.append(n)
                else:
                    marked.append(Link(ref.key, n, 1.0, (Evidence("marker"),), ref.source))
            out.append(LinkedClaim(claim, tuple(marked), tuple(dangling)))
            direct.append(())
            continue
        evidence = evidence_for(claim, index, own_positions)
        if not drugs_alone:
            evidence = {i: ev for i, ev in evidence.items() if any(r.kind != "drug" for r in ev)}
        links = _choose(evidence, index)
        out.append(LinkedClaim(claim, links))
        direct.append(links)
    out, direct, learned = learn_trial_names(out, direct, index)
    return add_context(out, direct, index, learned)


# Evidence that identifies a paper without naming its trial: a trial named beside it is its name.
_STRONG = ("author", "registry")


def learn_trial_names(linked: list[LinkedClaim], direct: list[tuple[Link, ...]], index: EvidenceIndex
                      ) -> tuple[list[LinkedClaim], list[tuple[Link, ...]], dict[str, Reference]]:
    """News reports name a trial the reference list does not ("FLAURA研究...") and then its
    paper by author ("Soria等2018年..."). Where a paragraph, or a section headed by the trial's
    name, names one unknown trial and links one source by strong evidence, the trial is that
    source; the paragraph's and section's other sentences about it follow. Returns the claims,
    their direct links, and what was learned (trial name -> reference)."""
    by_key = {r.key: r for r in index.refs}
    learned_keys: dict[str, str] = {}  # trial -> key
    for scope in ("paragraph", "section"):
        groups: dict[object, list[int]] = {}
        for pos, item in enumerate(linked):
            groups.setdefault(getattr(item.claim, scope), []).append(pos)
        for members in groups.values():
            names = {n for p in members for n in unknown_trials(linked[p].claim, index)}
            if scope == "section":
                names |= set(_unknown_trials_in(linked[members[0]].claim.section, index))
            strong = {link.key for p in members for link in direct[p]
                      if link.reasons[0].kind in _STRONG and link.score >= WEIGHTS.strong}
            if len(names) == 1 and len(strong) == 1:
                learned_keys.setdefault(names.pop(), strong.pop())
    learned = {name: by_key[key] for name, key in learned_keys.items()}
    if not learned:
        return linked, direct, learned
    out, new_direct = [], []
    for item, links in zip(linked, direct, strict=True):
        claim = item.claim
        if not item.sources and not claim.markers:
            unknown = unknown_trials(claim, index)
            named = [n for n in unknown if n in learned]
            if named and len(unknown) == 1:  # "Neotorch和RATIONALE-315研究": which one?
                ref = _year_shift(learned[named[0]], claim, index, learned)
                links = (Link(ref.key, ref.number, WEIGHTS.named, (Evidence("named", named[0], WEIGHTS.named),),
                              ref.source),)
                item = LinkedClaim(claim, links)
        out.append(item)
        new_direct.append(links)
    return out, new_direct, learned


def _unknown_trials_in(heading: str, index: EvidenceIndex) -> list[str]:
    return [m[0] for m in ACRONYM.finditer(heading or "")
            if trial_shaped(m[0]) and not index.by_acronym.get(acronym_key(m[0]))]


def _year_shift(ref: Reference, claim: Claim, index: EvidenceIndex, learned: dict[str, Reference]) -> Reference:
    """"2020年公布的OS终期分析" in the FLAURA section is the trial's later paper: the one of
    that year sharing the first paper's drug, when there is exactly one."""
    years = set(claim.entities.years)
    if not years or ref.year in years or ref.key not in index.position:
        return ref
    mine = index.profiles[index.position[ref.key]]
    # A paper already known as another trial's is not this trial's later paper.
    taken = {r.key for r in learned.values()} - {ref.key}
    # Closeness: the same first author (a trial's papers share it), then shared title words.
    later = [(3 * (p.family == mine.family) + len(p.words & mine.words), r)
             for r, p in zip(index.refs, index.profiles, strict=True)
             if r.year in years and r.source == ref.source and mine.drugs & p.drugs and r.key not in taken]
    later.sort(key=lambda t: -t[0])
    if len(later) == 1 or (len(later) > 1 and later[0][0] > later[1][0]):
        return later[0][1]  # the later paper closest in title to the first
    return ref


def drop_year_markers(claim: Claim, own: dict[int, Reference]) -> Claim:
    """"[2019]" is a year, not entry 2019, unless the list has an entry 2019."""
    if not any(1900 <= n <= 2099 and n not in own for n in claim.markers):
        return claim
    kept = tuple(m for m in claim.marker_spans
                 if not any(1900 <= n <= 2099 and n not in own for n in m.numbers))
    return replace(claim, marker_spans=kept,
                   markers=tuple(dict.fromkeys(n for m in kept for n in m.numbers)))


def _choose(evidence: dict[int, list[Evidence]], index: EvidenceIndex) -> tuple[Link, ...]:
    scored = sorted(((combined([e.weight for e in ev]), i, ev) for i, ev in evidence.items()),
                    key=lambda t: (-t[0], t[1]))
    if not scored or scored[0][0] < WEIGHTS.threshold:
        return ()
    best = scored[0][0]
    links = []
    for score, i, ev in scored:
        if score < WEIGHTS.threshold or score < best * WEIGHTS.tie:
            break
        ref = index.refs[i]
        links.append(Link(ref.key, ref.number, round(score, 3), tuple(ev), ref.source))
    return tuple(links)


def add_context(linked: list[LinkedClaim], direct: list[tuple[Link, ...]], index: EvidenceIndex,
                learned: dict[str, Reference]) -> list[LinkedClaim]:
    """Sentences that report results or say "this study" without naming a source inherit the
    source of the sentence before them in the paragraph, the trial their section is headed by,
    or the article's dominant source."""
    counts = Counter(link.key for links in direct for link in links[:1])
    total = sum(counts.values())
    dominant = None
    if total >= WEIGHTS.dominant_links:
        key, n = counts.most_common(1)[0]
        if n / total >= WEIGHTS.dominant_share:
            dominant = next(link for links in direct for link in links if link.key == key)
    out = []
    previous: LinkedClaim | None = None
    for item in linked:
        claim = item.claim
        if item.sources or claim.markers or unknown_trials(claim, index):
            out.append(item)
            previous = item
            continue
        inherits = (_ANAPHORA.search(claim.text) or reports_trial_result(claim.text)
                    or _ARMS.search(claim.text)) and not _PLURAL.search(claim.text)
        same_paragraph = previous is not None and previous.sources and _same_line(previous.claim, claim)
        heading = [n for n in _unknown_trials_in(claim.section, index) if n in learned]
        if inherits and same_paragraph:
            assert previous is not None
            src = _by_year(previous.sources, claim, index)
            if len(src) == 1 and src[0].key in index.position:
                shifted = _year_shift(index.refs[index.position[src[0].key]], claim, index, learned)
                if shifted.key != src[0].key:
                    src = (Link(shifted.key, shifted.number, WEIGHTS.context, src[0].reasons, shifted.source),)
            item = LinkedClaim(claim, tuple(Link(s.key, s.number, WEIGHTS.context, (_context(s),), s.source)
                                            for s in src[:3]))
        elif inherits and heading:
            ref = _year_shift(learned[heading[0]], claim, index, learned)
            item = LinkedClaim(claim, (Link(ref.key, ref.number, WEIGHTS.context,
                                            (Evidence("section", heading[0], WEIGHTS.context),), ref.source),))
        elif inherits and dominant is not None:
            item = LinkedClaim(claim, (Link(dominant.key, dominant.number, WEIGHTS.dominant,
                                            (_context(dominant, WEIGHTS.dominant),), dominant.source),))
        out.append(item)
        previous = item
    return out


def _context(link: Link, weight: float = WEIGHTS.context) -> Evidence:
    """The reason of an inherited link: ``context:`` and the reason of the link it follows."""
    first = link.reasons[0]
    return first if first.kind == "context" else Evidence("context", str(first), weight)


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
