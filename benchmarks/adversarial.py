"""Parsing time on hostile input: does each stage stay linear in its input?

    python benchmarks/adversarial.py [SCALE]     # default SCALE = 1

Each case is a reference list built to provoke a slow path: one enormous line, a wall of
capitals or commas, a word of hundreds of letters, thousands of authors, brackets nested deep,
tens of thousands of entries. Every case is parsed at size n and 4n; a linear stage takes
about 4 times as long at 4n, a quadratic one 16 times. Prints CPU seconds and the ratio;
a ratio above 6 is flagged.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import refman

ENTRY = "CAPLIN M E, PAVEL M. Lanreotide in metastatic enteropancreatic neuroendocrine tumors [J]. N Engl J Med, 2014, 371(3): 224-233."


def _list(body: str) -> str:
    return "References\n[1] " + body + "\n"


CASES: dict[str, tuple[Callable[[int], str], int]] = {
    # name: (input of size n, n at SCALE 1)
    "one line of letters": (lambda n: _list("a" * n), 250_000),
    "one line of words": (lambda n: _list("lanreotide " * (n // 11)), 250_000),
    "capitals and spaces": (lambda n: _list("A " * (n // 2)), 100_000),
    "capital initials": (lambda n: _list("SMITH J K, " * (n // 11) + "Title [J]. J, 2020, 1: 2."), 100_000),
    "one glued word": (lambda n: _list("Ab" * (n // 2) + ". Title [J]. J, 2020, 1: 2."), 100_000),
    "commas": (lambda n: _list("," * n), 100_000),
    "full stops and spaces": (lambda n: _list(". " * (n // 2)), 100_000),
    "digits": (lambda n: _list("1" * n), 100_000),
    "digits and hyphens": (lambda n: _list("12-" * (n // 3)), 100_000),
    "years": (lambda n: _list("2020, " * (n // 6)), 100_000),
    "open brackets": (lambda n: _list("(" * n + "[" * n), 50_000),
    "nested brackets": (lambda n: _list("(" * (n // 2) + ")" * (n // 2)), 100_000),
    "type codes": (lambda n: _list("[J]. " * (n // 5)), 100_000),
    "et al": (lambda n: _list("et al, " * (n // 7)), 100_000),
    "Chinese characters": (lambda n: _list("神经内分泌肿瘤" * (n // 7)), 100_000),
    "Chinese names": (lambda n: _list("徐建明, " * (n // 5) + "题名[J]. 期刊, 2020, 1: 2."), 100_000),
    "urls": (lambda n: _list("http://a.b/" + "c/" * (n // 2)), 100_000),
    "doi": (lambda n: _list("doi: 10.1000/" + "x" * n), 100_000),
    "many entries": (lambda n: "References\n" + "\n".join(f"[{i}] {ENTRY}" for i in range(1, n // 130)), 260_000),
    "many short lines": (lambda n: "References\n" + "x\n" * (n // 2), 100_000),
    "many numbered lines": (lambda n: "\n".join(f"{i}. x" for i in range(1, n // 6)), 100_000),
    "many page numbers": (lambda n: "References\n[1] CAPLIN M E.\n" + "12\n" * (n // 3), 100_000),
}


def cpu_seconds(text: str) -> float:
    start = time.process_time()
    try:
        refman.parse(text)
    except refman.RefmanError:
        pass  # a clean refusal is an answer too; only its time matters here
    return time.process_time() - start


def main() -> None:
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    print(f"{'case':24s} {'n':>9s} {'time n':>8s} {'time 4n':>8s} {'ratio':>6s}")
    worst = 0.0
    for name, (make, base) in CASES.items():
        n = int(base * scale)
        small, large = cpu_seconds(make(n)), cpu_seconds(make(4 * n))
        ratio = large / max(small, 1e-3)
        worst = max(worst, ratio)
        flag = "  <-- not linear" if ratio > 6 and large > 0.05 else ""
        print(f"{name:24s} {n:9,d} {small:8.3f} {large:8.3f} {ratio:6.1f}{flag}")
    print(f"worst ratio: {worst:.1f}")


if __name__ == "__main__":
    main()
