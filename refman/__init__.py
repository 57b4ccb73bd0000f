"""refman: a citation and reference manager for medical literature in Chinese and English.

The same verbs as the command line, for notebooks and writing scripts::

    import refman
    result = refman.parse(open("review.txt", encoding="utf-8").read())
    for ref in result:
        print(ref.key, ref.title)
    refman.build(["seeds"])                  # write ./references
    print(refman.export(fmt="csl-json"))     # the library as CSL-JSON

Heavy modules (bibtexparser, rapidfuzz) are imported only by the functions that need them,
so ``import refman`` and ``refman --help`` stay fast.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import InputError, LibraryError, NoReferencesError, RefmanError, StrictModeError
from .document import Document, Finding, analyse, check, claims, link
from .library import BuildResult, Library, build, export, lookup
from .linking import Link, LinkedClaim
from .search import Match
from .model import Name, ParseResult, Problem, Reference
from .pipeline import parse, parse_file

__all__ = [
    "__version__", "parse", "parse_file", "build", "export", "claims", "check", "analyse", "lookup",
    "link", "Library", "BuildResult", "Document", "Finding", "Link", "LinkedClaim", "Match",
    "Reference", "Name", "Problem", "ParseResult", "RefmanError", "InputError", "LibraryError",
    "NoReferencesError", "StrictModeError",
]
