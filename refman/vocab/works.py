"""Whether two references are the same work: one rule for the check report, the document's own
list against the library, and lookup's one-result-per-paper.

The same DOI is the same work. Otherwise the titles must agree (fuzzily: a typo, a dropped
word, different punctuation) in the same year, with the same numbers in them ("part 1" and
"part 2" are two works), and the same first author or journal; or two entries must point to
the same page of the same volume of the same journal.
"""

from __future__ import annotations

import re

from ..model import Reference


def title_key(title: str) -> str:
    """A title with case, spaces and punctuation removed: the exact identity of a title."""
    return re.sub(r"\W+", "", title.lower())


def same_work(a: Reference, b: Reference) -> str:
    """Why ``a`` and ``b`` are the same work (``'doi'``, ``'title'``, ``'place'``), or ``''``.

    >>> x = Reference(raw="", title="Lanreotide in metastatic enteropancreatic neuroendocrine tumors",
    ...               year="2014", container="N Engl J Med")
    >>> same_work(x, x.with_fields(title="Lanreotide in metastatic entero-pancreatic neuroendocrine tumours"))
    'title'
    >>> same_work(x.with_fields(title="CLARINET part 1"), x.with_fields(title="CLARINET part 2"))
    ''
    """
    from rapidfuzz import fuzz

    if a.doi and b.doi:
        return "doi" if a.doi.lower() == b.doi.lower() else ""
    if a.title and b.title and a.year == b.year \
            and fuzz.ratio(a.title.lower(), b.title.lower()) >= 92 \
            and re.findall(r"\d+", a.title) == re.findall(r"\d+", b.title) \
            and (_first_family(a) == _first_family(b) or a.container.lower() == b.container.lower()):
        return "title"
    if a.year and a.year == b.year and a.volume and a.volume == b.volume and a.pages \
            and a.pages.split("-")[0] == b.pages.split("-")[0] and a.container.lower() == b.container.lower():
        return "place"
    return ""


def _first_family(ref: Reference) -> str:
    names = ref.authors or ref.editors
    return names[0].family.lower() if names else ""
