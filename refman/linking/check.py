"""The integrity report an editor runs before submission, as rules over a linked document.

Each rule takes the ``Document`` (its list and its linked claims) and returns ``Finding`` data:
markers that name no entry, markers a converter damaged, entries never cited, entries first cited out of numeric order
(GB/T 7714 and Vancouver number by first citation), a number given twice, the same work listed
twice, a claim naming one trial while citing another trial's paper, and sentences reporting
results with no source.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from ..model import Document, Finding
from ..vocab.trials import other_trial
from ..vocab.works import same_work
from .aliases import named_citations
from .evidence import reports_trial_result, trial_like

# The writer's own study needs no citation: "本研究共纳入120例", "In our cohort, median OS ...".
_OWN_STUDY = re.compile(r"本研究|本组|我院|我科|我中心|本中心|本课题|我们(?:的)?(?:研究|发现|观察)|"
                        r"\b(?:our|this) (?:study|cohort|series|analysis|trial|data|patients|center|centre)\b|"
                        r"\bwe (?:found|observed|report|enrolled|included|identified)\b", re.I | re.ASCII)


def dangling_markers(doc: Document) -> list[Finding]:
    return [Finding("dangling-marker", f"marker [{n}] names no entry of the list",
                    number=n, claim=item.claim.text, start=item.claim.start)
            for item in doc.claims for n in item.dangling]


def damaged_markers(doc: Document) -> list[Finding]:
    """Markers a converter damaged ("王姣妍等[4研究", "Propastin[1o]"): read and linked by the
    number they plainly hold, and reported so the text gets mended."""
    return [Finding("damaged-marker", f"marker {m.text!r} is damaged; read as "
                    f"[{', '.join(map(str, m.numbers))}]", numbers=m.numbers, claim=item.claim.text, start=m.start)
            for item in doc.claims for m in item.claim.marker_spans if m.style == "damaged"]


def citation_order(doc: Document) -> list[Finding]:
    """Entries never cited, and entries first cited out of numeric order."""
    numbers = {r.number for r in doc.references if r.number is not None}
    first_cited: list[int] = []
    seen: set[int] = set()
    for item in doc.claims:
        for n in item.claim.markers:
            if n in numbers and n not in seen:
                seen.add(n)
                first_cited.append(n)
    if not first_cited:
        return []
    findings = [Finding("uncited-entry", f"entry [{n}] is never cited", number=n)
                for n in sorted(numbers - seen)]
    keep = set(longest_increasing(first_cited))
    findings.extend(Finding("out-of-order", f"entry [{n}] is first cited out of numeric order", number=n)
                    for n in first_cited if n not in keep)
    return findings


def duplicate_numbers(doc: Document) -> list[Finding]:
    findings, seen = [], set()
    for r in doc.references:
        if r.number is not None and r.number in seen:
            findings.append(Finding("duplicate-number", f"two entries are numbered [{r.number}]", number=r.number))
        seen.add(r.number)
    return findings


def duplicate_entries(doc: Document) -> list[Finding]:
    findings = []
    for k, ref in enumerate(doc.references):
        for other in doc.references[:k]:
            if same_work(ref, other):
                findings.append(Finding("duplicate-entry", f"entries [{other.number}] and [{ref.number}] "
                                        "are the same work", numbers=(other.number or 0, ref.number or 0)))
                break
    return findings


def wrong_trials(doc: Document) -> list[Finding]:
    """A claim naming one trial while the entry it cites is evidently another trial's paper."""
    findings = []
    for item in doc.claims:
        pairs = named_citations(item.claim)
        named = [a for a in item.claim.entities.acronyms if trial_like(a, item.claim)]
        if not pairs and len(named) == 1 and len(item.claim.markers) == 1:
            pairs = [(named[0], item.claim.markers)]  # "In the ASTRUM-005 trial, ... [2]"
        for name, cited in pairs:
            for n in cited:
                ref = doc.reference(n)
                other = other_trial(name, ref.title) if ref else None
                if other:
                    findings.append(Finding("wrong-trial", f"the claim names {name} but [{n}] is the {other} paper",
                                            number=n, claim=item.claim.text, start=item.claim.start))
    return findings


def unsourced_results(doc: Document) -> list[Finding]:
    return [Finding("unsourced-result", "reports results but cites no source",
                    claim=item.claim.text, start=item.claim.start)
            for item in doc.claims
            if item.unsourced and not item.claim.markers and reports_trial_result(item.claim.text)
            and not _OWN_STUDY.search(item.claim.text)]


# In the order an editor reads the report.
RULES: tuple[Callable[[Document], list[Finding]], ...] = (
    dangling_markers, damaged_markers, citation_order, duplicate_numbers, duplicate_entries, wrong_trials,
    unsourced_results)


def check_document(doc: Document) -> list[Finding]:
    """Every finding of every rule, in the order an editor reads them."""
    return [finding for rule in RULES for finding in rule(doc)]


def longest_increasing(seq: list[int]) -> list[int]:
    """One longest increasing subsequence (smallest tails first), by patience sorting.

    >>> longest_increasing([1, 2, 5, 3, 4, 6])
    [1, 2, 3, 4, 6]
    """
    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(seq)
    for i, x in enumerate(seq):
        j = bisect.bisect_left(tails, x)
        if j == len(tails):
            tails.append(x)
            tail_idx.append(i)
        else:
            tails[j] = x
            tail_idx[j] = i
        prev[i] = tail_idx[j - 1] if j > 0 else -1
    out, k = [], tail_idx[-1] if tail_idx else -1
    while k >= 0:
        out.append(seq[k])
        k = prev[k]
    return out[::-1]
