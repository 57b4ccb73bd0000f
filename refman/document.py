"""A document as a writer sees it: its own reference list, its claims, their sources.

``claims(path)`` reads a draft, parses its list (if it has one), splits the body into claims
and links each to sources in the document's list and in the library. ``check(path)`` turns
that into the integrity report an editor runs before submission. ``aliases`` collects the
names that claims give to the sources they cite (``IMpower133试验^[31]``), so lookup finds
[31] by a name its title does not carry.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from . import sentences
from . import keys, lexicon, pipeline, read
from .errors import NoReferencesError
from .evidence import EvidenceIndex, acronym_key
from .linking import LinkedClaim, link_claims, reports_trial_result, trial_like
from .model import Reference


@dataclass(frozen=True)
class Document:
    """A parsed document: name, text, its own references, and its linked claims."""

    name: str
    text: str
    references: tuple[Reference, ...]
    claims: tuple[LinkedClaim, ...]

    def reference(self, number: int) -> Reference | None:
        return next((r for r in self.references if r.number == number), None)


def read_document(document: str | os.PathLike[str]) -> tuple[str, str]:
    """``(name, text)`` of a document given as a path (any supported encoding)."""
    text = read.read_path(document)
    return Path(document).name, text.text


def analyse(document: str | os.PathLike[str], library=None, *, text: str | None = None,
            name: str | None = None) -> Document:
    """Parse, split into claims and link one document against its list and the library.

    ``library`` is a ``Library``, a folder, or ``None`` for the default library when it exists.
    """
    from .library import Library, library_path

    if text is None:
        name, text = read_document(document)
    name = name or str(document)
    lib = library if isinstance(library, Library) else Library(library_path(library))
    library_refs = lib.references() if lib.path.is_dir() else []
    try:
        result = pipeline.parse(text, source=name)
        own, body = list(result.references), result.body
    except NoReferencesError:
        own, body = [], text
    return link_document(name, text, body, _library_keys(name, own, library_refs), library_refs,
                         lexicon.drugs(str(lib.path) if lib.path.is_dir() else None))


def _library_keys(name: str, own: list[Reference], library_refs: list[Reference]) -> list[Reference]:
    """The library's keys for a document built into it; otherwise keys that do not collide
    with the library's."""
    built = [r for r in library_refs if r.source == name]
    if own and len(built) == len(own) and all(a.number == b.number for a, b in zip(own, built)):
        return [r.with_fields(key=b.key, aliases=b.aliases) for r, b in zip(own, built)]
    if own:
        return keys.assign_keys([r.with_fields(key="") for r in own], {r.key for r in library_refs})
    return own


def link_document(name: str, text: str, body: str, own: list[Reference],
                  library_refs: list[Reference], drugs: lexicon.DrugLexicon | None = None) -> Document:
    """Split a parsed document's body into claims and link them (the second half of
    ``analyse``, for callers that already hold the parsed references)."""
    drugs = drugs or lexicon.drugs()
    own_keys = {r.key for r in own}
    found = sentences.split_claims(body, document=name, drug_lexicon=drugs)
    # The names this document gives its sources ("RESONATE研究²") identify them in its
    # sentences without markers too.
    named = _named(found, _by_number(own))
    own = [r.with_fields(aliases=tuple(dict.fromkeys(r.aliases + named.get(r.number, ()))))
           if r.number in named else r for r in own]
    by_number = _by_number(own)
    candidates = own + [r for r in library_refs if r.key not in own_keys and r.source != name
                        and not _same_work_in(r, own)]
    index = EvidenceIndex(candidates, drugs)
    linked = link_claims(found, by_number, index)
    return Document(name, text, tuple(own), tuple(linked))


def _by_number(refs: list[Reference]) -> dict[int, Reference]:
    """Number -> entry; a number given twice resolves to its first entry (check reports it)."""
    out: dict[int, Reference] = {}
    for r in refs:
        if r.number is not None:
            out.setdefault(r.number, r)
    return out


def _same_work_in(ref: Reference, refs: list[Reference]) -> bool:
    """The library's copy of a paper the document lists itself: the document's entry wins."""
    title = re.sub(r"\W+", " ", ref.title.lower()).strip()
    return any((ref.doi and ref.doi.lower() == r.doi.lower()) or
               (title and ref.year == r.year and title == re.sub(r"\W+", " ", r.title.lower()).strip())
               for r in refs)


def _named(found, by_number: dict[int, Reference]) -> dict[int, tuple[str, ...]]:
    names: dict[int, list[str]] = {}
    for claim in found:
        for name, numbers in named_citations(LinkedClaim(claim)):
            for n in numbers:
                if n in by_number:
                    names.setdefault(n, []).append(name)
    return {n: tuple(dict.fromkeys(v)) for n, v in names.items()}


