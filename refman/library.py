"""The library: a folder of BibTeX files that people can read, diff and edit.

``refman build`` writes one ``<document>.bib`` per source document; users may drop in their
own ``.bib`` files beside them, and every command that reads the library sees those at once.
Files are written atomically (a temporary file renamed into place), so an interrupted build
never leaves a half-written library file behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import bibtex, keys, pipeline, read
from .errors import InputError, LibraryError, NoReferencesError, RefmanError
from .model import Problem, Reference

DEFAULT_LIBRARY = "references"
ENV_LIBRARY = "REFMAN_LIBRARY"
DOCUMENT_SUFFIXES = (".txt", ".md", ".text")


def library_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The library folder: ``path``, else ``$REFMAN_LIBRARY``, else ``./references``."""
    return Path(path or os.environ.get(ENV_LIBRARY) or DEFAULT_LIBRARY)


@dataclass
class Library:
    """A folder of BibTeX files, read lazily and re-read when a file changes.

    >>> lib = Library("references")
    >>> [r.key for r in lib][:2]
    ['liu2026anbenitamab', 'dasari2017trends']
    >>> lib.get("caplin2014lanreotide").container
    'N Engl J Med'
    """

    path: Path = field(default_factory=library_path)
    _cache: tuple[tuple, list[Reference]] | None = field(default=None, repr=False)
    _searcher: object = field(default=None, repr=False)
    _searcher_sig: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        self.path = Path(self.path)

    def files(self) -> list[Path]:
        """The library's ``.bib`` files, sorted by name."""
        if not self.path.exists():
            raise LibraryError(f"{self.path}: no library folder here; run `refman build` or pass --library")
        if not self.path.is_dir():
            raise LibraryError(f"{self.path}: is not a folder; --library takes the folder of .bib files")
        return sorted(p for p in self.path.iterdir() if p.suffix == ".bib" and p.is_file())

    def _signature(self, files: list[Path]) -> tuple:
        return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in files)

    def references(self) -> list[Reference]:
        """Every reference in the library, file by file, in file order."""
        files = self.files()
        signature = self._signature(files)
        if self._cache and self._cache[0] == signature:
            return self._cache[1]
        refs: list[Reference] = []
        seen: dict[str, str] = {}
        for path in files:
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise LibraryError(f"{path}: cannot be read as UTF-8 BibTeX ({exc})") from None
            file_refs, failures = bibtex.from_bibtex(text, path.stem)
            if failures:
                raise LibraryError(f"{failures[0]}; fix or remove the entry")
            for ref in file_refs:
                if ref.key in seen:
                    raise LibraryError(f"{path.name}: key {ref.key} is also in {seen[ref.key]}; "
                                       "keys must be unique across the library")
                seen[ref.key] = path.name
            refs.extend(file_refs)
        self._cache = (signature, refs)
        return refs

    def __iter__(self) -> Iterator[Reference]:
        return iter(self.references())

    def __len__(self) -> int:
        return len(self.references())

    def get(self, key: str) -> Reference | None:
        """The reference with this BibTeX key, or ``None``."""
        return next((r for r in self.references() if r.key == key), None)

    def bibtex(self) -> str:
        """The whole library as one BibTeX text, exactly as its files hold it."""
        return export_bibtex_files(self.files())

    def lookup(self, query: str, limit: int = 10) -> list:
        """The references that best match ``query`` (trial name, author and year, drug in
        English or Chinese, DOI, registry id, title words, journal and year, key), best first.

        >>> [m.key for m in Library("references").lookup("CLARINET")]
        ['caplin2014lanreotide', 'caplin2021lanreotide', 'pavel2021efficacy']
        """
        from .search import searcher

        if not query.strip():
            raise InputError("the query is empty; give a trial name, author, drug, DOI or registry id")
        self.files()  # a missing library is a clear error
        signature = _index_signature(self.path)  # one look at the folder per query
        if self._searcher is None or self._searcher_sig != signature:
            self._searcher = searcher(self.path, self.references)
            self._searcher_sig = signature
        return self._searcher.search(query, limit)

    def closest(self, query: str, limit: int = 3) -> list:
        """Near misses for a query that matched nothing: ``CLARNET`` -> CLARINET."""
        self.lookup(query, 1)
        return self._searcher.closest(query, limit)

    def write(self, name: str, refs: list[Reference]) -> Path:
        """Write references to ``<name>.bib`` in the library, atomically."""
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"{self.path}: cannot create the library folder ({exc.strerror or exc})") from None
        target = self.path / f"{name}.bib"
        atomic_write(target, bibtex.to_bibtex(refs))
        self._cache = None
        return target


def _index_signature(folder: Path) -> str:
    from .index import signature

    return signature(folder)


def lookup(query: str, library: str | os.PathLike[str] | Library | None = None, limit: int = 10) -> list:
    """``refman.lookup("CLARINET")``: search the default (or given) library."""
    lib = library if isinstance(library, Library) else Library(library_path(library))
    return lib.lookup(query, limit)


