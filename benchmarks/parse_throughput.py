"""Parse throughput: references per second on a large generated reference list.

    python benchmarks/parse_throughput.py [N]     # default N = 20000

The list mixes GB/T 7714-2015 and -2025 journal, book and online entries, Chinese entries with
English translations, and Vancouver entries, with PDF damage (en dashes, italics, page breaks),
generated from a fixed seed so runs are comparable. Prints the time of the whole pipeline
(find, split, parse, keys) and of BibTeX writing, in CPU seconds of one core.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import refman
from refman.formats.bibtex import to_bibtex

FAMILIES = ["CAPLIN", "PAVEL", "ĆWIKŁA", "HORN", "PAZ–ARES", "O'NEIL", "LOPEZ LOPEZ", "STROSBERG",
            "Zhang", "Wang", "Liu", "Van Cutsem", "De Morgan", "Park"]
WORDS = ["lanreotide", "efficacy", "safety", "neuroendocrine", "tumours", "phase", "trial",
         "randomised", "atezolizumab", "small–cell", "lung", "cancer", "BRAF", "PD-L1", "survival",
         "*in vivo*", "analysis", "patients", "advanced", "first–line"]
JOURNALS = ["*N Engl J Med*", "Lancet Oncol", "J Clin Oncol", "Ann Oncol", "Cancer Res"]
ZH_NAMES = ["徐建明", "沈琳", "李健", "陈洁", "虞先濬", "梁贇"]
ZH_WORDS = ["神经内分泌肿瘤", "药物", "临床试验", "进展", "胃癌", "靶向治疗", "免疫治疗"]


def _authors(rng: random.Random, fmt: str) -> str:
    names = []
    for _ in range(rng.randint(1, 3)):
        family = rng.choice(FAMILIES)
        initials = " ".join(rng.choice("ABCDEFGHJKLMNPRSTW") for _ in range(rng.randint(1, 2)))
        names.append(f"{family} {initials}" if fmt == "gb" else f"{family.title()} {initials.replace(' ', '')}")
    return ", ".join(names) + (", et al" if rng.random() < 0.6 else "")


def _title(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))).capitalize()


def entry(rng: random.Random, n: int) -> str:
    kind = rng.random()
    year = rng.randint(1995, 2026)
    if kind < 0.45:
        return (f"[{n}] {_authors(rng, 'gb')}. {_title(rng)} [J] . {rng.choice(JOURNALS)}, {year}, "
                f"{rng.randint(1, 400)}({rng.randint(1, 24)}): {rng.randint(1, 900)}–{rng.randint(901, 999)}.")
    if kind < 0.6:
        zh = "，".join(rng.sample(ZH_NAMES, 3)) + "，等"
        return (f"[{n}] {zh}. {''.join(rng.sample(ZH_WORDS, 3))}[J]. 中国癌症杂志，{year}，{rng.randint(1, 40)}"
                f"（{rng.randint(1, 12)}）：{rng.randint(1, 500)}-{rng.randint(501, 900)}.\n"
                f"{_authors(rng, 'gb')}. {_title(rng)} [J] . China Oncol, {year}, 32(9): 757-764.")
    if kind < 0.75:
        return (f"{n}. {_authors(rng, 'v')}. {_title(rng)}. {rng.choice(JOURNALS).strip('*')}. "
                f"{year};{rng.randint(1, 400)}({rng.randint(1, 24)}):{rng.randint(100, 900)}-{rng.randint(10, 99)}. "
                f"doi:10.1016/j.x.{year}.{rng.randint(1000, 9999)}")
    if kind < 0.85:
        return (f"[{n}] WHO Classification of Tumours Editorial Board. {_title(rng)} [M]. "
                f"{rng.randint(2, 5)}th ed. Lyon: IARC Press, {year}.")
    if kind < 0.95:
        return (f"[{n}] {_authors(rng, 'gb')}. {_title(rng)} [EB/OL]. ({year}-01-09) [{year}-08-25]. "
                f"<https://clinicaltrials.gov/show/NCT0{rng.randint(1000000, 9999999)}>.")
    return f"[{n}] {_authors(rng, 'gb')}. {_title(rng)} [J] . {rng.choice(JOURNALS)}, {year}, 31: S{rng.randint(100, 999)}-"


def make_list(n: int, seed: int = 7714) -> str:
    rng = random.Random(seed)
    lines = ["参考文献"]
    for i in range(1, n + 1):
        text = entry(rng, i)
        if text.endswith("-"):  # a page break inside the pages
            text += f"\n\n- {rng.randint(1000, 1100)}."
        lines.append(text)
    return "\n".join(lines) + "\n"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    text = make_list(n)
    refman.parse(make_list(200))  # warm up imports and regex caches
    # CPU time of this process: the machine is shared and noisy, wall time wanders.
    runs = []
    for _ in range(5):
        start = time.process_time()
        result = refman.parse(text)
        runs.append(time.process_time() - start)
    assert len(result.references) == n, (len(result.references), n)
    best, median = min(runs), statistics.median(runs)
    start = time.process_time()
    to_bibtex(list(result.references))
    write = time.process_time() - start
    print(f"references:            {n}")
    print(f"parse, CPU (median of 5): {median:.2f} s  = {n / median:,.0f} references/s (best {n / best:,.0f}/s)")
    print(f"BibTeX writing:        {write:.2f} s  = {n / write:,.0f} references/s")
    print(f"problems reported:     {len(result.problems)}")


if __name__ == "__main__":
    main()
