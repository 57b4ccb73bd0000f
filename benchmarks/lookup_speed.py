"""Lookup speed on a large library, and the start-up time of the command.

    python benchmarks/lookup_speed.py [N]       # default N = 100000 references

Builds a library of N generated references (BibTeX files of 1,000 entries each, written
with refman's own writer), then prints: the time to build its index (once, on first lookup),
the median in-process lookup time over a mixed query set, the wall time of the whole
`refman lookup` command (a new process: start-up, index check, query, output), and the
wall time of `refman --help`.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import refman
from refman.formats.bibtex import to_bibtex
from refman.model import Name, Reference

WORDS = ("efficacy safety lanreotide everolimus atezolizumab durvalumab pembrolizumab nivolumab "
         "neuroendocrine tumours carcinoma lung gastric breast colorectal randomised phase trial "
         "survival progression adjuvant metastatic advanced first-line maintenance biomarker").split()
FAMILIES = ("Caplin Pavel Horn Paz-Ares Strosberg Capdevila Zhang Wang Liu Chen Li Smith Garcia "
            "Müller Rossi Tanaka Kim Nguyen Dubois Kowalski").split()


def make_library(folder: Path, n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    trials = []
    for file_no in range(0, n, 1000):
        refs = []
        for i in range(file_no, min(n, file_no + 1000)):
            trial = f"{rng.choice(['KEYNOTE', 'CheckMate', 'IMpower', 'DESTINY', 'ORIENT', 'RATIONALE'])}-{i}"
            trials.append(trial)
            family = rng.choice(FAMILIES)
            refs.append(Reference(
                raw="", key=f"{family.lower().replace('-', '')}{i}", entry_type="article",
                authors=(Name(family, "J."), Name(rng.choice(FAMILIES), "K.")), et_al=True,
                title=" ".join(rng.choice(WORDS) for _ in range(9)).capitalize() + f" ({trial})",
                container=rng.choice(["Lancet Oncol", "N Engl J Med", "J Clin Oncol"]),
                year=str(rng.randint(1990, 2026)), volume=str(rng.randint(1, 400)),
                pages=f"{rng.randint(1, 900)}-{rng.randint(901, 999)}", doi=f"10.1000/bench.{i}",
                registry=(f"NCT{10000000 + i}",), source=f"bench{file_no // 1000}.txt", number=i % 1000 + 1))
        (folder / f"bench{file_no // 1000:04d}.bib").write_text(to_bibtex(refs), encoding="utf-8")
    return trials


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    folder = Path(tempfile.mkdtemp())
    start = time.perf_counter()
    trials = make_library(folder, n)
    print(f"library: {n} references written in {time.perf_counter() - start:.1f} s ({folder})")
    lib = refman.Library(folder)
    start = time.perf_counter()
    refman.lookup("warm-up", lib)
    print(f"index built (first lookup): {time.perf_counter() - start:.1f} s")
    rng = random.Random(1)
    queries = []
    for _ in range(60):
        i = rng.randrange(n)
        queries += [trials[i], trials[i].replace("-", " ").lower(), f"10.1000/bench.{i}", f"NCT{10000000 + i}",
                    f"{rng.choice(FAMILIES)} {rng.randint(1990, 2026)}", "lanreotide",
                    f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(WORDS)}"]
    times = []
    for q in queries:
        start = time.perf_counter()
        refman.lookup(q, lib, limit=5)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(f"in-process lookup: median {statistics.median(times):.1f} ms, "
          f"90th percentile {times[int(len(times) * 0.9)]:.1f} ms over {len(times)} queries")
    cmd_times = []
    for q in (trials[42], f"NCT{10000042}", "Caplin 2014"):
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "refman", "lookup", q, "--library", str(folder)],
                           capture_output=True, check=False)
            cmd_times.append(time.perf_counter() - start)
    print(f"`refman lookup` command: median {statistics.median(cmd_times):.2f} s (wall, new process)")
    help_times = []
    for _ in range(7):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "refman", "--help"], capture_output=True, check=True)
        help_times.append(time.perf_counter() - start)
    print(f"`refman --help`: median {statistics.median(help_times) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
