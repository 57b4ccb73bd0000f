"""The parser of last resort: it keeps every word of an entry that fits no style.

It still finds what can be found without a grammar (identifiers, an author list at the
start, a year, the first sentence as a title) and puts everything else into ``note``, so a
mangled entry costs nothing but its structure.
"""

from __future__ import annotations

import re

from ...model import Reference
from ...vocab.script import YEAR, language_of
from .common import lift_identifiers, make_reference, split_authors, tidy


def parse(text: str) -> Reference:
    """Best-effort fields plus the unparsed remainder in ``note``.

    >>> ref = parse("Smith J. Some untitled memo, private communication, 2019")
    >>> ref.authors[0].bibtex(), ref.title, ref.year, ref.note
    ('Smith, J.', 'Some untitled memo, private communication, 2019', '2019', '')
    """
    ids = lift_identifiers(text)
    authors, rest, paren_year = split_authors(ids.rest)
    title, _, remainder = rest.partition(". ")
    years = re.findall(rf"(?<![\d-]){YEAR}(?![\d-])", ids.rest)
    notes = list(ids.notes)
    if tidy(remainder):
        notes.append(tidy(remainder))
    fields = {"authors": authors.names if authors else (), "et_al": authors.et_al if authors else False,
              "title": title.strip().rstrip("."),
              "year": paren_year or (years[0] if years else "") or ids.updated[:4], "notes": notes}
    return make_reference(text, ids, fields, style="fallback",
                          entry_type="online" if ids.url else "misc", type_code="EB" if ids.url else "",
                          language=language_of(rest))
