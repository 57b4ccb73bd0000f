"""Citation markers: ``^[4-5]``, ``[13-16]``, ``[4,7]``, ``^{[4]}``, ``<sup>4</sup>``, ``¹²``, ``(3)``.

A marker names entries of the document's own list by number; ``find_markers`` finds every one
in a sentence with the numbers it names (ranges expanded) and where it stands.
"""

from __future__ import annotations

import re

from ..model import Marker
from ..vocab.script import HAN

_NUMS = r"\d{1,4}(?:\s*[-–—~～,，、]\s*\d{1,4})*"
MARKER = re.compile(
    rf"""\^\{{\s*\[(?P<a>{_NUMS})\]\s*\}}          # ^{{[4]}}
      | \^\[(?P<b>{_NUMS})\]                      # ^[4-5]
      | <sup>\s*\[?(?P<c>{_NUMS})\]?\s*</sup>     # <sup>4</sup>
      | (?<![0-9_\]])\[(?P<d>{_NUMS})\](?!\s*[=(:])  # [4,7], worldwide[1]; not "[2] =" or a link
      | ［(?P<e>{_NUMS})］ | 【(?P<f>{_NUMS})】
      | (?<=[^\W\d_]|[)\]”’"'.,;:。，；])(?P<g>[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[⁻,،‒–-][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*)
      # Vancouver's "(1)" / "(2,3)" at the end of a clause; "(1) first ..." enumerations are not
      | (?<=\S\s)[(（](?P<h>{_NUMS})[)）](?=\s*(?:[.;,。；，]|$))
      # superscripts flattened by PDF extraction: "worldwide.1 In ...", "P = .0046).2 Nivolumab"
      | (?<=[A-Za-z)\]]\.)(?P<i>\d{{1,3}}(?:[,–-]\d{{1,3}})*)(?=\s+[A-Z{HAN}]|\s*$)
    """,
    re.X,
)
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
# Superscripts after these are exponents and units, not citations: m², 10⁹, CD8⁺.
_UNIT_BEFORE = re.compile(r"(?:\b(?:m|cm|mm|km|μm|um|dm|ft|in|s|h|g|kg|l|L|mL)|\d)$")


def expand(numbers: str) -> tuple[int, ...]:
    """``'4-5'`` -> ``(4, 5)``; ``'4, 7-9'`` -> ``(4, 7, 8, 9)``; absurd ranges stay as their ends.

    >>> expand("13-16"), expand("4,7"), expand("4, 7-9")
    ((13, 14, 15, 16), (4, 7), (4, 7, 8, 9))
    """
    out: list[int] = []
    for part in re.split(r"\s*[,，、]\s*", numbers.translate(_SUPERSCRIPT)):
        bounds = [int(p) for p in re.split(r"\s*[-–—~～‒]\s*", part) if p.strip().isdigit()]
        if len(bounds) == 2 and 0 < bounds[1] - bounds[0] <= 50:
            out.extend(range(bounds[0], bounds[1] + 1))
        else:
            out.extend(bounds)
    return tuple(dict.fromkeys(out))


def find_markers(text: str, offset: int = 0, positions: list[int] | None = None) -> list[Marker]:
    """Every citation marker in ``text``; superscript exponents and units are skipped.

    ``positions`` maps each character of ``text`` to its offset in the document when the text
    was put together from several lines; otherwise ``offset`` is added.
    """
    out = []
    for m in MARKER.finditer(text):
        group = next(g for g in "abcdefghi" if m[g])
        if group == "g" and _UNIT_BEFORE.search(text[: m.start()]):
            continue
        numbers = expand(m[group])
        # A number that reads as a year ("[2019]") stays a marker only where the list is that
        # long: linking drops it otherwise (see linking.drop_year_markers).
        if numbers and all(n < 10000 for n in numbers):
            if positions:
                start, end = positions[m.start()], positions[m.end() - 1] + 1
            else:
                start, end = m.start() + offset, m.end() + offset
            out.append(Marker(m[0], start, end, numbers, m.start(), _STYLE[group]))
    return out


_STYLE = {"a": "caret", "b": "caret", "c": "sup", "d": "bracket", "e": "bracket", "f": "bracket",
          "g": "superscript", "h": "paren", "i": "flattened"}
