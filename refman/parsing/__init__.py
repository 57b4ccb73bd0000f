"""The parsing stage: find -> split -> parse each entry -> key (reading is ``refman.read``).

``parse(text)`` reads like the pipeline it runs. Every reference in the input comes out, in
input order; what a stage could not do is returned as ``Problem`` data beside the references.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import replace

from .. import read
from ..errors import NoReferencesError, StrictModeError
from ..model import ParseResult
from . import find, keys, split, styles


def parse(text: str, *, source: str = "", strict: bool = False, taken: Iterable[str] = (),
          name: str = "") -> ParseResult:
    """Parse a whole document, or a bare reference list, into references.

    >>> result = parse("[1] CAPLIN M E, PAVEL M, ĆWIKŁA J B, et al. Lanreotide in metastatic "
    ...                "enteropancreatic neuroendocrine tumors [J]. *N Engl J Med*, 2014, 371(3): 224-233.")
    >>> [(r.number, r.key, r.container, r.pages) for r in result]
    [(1, 'caplin2014lanreotide', 'N Engl J Med', '224-233')]

    ``source`` names the document in each reference's provenance (empty for text from nowhere,
    such as standard input); ``name`` names it in error messages (default: ``source``); keys
    are chosen unique against ``taken`` (a library's keys).
    Raises ``NoReferencesError`` when the text holds no reference list, and under
    ``strict=True`` ``StrictModeError`` when any entry needed a repair it could not make.
    """
    where = name or source or "the input"
    located = find.locate(text)
    if not located.lines:
        raise NoReferencesError(f"{where}: no reference list found (looked for a heading such as "
                                "参考文献 or References, a numbered list, or a citation line)")
    raw_entries, problems = split.split_entries(located.lines)
    if not raw_entries:
        raise NoReferencesError(f"{where}: a reference heading was found but no entries under it")
    if all(e.number is None for e in raw_entries):
        # An unnumbered list: an entry's place in it is its number, for provenance and checks.
        raw_entries = [replace(e, number=i) for i, e in enumerate(raw_entries, 1)]
    references = []
    for entry in raw_entries:
        ref, entry_problems = styles.parse_entry(entry.text, number=entry.number,
                                                 translation=entry.translation, source=source)
        references.append(ref)
        problems.extend(entry_problems)
    references = keys.assign_keys(references, taken)
    if strict and problems:
        raise StrictModeError(f"{where}: {len(problems)} problem(s), first: {problems[0]}")
    return ParseResult(tuple(references), tuple(problems), located.body)


def parse_file(path: str | os.PathLike[str], *, strict: bool = False, taken: Iterable[str] = ()) -> ParseResult:
    """Read a file (any supported format and encoding) and parse it; ``source`` is the file's name."""
    text = read.read_path(path)
    return parse(text.text, source=os.path.basename(str(path)), strict=strict, taken=taken)
