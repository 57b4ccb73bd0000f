"""``refman build``: documents in, the library out (one ``.bib`` and one ``.claims.json`` per document).

Keys are made unique across all the documents of the build and the library's other files, in
the order of the documents' names, so the same inputs always give the same keys. Each
reference gets the trial names its document's claims call it by (``keywords``), and the claims
with their sources are stored for lookup.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import parsing, read
from .document import link_document
from .errors import InputError, NoReferencesError, RefmanError
from .library.store import CLAIMS_SUFFIX, LibraryArg, open_library
from .linking.aliases import aliases, with_aliases
from .model import Problem, Reference

DOCUMENT_SUFFIXES = (".txt", ".md", ".text")


@dataclass(frozen=True)
class BuildResult:
    """What ``build`` did: the files written, the references in them, and the problems."""

    written: tuple[Path, ...]  # the .bib files (a .claims.json is written beside each)
    references: tuple[Reference, ...]
    problems: tuple[Problem, ...]
    skipped: tuple[str, ...] = ()  # documents without a reference list


def documents(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The documents named by ``paths``: files as given, folders by their text files."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(q for q in p.iterdir() if q.is_file() and q.suffix in DOCUMENT_SUFFIXES))
        elif p.exists():
            out.append(p)
        else:
            raise InputError(f"{p}: no such file or folder")
    return out


def build(paths: Iterable[str | os.PathLike[str]] = ("seeds",), library: LibraryArg = None,
          *, strict: bool = False) -> BuildResult:
    """Parse every document and write one BibTeX file per document into the library.

    Documents without a reference list are reported in ``skipped``; hand-made ``.bib`` files
    in the library are left alone.
    """
    lib = open_library(library)
    docs = documents(paths)
    stems: dict[str, Path] = {}
    for doc in docs:
        if doc.stem in stems and stems[doc.stem] != doc:
            raise RefmanError(f"{doc} and {stems[doc.stem]} would both be written to {doc.stem}.bib; "
                              "rename one of them")
        stems[doc.stem] = doc
    taken = lib.keys(excluding=set(stems)) if lib.path.is_dir() else set()
    drugs = lib.drugs()
    written: list[Path] = []
    built: list[Reference] = []
    problems: list[Problem] = []
    skipped: list[str] = []
    for doc in docs:
        text = read.read_path(doc).text
        try:
            result = parsing.parse(text, source=doc.name, strict=strict, taken=taken)
        except NoReferencesError:
            skipped.append(doc.name)
            continue
        refs = list(result.references)
        taken.update(r.key for r in refs)
        problems.extend(Problem(p.code, f"{doc.name}: {p.message}", p.number, p.severity)
                        for p in result.problems)
        linked = link_document(doc.name, text, result.body, refs, [], drugs)
        refs = with_aliases(refs, aliases([c.claim for c in linked.claims], {r.number: r for r in refs
                                                                              if r.number is not None}))
        claims = [c.to_dict() for c in linked.claims if c.sources]
        claims_json = json.dumps({"document": doc.name, "claims": claims}, ensure_ascii=False, indent=1) + "\n"
        written.append(lib.write(doc.stem, refs, claims_json))
        built.extend(refs)
    return BuildResult(tuple(written), tuple(built), tuple(problems), tuple(skipped))


__all__ = ["CLAIMS_SUFFIX", "BuildResult", "build", "documents"]
