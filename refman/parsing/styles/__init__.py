"""One parser per citation style, chosen per entry, with a fallback that never loses text.

``parse_entry`` is the only door: it cleans the entry, asks each style whether the entry is
its own (GB/T 7714 by its type code, Vancouver by its journal locator), and degrades to the
fallback when none claims it or when a parser trips over something unforeseen.
"""

from __future__ import annotations

import re

from ...model import Problem, Reference
from ...vocab.script import YEAR, YEAR_RE
from .. import normalize
from . import authordate, fallback, gbt7714, vancouver

# A GB/T journal entry whose type code was left out: ". 中华肿瘤杂志, 2020, 42(3): 200-205".
_UNTYPED_GB_JOURNAL = re.compile(
    rf"\.\s+(?=[^.]{{2,120}}?,\s*{YEAR}\s*(?:,\s*[\w\-]+)?\s*(?:\([^)]*\))?\s*:\s*[A-Za-z]?\d)"
)


def parse_entry(text: str, *, number: int | None = None, translation: str = "",
                source: str = "") -> tuple[Reference, list[Problem]]:
    """Parse one entry's text into a ``Reference``, with any problems found.

    >>> ref, problems = parse_entry("WHO Classification of Tumours Editorial Board. WHO classification "
    ...                             "of tumours of digestive system [M]. Lyon: IARC Press, 2019.", number=2)
    >>> ref.entry_type, ref.authors[0].bibtex(), ref.place, ref.publisher, ref.year, problems
    ('book', '{WHO Classification of Tumours Editorial Board}', 'Lyon', 'IARC Press', '2019', [])
    """
    problems: list[Problem] = []
    cleaned = normalize.clean(text)
    try:
        ref = _parse_cleaned(cleaned)
    except Exception as exc:  # a parser bug must cost structure, never the entry
        problems.append(Problem("parser-error", f"parser failed ({type(exc).__name__}: {exc}); "
                                "kept as unparsed text", number))
        ref = fallback.parse(cleaned)
    if ref.style == "fallback":
        problems.append(Problem("no-style", "fits no citation style; kept with its text in note",
                                number))
        if not ref.note and cleaned != ref.title:
            ref = ref.with_fields(note=cleaned)
    if not ref.title:
        problems.append(Problem("no-title", "no title found", number))
    if not ref.year:
        problems.append(Problem("no-year", "no year found", number))
    ref = ref.with_fields(raw=text, number=number, source=source)
    if translation:
        english, more = parse_entry(translation, number=number, source=source)
        ref = ref.with_fields(translation=english)
        problems.extend(p for p in more if p.code not in ("no-year",))
    return ref, problems


def _parse_cleaned(cleaned: str) -> Reference:
    if gbt7714.matches(cleaned):
        return gbt7714.parse(cleaned)
    # Several styles may claim an entry; the reading that finds the most of a reference wins
    # (the first, the more specific style, on a tie). A reading that found everything cannot
    # be beaten, so the later styles are not tried: most Vancouver entries stop at the first.
    best, best_score = None, -1
    for read in _READINGS:
        ref = read(cleaned)
        if ref is None:
            continue
        score = plausibility(ref)
        if score > best_score:
            best, best_score = ref, score
        if best_score >= _COMPLETE:
            break
    return best if best is not None and best_score >= 4 else fallback.parse(cleaned)


def _vancouver(cleaned: str) -> Reference | None:
    return vancouver.parse(cleaned) if vancouver.matches(cleaned) else None


def _untyped_gb_journal(cleaned: str) -> Reference | None:
    m = _UNTYPED_GB_JOURNAL.search(cleaned)
    if not m:
        return None
    ref = gbt7714.parse(cleaned[: m.start()] + "[J]" + cleaned[m.start():])
    return ref.with_fields(raw=cleaned, type_code="J", note=_join(ref.note, "type code [J] inferred"))


def _authordate(cleaned: str) -> Reference | None:
    return authordate.parse(cleaned) if authordate.matches(cleaned) else None


_READINGS = (_vancouver, _untyped_gb_journal, _authordate)
# The highest plausibility a reading can score: authors, title, year, container, volume, pages.
_COMPLETE = 12


def plausibility(ref: Reference) -> int:
    """How much of a reference a reading found: authors, a title of title length, a year,
    a container with its locator or a publisher. A title that swallowed the locator or the
    author list counts against it.

    >>> from refman.model import Name
    >>> plausibility(Reference(raw="", authors=(Name("Caplin", "M. E."),), title="Lanreotide in NETs",
    ...              year="2014", container="N Engl J Med", volume="371", pages="224-233"))
    12
    """
    score = 0
    if ref.authors or ref.editors:
        score += 3 if not any(n.corporate and len(n.family.split()) > 8 for n in ref.authors) else 1
    if 3 <= len(ref.title) <= 400:
        score += 3
        if YEAR_RE.search(ref.title) and re.search(r"\d[;:(]\s*\d", ref.title):
            score -= 4  # "Title. Journal 2010;12:3": the locator stayed in the title
    if ref.year:
        score += 2
    if ref.container:
        score += 2 if len(ref.container) <= 200 and not re.search(rf"{YEAR}\s*[;,]\s*\d", ref.container) else -2
    if ref.volume or ref.issue:
        score += 1
    if ref.pages:
        score += 1
    if ref.publisher and not ref.container:
        score += 3 if ref.place else 2
    return score


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)
