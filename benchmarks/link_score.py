"""Claim linking and check against the gold documents in tests/data/claims.

    python benchmarks/link_score.py [--verbose] [--library]

Prints marker exactness, recall and wrong-link rate of evidence links (claims without a
marker), and check findings found / expected / reported, with the bundled library as the
pool of distractor sources.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import linkeval  # noqa: E402


def main() -> None:
    verbose = "--verbose" in sys.argv
    # The gold files judge each document against its own list; "--library" adds the bundled
    # library as distractors (its CASPIAN paper then rightly claims a CASPIAN sentence).
    import tempfile

    library = ROOT / "references" if "--library" in sys.argv else Path(tempfile.mkdtemp())
    s = linkeval.score_links(linkeval.cases(), library)
    print(f"marker claims exact: {s.marker_exact}/{s.marker_claims}")
    print(f"evidence links found: {s.evidence_found}/{s.evidence_gold} = {s.recall:.1%} recall")
    print(f"evidence links made:  {s.evidence_made}, wrong {s.evidence_wrong} = {s.wrong_rate:.1%}")
    if verbose:
        for line in s.misses:
            print("  MISS", line)
        for line in s.wrongs:
            print("  WRONG", line)
    expected = found = reported = 0
    for path in linkeval.cases("check-"):
        want, got, missing = linkeval.score_check(path, library)
        expected += len(want)
        found += len(want & got)
        reported += len(got)
        if verbose and (want != got or missing):
            print(f"  CHECK {path.name}: missing {sorted(want - got)} extra {sorted(got - want)} "
                  f"unsourced-result missing {missing}")
    print(f"check findings: {found}/{expected} expected found, {reported - found} extra reported")


if __name__ == "__main__":
    main()