def link(body: str, references: list[Reference] | tuple[Reference, ...],
         library_refs: list[Reference] | tuple[Reference, ...] = (), *, document: str = "") -> list[LinkedClaim]:
    """Link the claims of ``body`` to ``references`` (the document's list, which markers name)
    and ``library_refs`` (other candidates for evidence): ``claims`` for text already in hand.

    >>> from refman.model import Reference
    >>> ref = Reference(raw="", key="liu2026anbenitamab", number=1, title="Anbenitamab in previously "
    ...                 "treated HER2-positive gastric cancer (KC-WISE)", year="2026")
    >>> [(s.key, s.via) for c in link("KC-WISE研究的中位OS达19.6个月。", [ref]) for s in c.sources]
    [('liu2026anbenitamab', 'acronym:KC-WISE')]
    """
    return list(link_document(document, body, body, list(references), list(library_refs)).claims)


def claims(document: str | os.PathLike[str], library=None, *, unsourced: bool = False) -> list[LinkedClaim]:
    """The claims of a document with their sources.

    >>> [c.sources[0].via for c in claims("seeds/004_dffaab495b30f8fc.txt")[:10] if c.sources][:1]
    ['marker']
    """
    linked = list(analyse(document, library).claims)
    return [c for c in linked if c.unsourced] if unsourced else linked


# --- aliases ---------------------------------------------------------------------------------

_BEFORE_MARKER = re.compile(r"(?:[\s\u4e00-\u9fff]{0,12}?(?:试验|研究|临床试验)|\s*(?:trial|study))?\s*[（(]?\s*$", re.I)


def named_citations(item: LinkedClaim) -> list[tuple[str, tuple[int, ...]]]:
    """``(trial name, cited numbers)`` where a claim names a trial right before a marker:
    ``IMpower133试验^[31]`` -> ``('IMpower133', (31,))``."""
    claim = item.claim
    out = []
    generic = lexicon.generic_abbreviations()
    for marker in claim.marker_spans:
        before = claim.text[: marker.at]
        best = None
        for m in sentences.ACRONYM.finditer(before):
            rest = before[m.end():]
            name = sentences.trim_generic(m[0], generic)
            if not name or not _BEFORE_MARKER.fullmatch(rest):
                continue
            # "...临床试验^[4]" says it is a trial; a bare name must look like one.
            if re.search(r"试验|研究|trial|study", rest, re.I) or trial_like(name, claim):
                best = name
        if best and len(marker.numbers) <= 3:
            out.append((best, marker.numbers))
    return out


def aliases(document: Document) -> dict[int, tuple[str, ...]]:
    """Number -> names that the document's claims give to that entry and its title lacks."""
    found: dict[int, list[str]] = {}
    for item in document.claims:
        for name, numbers in named_citations(item):
            for n in numbers:
                ref = document.reference(n)
                if ref is None or acronym_key(name) in acronym_key(ref.title) or _other_trial(name, ref):
                    continue  # no alias where the title says it is another trial
                found.setdefault(n, [])
                if name not in found[n]:
                    found[n].append(name)
    return {n: tuple(names) for n, names in found.items()}


# --- check -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Finding:
    """One problem the editor should look at."""

    kind: str  # dangling-marker, uncited-entry, out-of-order, duplicate-entry, wrong-trial, unsourced-result
    message: str
    number: int | None = None
    numbers: tuple[int, ...] = ()
    claim: str = ""
    start: int | None = None

    def to_dict(self) -> dict:
        out = {"kind": self.kind, "message": self.message}
        if self.number is not None:
            out["number"] = self.number
        if self.numbers:
            out["numbers"] = list(self.numbers)
        if self.claim:
            out["claim"] = self.claim
            out["start"] = self.start
        return out