def export_bibtex_files(files: Iterable[Path]) -> str:
    """Concatenate library files through bibtexparser (so a broken file is an error, not
    silently passed on) and write them back as one BibTeX text."""
    import bibtexparser

    combined = bibtexparser.Library()
    for path in files:
        try:
            lib = bibtexparser.parse_string(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise LibraryError(f"{path}: cannot be read as UTF-8 BibTeX ({exc})") from None
        if lib.failed_blocks:
            block = lib.failed_blocks[0]
            raise LibraryError(f"{path}: line {block.start_line + 1}: {bibtex.describe_failure(block)}")
        for entry in lib.entries:
            if entry.key in combined.entries_dict:
                raise LibraryError(f"{path.name}: key {entry.key} appears twice in the library")
            combined.add(entry)
    fmt = bibtexparser.BibtexFormat()
    fmt.indent = "  "
    fmt.block_separator = "\n"
    fmt.trailing_comma = True
    text = bibtexparser.write_string(combined, bibtex_format=fmt)
    return text if text.endswith("\n") or not text else text + "\n"


def atomic_write(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` through a temporary file in the same folder, renamed into
    place, so a reader never sees half a file. A symbolic link is followed (the file it names is
    replaced, not the link); a device or pipe (``/dev/stdout``) is written directly. The new
    file gets the target's permissions, or the usual ones under the umask."""
    target = Path(os.path.realpath(target))
    try:
        if target.exists() and not target.is_file():
            with open(target, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            return
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise RefmanError(f"{target}: cannot be written ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise RefmanError(f"{target}: cannot be written ({exc.strerror or exc})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


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
            raise RefmanError(f"{p}: no such file or folder")
    return out


def build(paths: Iterable[str | os.PathLike[str]] = ("seeds",),
          library: str | os.PathLike[str] | Library | None = None,
          *, strict: bool = False) -> BuildResult:
    """Parse every document and write one BibTeX file per document into the library.

    Keys are made unique across all the documents of the build, in the order of their names,
    so the same inputs always give the same keys. Documents without a reference list are
    reported in ``skipped``; hand-made ``.bib`` files in the library are left alone.
    """
    lib = library if isinstance(library, Library) else Library(library_path(library))
    docs = documents(paths)
    stems: dict[str, Path] = {}
    for doc in docs:
        if doc.stem in stems and stems[doc.stem] != doc:
            raise RefmanError(f"{doc} and {stems[doc.stem]} would both be written to {doc.stem}.bib; "
                              "rename one of them")
        stems[doc.stem] = doc
    taken: set[str] = set()
    if lib.path.is_dir():  # keys already in the library's other files are taken
        for path in lib.files():
            if path.stem not in stems:
                try:
                    file_refs, _ = bibtex.from_bibtex(path.read_text(encoding="utf-8"), path.stem)
                except (OSError, UnicodeDecodeError):
                    continue
                taken.update(r.key for r in file_refs)
    parsed: list[tuple[Path, list[Reference], str, str]] = []
    problems: list[Problem] = []
    skipped: list[str] = []
    for doc in docs:
        text = read.read_path(doc).text
        try:
            result = pipeline.parse(text, source=doc.name, strict=strict)
        except NoReferencesError:
            skipped.append(doc.name)
            continue
        refs = keys.assign_keys([r.with_fields(key="") for r in result.references], taken)
        taken.update(r.key for r in refs)
        parsed.append((doc, refs, text, result.body))
        problems.extend(Problem(p.code, f"{doc.name}: {p.message}", p.number, p.severity)
                        for p in result.problems)
    written, built = [], []
    for doc, refs, text, body in parsed:
        refs, claims_json = _claims_of(doc.name, text, body, refs)
        written.append(lib.write(doc.stem, refs))
        atomic_write(lib.path / f"{doc.stem}{CLAIMS_SUFFIX}", claims_json)
        built.extend(refs)  # with the aliases their claims gave them
    return BuildResult(tuple(written), tuple(built), tuple(problems), tuple(skipped))


CLAIMS_SUFFIX = ".claims.json"


def _claims_of(name: str, text: str, body: str, refs: list[Reference]) -> tuple[list[Reference], str]:
    """Link a document's claims to its own list; give each reference the trial names its
    claims call it by, and return the claims as JSON for lookup."""
    import json

    from .document import aliases, link_document

    doc = link_document(name, text, body, refs, [])
    names = aliases(doc)
    refs = [r.with_fields(aliases=names.get(r.number, ())) if r.number in names else r for r in refs]
    claims = [c.to_dict() for c in doc.claims if c.sources]
    return refs, json.dumps({"document": name, "claims": claims}, ensure_ascii=False, indent=1) + "\n"


def export(library: str | os.PathLike[str] | Library | None = None, fmt: str = "bibtex") -> str:
    """The whole library as text: ``bibtex`` (the files as they are), ``csl-json``, ``ris``
    or ``json`` (refman's own fields)."""
    from . import formats

    lib = library if isinstance(library, Library) else Library(library_path(library))
    if fmt == "bibtex":
        return lib.bibtex()
    refs = lib.references()
    writers = {"csl-json": formats.to_csl_json, "ris": formats.to_ris, "json": formats.to_json}
    if fmt not in writers:
        raise RefmanError(f"unknown format {fmt!r}; use bibtex, csl-json, ris or json")
    return writers[fmt](refs)
