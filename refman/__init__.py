"""refman: a citation and reference manager for medical literature in Chinese and English.

The same verbs as the command line, for notebooks and writing scripts::

    import refman
    result = refman.parse(open("review.txt", encoding="utf-8").read())
    for ref in result:
        print(ref.key, ref.title)
    refman.build(["seeds"])                   # write ./references
    print(refman.lookup("CLARINET")[0].key)   # caplin2014lanreotide
    for item in refman.claims("draft.txt"):
        print(item.claim.text, [s.key for s in item.sources])

The names are loaded on first use, so ``import refman`` and ``refman --help`` stay fast.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# public name -> the module that defines it
_EXPORTS = {
    "parse": "parsing", "parse_file": "parsing",
    "build": "builder", "BuildResult": "builder",
    "export": "library.export", "lookup": "library.search", "closest": "library.search",
    "Library": "library.store", "open_library": "library.store",
    "claims": "document", "check": "document", "analyse": "document", "link": "document",
    "write": "formats",
    "Reference": "model", "Name": "model", "Problem": "model", "ParseResult": "model",
    "Claim": "model", "Evidence": "model", "Link": "model", "LinkedClaim": "model", "Match": "model",
    "Document": "model", "Finding": "model",
    "RefmanError": "errors", "InputError": "errors", "LibraryError": "errors",
    "NoReferencesError": "errors", "StrictModeError": "errors",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str):
    if name in _EXPORTS:
        module = importlib.import_module(f".{_EXPORTS[name]}", __name__)
        value = getattr(module, name)
        globals()[name] = value  # once loaded, a plain attribute
        return value
    raise AttributeError(f"module 'refman' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
