"""Citation markers: ``^[4-5]``, ``[13-16]``, ``[4,7]``, ``^{[4]}``, ``<sup>4</sup>``, ``¹²``, ``(3)``,
converter LaTeX ``^ { [ 1 1 ] }``, and damaged ones (``[4研究``, ``[1o]``) read where the number
is plain, with the style ``damaged`` so that ``check`` reports them.

A marker names entries of the document's own list by number; ``find_markers`` finds every one
in a sentence with the numbers it names (ranges expanded) and where it stands.
"""

from __future__ import annotations

import re

from ..model import Marker
from ..vocab.script import HAN

# Numbers, ranges and lists; "\~" is a markdown converter's escaped tilde ("[17\~19]").
_NUMS = r"\d{1,4}(?:\s*\\?[-–—~～,，、]\s*\d{1,4})*"
# In converter LaTeX every token stands apart: "[ 1 1 ]" is [11], "[ 1 9 , 2 1 ]" is [19,21].
_SPACED_NUMS = r"\d(?:\s\d){0,3}(?:\s*[-–~,，]\s*\d(?:\s\d){0,3})*"
MARKER = re.compile(
    rf"""\^\{{\s*\[(?P<a>{_NUMS})\]\s*\}}          # ^{{[4]}}
      | \^\[(?P<b>{_NUMS})\]                      # ^[4-5]
      | <sup>\s*\[?(?P<c>{_NUMS})\]?\s*</sup>     # <sup>4</sup>
      # [4,7], worldwide[1], [ 4 ], "$n$[14]"; not "[2] =", a link "[2](url)", nor math "$[0,1]$"
      | (?<![0-9_\]])\[\s?(?P<d>{_NUMS})\s?\](?!\s*[=:]|[($])
      | ［(?P<e>{_NUMS})］ | 【(?P<f>{_NUMS})】
      # a bracket closing a LaTeX superscript group: "^ {{ [ 1 ] }}", "^ {{ 2 [ 1 1 ] }}" (km² [11]),
      # "^ {{ \circ [ 1 9 , 2 1 ] }}", "^ {{ \left[ 5 \right] }}"
      | (?:\\left\s*)?\[\s*(?P<k>{_SPACED_NUMS})\s*(?:\\right\s*)?\]\s*\}}
      # damaged: a bracket the converter lost ("王姣妍等[4研究", "[6-7通过", "[9，"), or letters
      # for digits ("Propastin[1o]"); read, and reported by check
      | (?<![0-9A-Za-z_\]$])\[(?P<l>\d{{1,3}}(?:[-–,，]\d{{1,3}})?)(?=[{HAN}，。；、]|[A-Za-z]{{2}})
      | (?<![0-9_\]])\[(?P<m>\d{{0,2}}[oOlI]\d{{0,2}}|[oOlI]\d{{1,2}})\]
      | (?<=[^\W\d_]|[)\]”’"'.,;:。，；])(?P<g>[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[⁻,،‒–-][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*)
      # Vancouver's "(1)" / "(2,3)" at the end of a clause; "(1) first ..." enumerations are not
      | (?<=\S\s)[(（](?P<h>{_NUMS})[)）](?=\s*(?:[.;,。；，]|$))
      # superscripts flattened by PDF extraction: "worldwide.1 In ...", "P = .0046).2 Nivolumab"
      | (?<=[A-Za-z)\]]\.)(?P<i>\d{{1,3}}(?:[,–-]\d{{1,3}})*)(?=\s+[A-Z{HAN}]|\s*$)
    """,
    re.X,
)
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_OCR_DIGITS = str.maketrans("oOlI", "0011")
_SPACE_IN_NUMBER = re.compile(r"(?<=\d)\s(?=\d)")
# Superscripts after these are exponents and units, not citations: m², 10⁹, CD8⁺.
_UNIT_BEFORE = re.compile(r"(?:\b(?:m|cm|mm|km|μm|um|dm|ft|in|s|h|g|kg|l|L|mL)|\d)$")


def expand(numbers: str) -> tuple[int, ...]:
    """``'4-5'`` -> ``(4, 5)``; ``'4, 7-9'`` -> ``(4, 7, 8, 9)``; absurd ranges stay as their ends.

    >>> expand("13-16"), expand("4,7"), expand("4, 7-9")
    ((13, 14, 15, 16), (4, 7), (4, 7, 8, 9))
    """
    out: list[int] = []
    numbers = _SPACE_IN_NUMBER.sub("", numbers.translate(_SUPERSCRIPT)).replace("\\", "").translate(_OCR_DIGITS)
    for part in re.split(r"\s*[,，、]\s*", numbers):
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
        group = next(g for g in "abcdefghiklm" if m[g])
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
          "g": "superscript", "h": "paren", "i": "flattened", "k": "math", "l": "damaged", "m": "damaged"}
