"""Real converted articles end to end: list entries found, and citation markers read and linked.

    python benchmarks/marker_score.py [benchmarks/docs]

Each ``NAME.md`` is an article as a PDF converter printed it (MinerU, marker, Nougat, a VLM,
HTML); ``NAME.gold.json`` holds, from a reader who did not look at refman, the numbers of its
reference list and every citation marker: its text, the text just before it, the entry numbers
it names, and whether it is damaged. A marker counts as read when refman found a marker at that
place naming exactly those numbers, and as linked when its sentence's sources are exactly
those entries. Damaged markers are counted apart: read, reported (``check``), or lost.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import refman

# The document alone: its own list, no library around it.
EMPTY = Path(tempfile.mkdtemp(prefix="refman-marker-score-"))
# How far from where the gold places a marker refman's marker may start (spaces, "$", "^{").
SLACK = 12


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent / "docs")
    totals = dict(entries=0, entries_found=0, intact=0, read=0, linked=0, damaged=0, damaged_seen=0)
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc_path = gold_path.with_name(gold_path.name.replace(".gold.json", ".md"))
        doc = refman.analyse(doc_path, library=EMPTY)
        text = doc.text
        numbers = {r.number for r in doc.references}
        found = len(numbers & set(gold["list_numbers"]))
        markers = [(m, lc) for lc in doc.claims for m in lc.claim.marker_spans]
        findings = refman.check(doc_path, library=EMPTY) if any(m["damaged"] for m in gold["markers"]) else []
        intact = read = linked = damaged = damaged_seen = 0
        cursor = 0
        for g in gold["markers"]:
            at = text.find(g["context"] + g["text"], cursor) if g["context"] else -1
            if at < 0:  # the context alone, after the previous marker, then anywhere
                at = text.find(g["context"], cursor) if g["context"] else -1
            if at < 0:
                at = text.find(g["context"])
            place = at + len(g["context"]) if at >= 0 else -1
            if place >= 0:
                cursor = place
            near = [(m, lc) for m, lc in markers if place >= 0 and abs(m.start - place) <= SLACK]
            exact = [(m, lc) for m, lc in near if sorted(m.numbers) == sorted(g["numbers"])]
            if g["damaged"]:
                damaged += 1
                reported = any(f.kind.startswith("damaged") and abs(getattr(f, "start", -99) - place) <= SLACK * 4
                               for f in findings)
                damaged_seen += bool(exact) or reported
                continue
            intact += 1
            read += bool(exact)
            if exact:
                _, lc = exact[0]
                linked += set(g["numbers"]) <= {s.number for s in lc.sources}
        print(f"{gold_path.name[:-10][:38]:38s} entries {found:3d}/{len(gold['list_numbers']):3d}  "
              f"markers read {read:3d}/{intact:3d}  linked {linked:3d}/{intact:3d}  damaged seen {damaged_seen}/{damaged}")
        for key, value in zip(totals, (len(gold["list_numbers"]), found, intact, read, linked, damaged, damaged_seen),
                              strict=True):
            totals[key] += value
    t = totals
    print(f"TOTAL  entries {t['entries_found']}/{t['entries']} = {t['entries_found'] / max(1, t['entries']):.1%}  "
          f"intact markers read {t['read']}/{t['intact']} = {t['read'] / max(1, t['intact']):.1%}, "
          f"linked {t['linked']}/{t['intact']} = {t['linked'] / max(1, t['intact']):.1%}  "
          f"damaged read or reported {t['damaged_seen']}/{t['damaged']}")


if __name__ == "__main__":
    main()
