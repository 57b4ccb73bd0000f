"""A document as a writer sees it: its own reference list, its claims, their sources.

``claims(path)`` reads a draft, parses its list (if it has one), splits the body into claims
and links each to sources in the document's list and in the library; ``check(path)`` turns that
into the integrity report an editor runs before submission. These are the use cases; the rules
live in ``refman.linking``.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import parsing, read
from .errors import NoReferencesError
from .library.store import Library, LibraryArg, open_library
from .linking.aliases import aliases, with_aliases
from .linking.check import check_document
from .linking.evidence import EvidenceIndex
from .linking.link import link_claims
from .linking.sentences import split_claims
from .model import Document, Finding, LinkedClaim, Reference
from .vocab import lexicon
from .vocab.works import same_work


def analyse(document: str | os.PathLike[str], library: LibraryArg = None, *, text: str | None = None,
            name: str | None = None) -> Document:
    """Parse, split into claims and link one document against its list and the library.

    ``library`` is a ``Library``, a folder, or ``None`` for the default library (when it
    exists: a document is analysed alone otherwise).
    """
    if text is None:
        text = read.read_path(document).text
        name = name or Path(document).name
    name = name or str(document)
    lib = open_library(library)
    library_refs = lib.references() if lib.path.is_dir() else []
    try:
        result = parsing.parse(text, source=name, taken=_keys_taken(name, library_refs))
        own, body = _library_keys(name, list(result.references), library_refs), result.body
    except NoReferencesError:
        own, body = [], text
    return link_document(name, text, body, own, library_refs, lib.drugs())


def _keys_taken(name: str, library_refs: list[Reference]) -> set[str]:
    """The keys a document's entries must not take: the library's, except its own entries'."""
    return {r.key for r in library_refs if r.source != name}


def _library_keys(name: str, own: list[Reference], library_refs: list[Reference]) -> list[Reference]:
    """A document built into the library gets the keys (and aliases) the library gave its entries."""
    built = [r for r in library_refs if r.source == name]
    if own and len(built) == len(own) and all(a.number == b.number for a, b in zip(own, built, strict=True)):
        return [r.with_fields(key=b.key, aliases=b.aliases) for r, b in zip(own, built, strict=True)]
    return own


def link_document(name: str, text: str, body: str, own: list[Reference], library_refs: list[Reference],
                  drugs: lexicon.DrugLexicon | None = None) -> Document:
    """Split a parsed document's body into claims and link them (the second half of ``analyse``,
    for callers that already hold the parsed references)."""
    drugs = drugs or lexicon.drugs()
    found = split_claims(body, document=name, drug_lexicon=drugs)
    # The names this document gives its sources ("RESONATE研究²") identify them in its
    # sentences without markers too.
    own = with_aliases(own, aliases(found, _by_number(own)))
    own_keys = {r.key for r in own}
    candidates = own + [r for r in library_refs if r.key not in own_keys and r.source != name
                        and not any(same_work(r, mine) for mine in own)]
    linked = link_claims(found, _by_number(own), EvidenceIndex(candidates, drugs))
    return Document(name, text, tuple(own), tuple(linked))


def _by_number(refs: list[Reference]) -> dict[int, Reference]:
    """Number -> entry; a number given twice resolves to its first entry (check reports it)."""
    out: dict[int, Reference] = {}
    for r in refs:
        if r.number is not None:
            out.setdefault(r.number, r)
    return out


def link(body: str, references: list[Reference] | tuple[Reference, ...],
         library_refs: list[Reference] | tuple[Reference, ...] = (), *, document: str = "") -> list[LinkedClaim]:
    """Link the claims of ``body`` to ``references`` (the document's list, which markers name)
    and ``library_refs`` (other candidates for evidence): ``claims`` for text already in hand.

    >>> from refman.model import Reference
    >>> ref = Reference(raw="", key="liu2026anbenitamab", number=1, title="Anbenitamab in previously "
    ...                 "treated HER2-positive gastric cancer (KC-WISE)", year="2026")
    >>> [(s.key, s.via) for c in link("KC-WISE研究的中位OS达19.6个月。", [ref]) for s in c.sources]
    [('liu2026anbenitamab', 'acronym:KC-WISE')]
    """
    return list(link_document(document, body, body, list(references), list(library_refs)).claims)


def claims(document: str | os.PathLike[str], library: LibraryArg = None, *,
           unsourced: bool = False) -> list[LinkedClaim]:
    """The claims of a document with their sources (``refman claims``).

    >>> import refman.document, pathlib
    >>> seed = pathlib.Path(refman.document.__file__).parent.parent / "seeds" / "004_dffaab495b30f8fc.txt"
    >>> [c.sources[0].via for c in claims(seed, library=seed.parent / "no-library") if c.sources][:1]
    ['marker']
    """
    linked = list(analyse(document, library).claims)
    return [c for c in linked if c.unsourced] if unsourced else linked


def check(document: str | os.PathLike[str], library: LibraryArg = None) -> list[Finding]:
    """The integrity report of a document (``refman check``): every finding, in the order an
    editor reads them (see ``refman.linking.check``)."""
    return check_document(analyse(document, library))


__all__ = ["Library", "analyse", "check", "claims", "link", "link_document"]
