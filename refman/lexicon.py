"""Lexicons shipped as data: bilingual drug names, and abbreviations too generic to name a trial.

``refman/data/drugs.tsv`` maps every name of a drug (Chinese generic name, brand names,
development codes) to its English INN, so ``兰瑞肽`` in a Chinese claim and ``lanreotide`` in an
English title meet. Users extend it with a ``drugs.tsv`` of the same shape in their library
folder, or a file named by ``$REFMAN_DRUGS``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class DrugLexicon:
    """Name -> INN, with one compiled pattern that finds every name in a text."""

    inn_of: dict[str, str]  # lowercased name -> INN
    pattern: re.Pattern[str] | None

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """``[(inn, start, end), ...]`` for every drug named in ``text``, longest names first.

        >>> drugs().find("PROMID和CLARINET分别证实了长效奥曲肽和长效兰瑞肽")[0][0]
        'octreotide'
        """
        if self.pattern is None:
            return []
        out = []
        for m in self.pattern.finditer(text):
            out.append((self.inn_of[m[0].lower()], m.start(), m.end()))
        return out

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


def _compile(names: dict[str, str]) -> re.Pattern[str] | None:
    if not names:
        return None
    # Longest first, so 培非格司亭 wins over 非格司亭; Latin names only as whole words, so
    # "ATO" is not found inside "Dato-DXd".
    alternatives = []
    for name in sorted(names, key=len, reverse=True):
        escaped = re.escape(name)
        if re.match(r"[\w]", name, re.ASCII):
            alternatives.append(rf"(?<![A-Za-z0-9\-]){escaped}(?![A-Za-z0-9])")
        else:
            alternatives.append(escaped)
    return re.compile("|".join(alternatives), re.IGNORECASE)


def load_drugs(extra: list[Path] | tuple[Path, ...] = ()) -> DrugLexicon:
    names = _read_tsv(DATA / "drugs.tsv")
    for path in extra:
        if path.is_file():
            names.update(_read_tsv(path))
    return DrugLexicon(names, _compile(names))


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
    words = set()
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
