"""Lookup accuracy: the right reference first, over tests/data/lookup/queries.jsonl.

    python benchmarks/lookup_score.py [--verbose]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests import lookupeval


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    lookupeval.build_library(folder)
    total, right, also, failures = lookupeval.score(folder)
    print(f"queries: {total}, right reference first: {right} ({right / total:.1%}), "
          f"all expected others found: {also}")
    if "--verbose" in sys.argv:
        for f in failures:
            print("  FAIL", f)


if __name__ == "__main__":
    main()
