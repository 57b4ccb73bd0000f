"""Per-field accuracy of the parser over sets of reference strings with expected fields.

    python benchmarks/score.py                      # the test corpus (tests/data/corpus), exact
    python benchmarks/score.py benchmarks/real      # real published strings nobody tuned to
    python benchmarks/score.py benchmarks/heldout   # the older helper-written held-out set
    python benchmarks/score.py DIR --show title     # also print every case whose title is wrong

Every string goes through the splitter first, as a list would (a string cut into several
entries scores as wrong). Sets other than the test corpus are scored modulo their writers'
formatting conventions (punctuation width, quotes, dashes, spaces beside Chinese characters,
"Jr." vs "Jr", a closing full stop): see ``tests/corpus.conventional``. One line per file
(style), then the total, then the fields most often wrong.
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
    folder = Path(args.folder)
    exact = folder.resolve() == corpus.CORPUS.resolve()
    cases = corpus.load_corpus(folder)
    by_file: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0])  # cases, right, fields, right
    total, wrong = collections.Counter(), collections.Counter()
    for case in cases:
        ref, problems = corpus.parse_case(case)
        diff = corpus.compare(case.expect, ref, conventions=not exact)
        if any(p.code == "split" for p in problems):
            diff.setdefault("split", ("one entry", "split"))
        scored = corpus.scored_fields(case.expect)
        counts = by_file[case.file]
        counts[0] += 1
        counts[1] += not diff
        counts[2] += len(scored)
        counts[3] += len(scored) - len([f for f in diff if f in scored])
        for field in scored:
            total[field] += 1
        for field in diff:
            wrong[field] += 1
        if args.show and diff and (args.show == "all" or args.show in diff):
            print(f"== {case.id}: {case.raw}")
            for field, (want, got) in diff.items():
                print(f"   {field}: expected {want!r}, got {got!r}")
    all_counts = [sum(c[i] for c in by_file.values()) for i in range(4)]
    for name, (n, right, fields, fields_right) in sorted(by_file.items()) + [("TOTAL", all_counts)]:
        print(f"{name:14} cases {n:4}  entirely right {right / max(1, n):6.1%}  "
              f"fields {fields_right}/{fields} = {fields_right / max(1, fields):6.2%}")
    for field in sorted(total, key=lambda f: (-wrong[f], f))[:12]:
        if wrong[field]:
            print(f"  {field:22} {total[field] - wrong[field]:5}/{total[field]:<5} "
                  f"{(total[field] - wrong[field]) / total[field]:.1%}")


if __name__ == "__main__":
    main()
