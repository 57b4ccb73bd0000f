"""Score claim linking and `refman check` against hand-made gold files (tests/data/claims).

For each document ``<case>.txt`` the gold ``<case>.gold.json`` lists, by a unique substring of
its sentence, the entries each claim is about (``links``), sentences about no entry
(``unsourced``) and the findings an editor should get (``findings``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "claims"


@dataclass
class LinkScore:
    marker_claims: int = 0
    marker_exact: int = 0
    evidence_gold: int = 0  # true links of claims without markers
    evidence_found: int = 0  # ... that refman made
    evidence_made: int = 0  # links refman made on claims without markers (gold-covered claims)
    evidence_wrong: int = 0
    misses: list[str] = field(default_factory=list)
    wrongs: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.evidence_found / self.evidence_gold if self.evidence_gold else 1.0

    @property
    def wrong_rate(self) -> float:
        return self.evidence_wrong / self.evidence_made if self.evidence_made else 0.0


def cases(prefix: str = "") -> list[Path]:
    return sorted(p for p in DATA.glob("*.txt") if p.name.startswith(prefix))


def _find(linked, needle: str):
    for item in linked:
        if needle in item.claim.text or needle.replace("\n", "") in item.claim.text:
            return item
    return None


def score_links(paths: list[Path], library) -> LinkScore:
    import refman

    s = LinkScore()
    for path in paths:
        gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
        doc = refman.analyse(path, library)
        own = path.name
        for g in gold["links"]:
            item = _find(doc.claims, g["claim"])
            want = set(g["refs"])
            if item is None:
                s.misses.append(f"{own}: no claim holds {g['claim']!r}")
                if not any(True for _ in ()):
                    s.evidence_gold += len(want)
                continue
            got = {link.number for link in item.sources if link.source == own}
            foreign = [link for link in item.sources if link.source != own]
            if item.claim.markers:
                s.marker_claims += 1
                s.marker_exact += got == want and not foreign
                if got != want or foreign:
                    s.wrongs.append(f"{own}: marker claim {g['claim']!r}: want {sorted(want)} got {sorted(got)}")
                continue
            s.evidence_gold += len(want)
            s.evidence_found += len(want & got)
            s.evidence_made += len(got) + len(foreign)
            s.evidence_wrong += len(got - want) + len(foreign)
            if want - got:
                s.misses.append(f"{own}: {g['claim']!r} misses {sorted(want - got)} (got {sorted(got)})")
            if got - want or foreign:
                s.wrongs.append(f"{own}: {g['claim']!r} wrongly -> {sorted(got - want)} "
                                f"{[link.key for link in foreign]} ({[link.via for link in item.sources]})")
        for needle in gold["unsourced"]:
            item = _find(doc.claims, needle)
            if item is None or item.claim.markers:
                continue
            s.evidence_made += len(item.sources)
            s.evidence_wrong += len(item.sources)
            if item.sources:
                s.wrongs.append(f"{own}: unsourced {needle!r} linked -> "
                                f"{[(link.number, link.via) for link in item.sources]}")
    return s


def finding_keys(findings) -> set[tuple]:
    out = set()
    for f in findings:
        f = f if isinstance(f, dict) else f.to_dict()
        if f["kind"] in ("dangling-marker",):
            out.add((f["kind"], f.get("marker", f.get("number"))))
        elif f["kind"] in ("uncited-entry", "out-of-order"):
            out.add((f["kind"], f["number"]))
        elif f["kind"] == "duplicate-entry":
            out.add((f["kind"], tuple(sorted(f["numbers"]))))
        else:
            out.add((f["kind"], f.get("number")) if f["kind"] == "wrong-trial" else (f["kind"],))
    return out


def score_check(path: Path, library) -> tuple[set, set, list]:
    """(expected finding keys, reported finding keys, unmatched claim-level expectations)."""
    import refman

    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    reported = refman.check(path, library)
    want = {k for k in finding_keys(gold["findings"]) if k[0] != "unsourced-result"}
    got = {k for k in finding_keys(reported) if k[0] != "unsourced-result"}
    # Claim-level findings are matched by their sentence.
    missing = []
    for g in gold["findings"]:
        if g["kind"] == "unsourced-result":
            if not any(f.kind == g["kind"] and g["claim"] in f.claim for f in reported):
                missing.append(g["claim"])
    return want, got, missing
