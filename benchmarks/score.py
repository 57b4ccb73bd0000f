"""Per-field accuracy of the parser over a corpus of reference strings with expected fields.

    python benchmarks/score.py                      # the test corpus (tests/data/corpus)
    python benchmarks/score.py benchmarks/heldout   # a held-out set never used to tune the parser
    python benchmarks/score.py DIR --show title     # also print every case whose title is wrong

A regex change shows its net effect here: fields right / fields scored, per field and overall.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests import corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(corpus.CORPUS))
    parser.add_argument("--show", help="print the cases where this field (or 'all') is wrong")
    args = parser.parse_args()
    corpus.CORPUS = Path(args.folder)
    cases = corpus.load_corpus()
    total, wrong = collections.Counter(), collections.Counter()
    cases_right = 0
    for case in cases:
        ref, _ = corpus.parse_case(case)
        diff = corpus.compare(case.expect, ref)
        for field in corpus.scored_fields(case.expect):
            total[field] += 1
        for field in diff:
            wrong[field] += 1
        cases_right += not diff
        if args.show and diff and (args.show == "all" or args.show in diff):
            print(f"== {case.id}: {case.raw}")
            for field, (want, got) in diff.items():
                print(f"   {field}: expected {want!r}, got {got!r}")
    n_fields, n_wrong = sum(total.values()), sum(wrong.values())
    print(f"cases: {len(cases)}, entirely right: {cases_right} ({cases_right / max(1, len(cases)):.1%})")
    print(f"fields: {n_fields}, right: {n_fields - n_wrong} ({(n_fields - n_wrong) / max(1, n_fields):.2%})")
    for field in sorted(total, key=lambda f: (-wrong[f], f)):
        if wrong[field] or field in corpus.CORE:
            print(f"  {field:22} {total[field] - wrong[field]:5}/{total[field]:<5} "
                  f"{(total[field] - wrong[field]) / total[field]:.1%}")


if __name__ == "__main__":
    main()
