"""Lexicons shipped as data: bilingual drug names, and abbreviations too generic to name a trial.

``refman/data/drugs.tsv`` maps every name of a drug (Chinese generic name, brand names,
development codes) to its English INN, so ``兰瑞肽`` in a Chinese claim and ``lanreotide`` in an
English title meet. Users extend it with a ``drugs.tsv`` of the same shape in their library
folder, or a file named by ``$REFMAN_DRUGS``.
"""

from __future__ import annotations

import itertools
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .script import HAN_RUN

DATA = Path(__file__).resolve().parent.parent / "data"


_LATIN_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-]*")


@dataclass(frozen=True)
class DrugLexicon:
    """Name -> INN, looked up word by word (Latin names, up to four words) and by substring
    (Chinese names), longest first, so 培非格司亭 wins over 非格司亭 and "ATO" is not found
    inside "Dato-DXd"."""

    inn_of: dict[str, str]  # lowercased name -> INN
    latin: dict[str, str]  # "trastuzumab deruxtecan" -> INN
    cjk: dict[str, str]  # "兰瑞肽" -> INN
    other: re.Pattern[str] | None  # the few names with other punctuation: 5-FU/LV, (177Lu)
    longest_latin: int = 4
    longest_cjk: int = 12

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """``[(inn, start, end), ...]`` for every drug named in ``text``, in text order.

        >>> drugs().find("PROMID和CLARINET分别证实了长效奥曲肽和长效兰瑞肽")[0][0]
        'octreotide'
        """
        out: list[tuple[str, int, int]] = []
        text = text.replace("–", "-")  # same length: offsets hold
        if not text.isascii():
            for run in HAN_RUN.finditer(text):
                s, chars = run.start(), run[0]
                i = 0
                while i < len(chars) - 1:
                    for size in range(min(self.longest_cjk, len(chars) - i), 1, -1):
                        inn = self.cjk.get(chars[i:i + size])
                        if inn:
                            out.append((inn, s + i, s + i + size))
                            i += size
                            break
                    else:
                        i += 1
        tokens = list(_LATIN_TOKEN.finditer(text))
        i = 0
        while i < len(tokens):
            for size in range(min(self.longest_latin, len(tokens) - i), 0, -1):
                group = tokens[i:i + size]
                # the words must stand next to each other, separated by single spaces
                if size > 1 and any(text[a.end():b.start()] != " " for a, b in itertools.pairwise(group)):
                    continue
                inn = self.latin.get(" ".join(t[0].lower() for t in group))
                if inn:
                    out.append((inn, group[0].start(), group[-1].end()))
                    i += size
                    break
            else:
                i += 1
        if self.other is not None:
            out.extend((self.inn_of[m[0].lower()], m.start(), m.end()) for m in self.other.finditer(text))
        return sorted(out, key=lambda t: t[1])

    def inns(self, text: str) -> set[str]:
        return {inn for inn, _, _ in self.find(text)}


def _read_tsv(path: Path) -> dict[str, str]:
    names: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if cols[0].strip().lower() == "inn" or len(cols) < 2:
            continue  # the header
        inn = cols[0].strip().lower()
        for name in [cols[0], cols[1]] + (cols[2].split("|") if len(cols) > 2 else []):
            name = name.strip()
            if len(name) >= 2:
                names.setdefault(name.lower(), inn)
    return names


def load_drugs(extra: list[Path] | tuple[Path, ...] = ()) -> DrugLexicon:
    names = _read_tsv(DATA / "drugs.tsv")
    for path in extra:
        if path.is_file():
            names.update(_read_tsv(path))
    latin, cjk, other = {}, {}, []
    for name, inn in list(names.items()):
        if "/" in name:  # "trifluridine/tipiracil" is also written "trifluridine-tipiracil"
            for sep in ("-", " "):
                names.setdefault(name.replace("/", sep), inn)
    for name, inn in names.items():
        if HAN_RUN.fullmatch(name):
            cjk[name] = inn
        elif re.fullmatch(r"[a-z0-9][a-z0-9\-]*(?: [a-z0-9][a-z0-9\-]*){0,3}", name):
            latin[name] = inn
        else:  # mixed scripts or punctuation: a plain search, few of them
            other.append(name)
    pattern = None
    if other:
        alternatives = [rf"(?<![A-Za-z0-9]){re.escape(n)}(?![A-Za-z0-9])" if n.isascii() else re.escape(n)
                        for n in sorted(other, key=len, reverse=True)]
        pattern = re.compile("|".join(alternatives), re.IGNORECASE)
    return DrugLexicon(names, latin, cjk, pattern,
                       max((n.count(" ") + 1 for n in latin), default=1),
                       max((len(n) for n in cjk), default=2))


@lru_cache(maxsize=8)
def drugs(library_folder: str | None = None) -> DrugLexicon:
    """The shipped lexicon plus a library's own ``drugs.tsv`` and ``$REFMAN_DRUGS``."""
    extra = []
    if library_folder:
        extra.append(Path(library_folder) / "drugs.tsv")
    if os.environ.get("REFMAN_DRUGS"):
        extra.append(Path(os.environ["REFMAN_DRUGS"]))
    return load_drugs(tuple(extra))


@lru_cache(maxsize=1)
def generic_abbreviations() -> frozenset[str]:
    """Abbreviations of medicine and statistics that never name a trial by themselves."""
    words: set[str] = set()
    for line in (DATA / "abbreviations.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.update(w.upper() for w in line.split())
    return frozenset(words)


@lru_cache(maxsize=1)
def _journal_table() -> dict[str, tuple[str, ...]]:
    """Journal (as cited) -> the names Chinese writers give it: N Engl J Med -> 新英格兰医学杂志."""
    table: dict[str, list[str]] = {}
    path = DATA / "journals.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        names = [c.strip() for c in cols[1].split("|")] if len(cols) > 1 else []
        for abbrev in cols[0].split("|"):
            table.setdefault(abbrev.strip().lower(), []).extend(names)
    return {k: tuple(v) for k, v in table.items()}


def journal_names(container: str) -> tuple[str, ...]:
    """Other names of a journal in Chinese and in full."""
    return _journal_table().get(container.strip().lower(), ())


@lru_cache(maxsize=1)
def chinese_surnames() -> dict[str, int]:
    """Common Chinese surnames, single and compound, with their rank by frequency
    (``data/surnames.txt`` lists them most common first)."""
    names: dict[str, int] = {}
    for line in (DATA / "surnames.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            for name in line.split():
                names.setdefault(name, len(names))
    return names


@lru_cache(maxsize=1)
def backbone_drugs() -> frozenset[str]:
    """INNs of drugs that accompany the studied treatment in countless trials."""
    lines = (DATA / "backbone_drugs.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))
