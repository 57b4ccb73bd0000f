"""Whole reference lists: does the splitter give every entry, with its number, and nothing else?

    python benchmarks/lists_score.py benchmarks/real/lists benchmarks/real2/lists

Each ``NAME.txt`` is a list as published or converted; ``NAME.json`` holds the numbers it truly
contains (``numbers``; an unnumbered list gives ``count``). Prints, per list, the entries
expected and found, and whether the numbers are exactly right.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import refman


def main() -> None:
    exact = total = 0
    for folder in map(Path, sys.argv[1:]):
        for gold_path in sorted(folder.glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
            references = refman.parse(text).references
            want = gold.get("numbers") or []
            count = len(want) if want else gold.get("count", 0)
            got = [r.number for r in references]
            right = got == want if want else len(got) == count
            exact += right
            total += 1
            print(f"{gold_path.stem[:44]:44s} expected {count:3d}  found {len(got):3d}  {'exact' if right else 'WRONG'}")
    print(f"lists split exactly: {exact}/{total}")


if __name__ == "__main__":
    main()