def check(document: str | os.PathLike[str], library=None) -> list[Finding]:
    """The integrity report of a document: every finding, in the order an editor reads them.

    Markers that name no entry; entries never cited; entries first cited out of numeric order
    (GB/T 7714 and Vancouver number by first citation); the same work listed twice; a claim
    that names one trial while the entry it cites is evidently another; and sentences that
    report results with no marker and no evident source.
    """
    doc = analyse(document, library)
    findings: list[Finding] = []
    numbers = {r.number for r in doc.references if r.number is not None}
    first_cited: list[int] = []
    for item in doc.claims:
        for n in item.dangling:
            findings.append(Finding("dangling-marker", f"marker [{n}] names no entry of the list",
                                    number=n, claim=item.claim.text, start=item.claim.start))
        for n in item.claim.markers:
            if n in numbers and n not in first_cited:
                first_cited.append(n)
    if first_cited:
        for n in sorted(numbers - set(first_cited)):
            findings.append(Finding("uncited-entry", f"entry [{n}] is never cited", number=n))
        keep = set(_longest_increasing(first_cited))
        for n in first_cited:
            if n not in keep:
                findings.append(Finding("out-of-order", f"entry [{n}] is first cited out of numeric "
                                        "order", number=n))
    seen_numbers: set[int] = set()
    for r in doc.references:
        if r.number is not None and r.number in seen_numbers:
            findings.append(Finding("duplicate-number", f"two entries are numbered [{r.number}]", number=r.number))
        seen_numbers.add(r.number)
    findings.extend(_duplicates(doc.references))
    for item in doc.claims:
        pairs = named_citations(item)
        named = [a for a in item.claim.entities.acronyms if trial_like(a, item.claim)]
        if not pairs and len(named) == 1 and len(item.claim.markers) == 1:
            # "In the ASTRUM-005 trial, ... [2]": one trial named, one entry cited.
            pairs = [(named[0], item.claim.markers)]
        for name, cited in pairs:
            for n in cited:
                ref = doc.reference(n)
                other = _other_trial(name, ref) if ref else None
                if other:
                    findings.append(Finding(
                        "wrong-trial", f"the claim names {name} but [{n}] is the {other} paper",
                        number=n, claim=item.claim.text, start=item.claim.start))
        if item.unsourced and not item.claim.markers and reports_trial_result(item.claim.text) \
                and not _OWN_STUDY.search(item.claim.text):
            findings.append(Finding("unsourced-result", "reports results but cites no source",
                                    claim=item.claim.text, start=item.claim.start))
    return findings


# The writer's own study needs no citation: "本研究共纳入120例", "In our cohort, median OS ...".
_OWN_STUDY = re.compile(r"本研究|本组|我院|我科|我中心|本中心|本课题|我们(?:的)?(?:研究|发现|观察)|"
                        r"\b(?:our|this) (?:study|cohort|series|analysis|trial|data|patients|center|centre)\b|"
                        r"\bwe (?:found|observed|report|enrolled|included|identified)\b", re.I | re.ASCII)


def _other_trial(name: str, ref: Reference) -> str | None:
    """The trial named in the title of ``ref`` when it is not ``name``."""
    from rapidfuzz import fuzz

    key = acronym_key(name)
    title_key = acronym_key(ref.title)
    generic = lexicon.generic_abbreviations()
    words = [w for w in re.split(r"[\s\-]+", name) if len(w) >= 3 and w.upper() not in generic]
    if key in title_key or fuzz.partial_ratio(key, title_key) >= 85 or any(
            re.search(rf"\b{re.escape(w)}\b", ref.title, re.I) for w in words):
        return None
    for m in sentences.ACRONYM.finditer(ref.title):
        if m[0].upper() in generic or len(m[0]) < 4:
            continue
        if re.search(r"\b(?:trial|study)\b", ref.title[m.end(): m.end() + 40], re.I) or \
                re.search(r"\(\s*$", ref.title[: m.start()]) and ref.title[m.end(): m.end() + 1] == ")":
            return m[0]
    return None


def _longest_increasing(seq: list[int]) -> list[int]:
    """One longest increasing subsequence (smallest tails first), by patience sorting."""
    import bisect

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


def _first_family(ref: Reference) -> str:
    names = ref.authors or ref.editors
    return names[0].family.lower() if names else ""


def _duplicates(refs: tuple[Reference, ...]) -> list[Finding]:
    from rapidfuzz import fuzz

    findings = []
    seen: list[Reference] = []
    for ref in refs:
        for other in seen:
            same_doi = ref.doi and ref.doi.lower() == other.doi.lower()
            # "... part 1" and "... part 2" are two works: titles must agree in their numbers,
            # and in first author or journal too.
            same_title = (ref.title and other.title and ref.year == other.year
                          and fuzz.ratio(ref.title.lower(), other.title.lower()) >= 92
                          and re.findall(r"\d+", ref.title) == re.findall(r"\d+", other.title)
                          and (_first_family(ref) == _first_family(other)
                               or ref.container.lower() == other.container.lower()))
            same_place = (ref.year and ref.year == other.year and ref.volume and ref.volume == other.volume
                          and ref.pages and ref.pages.split("-")[0] == other.pages.split("-")[0]
                          and ref.container.lower() == other.container.lower())
            if same_doi or same_title or same_place:
                findings.append(Finding("duplicate-entry", f"entries [{other.number}] and [{ref.number}] "
                                        "are the same work", numbers=(other.number, ref.number)))
                break
        seen.append(ref)
    return findings
