"""``refman export``: the whole library in one format."""

from __future__ import annotations

from ..formats import write
from .store import LibraryArg, open_library


def export(library: LibraryArg = None, fmt: str = "bibtex") -> str:
    """The whole library as text: ``bibtex`` (the files as they are), ``csl-json``, ``ris`` or
    ``json`` (refman's own fields)."""
    lib = open_library(library)
    if fmt == "bibtex":
        return lib.bibtex()
    return write(lib.references(), fmt)
