"""The formats references are written in (and, for BibTeX, read from): one table of writers.

``write(refs, "csl-json")`` is how every command and the library export; ``WRITERS`` names the
formats a user can ask for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..errors import InputError
from ..model import Reference


def _bibtex(refs: Sequence[Reference]) -> str:
    from .bibtex import to_bibtex

    return to_bibtex(list(refs))


def _csl_json(refs: Sequence[Reference]) -> str:
    from .csl import to_csl_json

    return to_csl_json(refs)


def _ris(refs: Sequence[Reference]) -> str:
    from .ris import to_ris

    return to_ris(refs)


def _json(refs: Sequence[Reference]) -> str:
    from .refjson import to_json

    return to_json(refs)


# format name -> writer; the imports wait until a format is asked for (bibtexparser is slow to load)
WRITERS: dict[str, Callable[[Sequence[Reference]], str]] = {
    "bibtex": _bibtex, "csl-json": _csl_json, "ris": _ris, "json": _json,
}


def write(refs: Sequence[Reference], fmt: str = "bibtex") -> str:
    """References as text in one of ``WRITERS``' formats.

    >>> print(write([Reference(raw="", key="who2019breast", entry_type="book", title="Breast tumours",
    ...                        year="2019")], "ris"))
    TY  - BOOK
    ID  - who2019breast
    TI  - Breast tumours
    PY  - 2019
    LA  - en
    ER  -
    <BLANKLINE>
    """
    try:
        writer = WRITERS[fmt]
    except KeyError:
        raise InputError(f"unknown format {fmt!r}; use {', '.join(WRITERS)}") from None
    return writer(list(refs))
