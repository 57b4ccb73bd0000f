"""Score lookup against the query set in tests/data/lookup/queries.jsonl.

Each query names the reference that must come first (document and number) and others that
should be among the results; the library is built from the seeds and the claim documents.
"""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
QUERIES = DATA / "lookup" / "queries.jsonl"


def load_queries() -> list[dict]:
    return [json.loads(line) for line in QUERIES.read_text(encoding="utf-8").splitlines() if line.strip()]


def build_library(folder: Path) -> None:
    import refman

    root = Path(__file__).resolve().parent.parent
    refman.build([root / "seeds", DATA / "claims"], folder)


def score(folder: Path, limit: int = 10) -> tuple[int, int, int, list[str]]:
    """(queries, right first, 'also' found, failures)."""
    import refman

    lib = refman.Library(folder)
    right = also_found = 0
    failures = []
    for q in load_queries():
        matches = refman.lookup(q["query"], lib, limit)
        where = [(m.source, m.number) for m in matches]
        first_ok = bool(where) and where[0] == (q["doc"], q["number"])
        right += first_ok
        also = [n for n in q.get("also", []) if (q["doc"], n) in where]
        also_found += len(also) == len(q.get("also", []))
        if not first_ok:
            failures.append(f"{q['query']!r}: want {q['doc']} [{q['number']}], got "
                            f"{[(m.source[:12], m.number, m.via) for m in matches[:3]]}")
    return len(load_queries()), right, also_found, failures
