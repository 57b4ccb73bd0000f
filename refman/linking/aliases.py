"""The names claims give their sources: ``IMpower133试验^[31]`` calls entry 31 IMpower133.

One policy, used while linking a document and when the library stores aliases as ``keywords``:
a name becomes an alias of an entry when a claim names it right before a marker citing that
entry, unless the entry's title already carries it or names another trial (then the writer
cited the wrong paper, which ``check`` reports; an alias would spread the error).
"""

from __future__ import annotations

import re

from ..model import Claim, Reference
from ..vocab.script import HAN
from ..vocab.trials import acronym_key, names_in, other_trial
from .evidence import trial_like

# What may stand between a trial's name and its marker: "试验", "临床试验", "trial", "(".
_BEFORE_MARKER = re.compile(rf"(?:[\s{HAN}]{{0,12}}?(?:试验|研究|临床试验)|\s*(?:trial|study))?\s*[（(]?\s*", re.I)


def named_citations(claim: Claim) -> list[tuple[str, tuple[int, ...]]]:
    """``(trial name, cited numbers)`` where a claim names a trial right before a marker.

    >>> from refman.linking.sentences import split_claims
    >>> named_citations(split_claims("IMpower133试验^[31]纳入了403例患者。")[0])
    [('IMpower133', (31,))]
    """
    out = []
    for marker in claim.marker_spans:
        before = claim.text[: marker.at]
        best = None
        for name, m in names_in(before):
            rest = before[m.end():]
            if not _BEFORE_MARKER.fullmatch(rest):
                continue
            # "...临床试验^[4]" says it is a trial; a bare name must look like one.
            if re.search(r"试验|研究|trial|study", rest, re.I) or trial_like(name, claim):
                best = name
        if best and len(marker.numbers) <= 3:
            out.append((best, marker.numbers))
    return out


def aliases(claims: list[Claim], by_number: dict[int, Reference]) -> dict[int, tuple[str, ...]]:
    """Number -> the names the claims give that entry (the policy above)."""
    found: dict[int, list[str]] = {}
    for claim in claims:
        for name, numbers in named_citations(claim):
            for n in numbers:
                ref = by_number.get(n)
                if ref is None or acronym_key(name) in acronym_key(ref.title) or other_trial(name, ref.title):
                    continue
                names = found.setdefault(n, [])
                if name not in names:
                    names.append(name)
    return {n: tuple(names) for n, names in found.items()}


def with_aliases(refs: list[Reference], names: dict[int, tuple[str, ...]]) -> list[Reference]:
    """The references with the names claims gave them added to their aliases."""
    return [r.with_fields(aliases=tuple(dict.fromkeys(r.aliases + names[r.number])))
            if r.number in names else r for r in refs]
