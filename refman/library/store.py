"""The library: a folder of BibTeX files that people can read, diff and edit.

``refman build`` writes one ``<document>.bib`` per source document, with its claims beside it in
``<document>.claims.json``; users may drop in their own ``.bib`` files, and every command that
reads the library sees those at once. Every write is atomic (a temporary file renamed into
place) and holds the library's lock, so an interrupted or concurrent build never leaves a
half-written file behind.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LibraryError, RefmanError
from ..formats import bibtex
from ..model import Reference
from ..vocab import lexicon

DEFAULT_LIBRARY = "references"
ENV_LIBRARY = "REFMAN_LIBRARY"
CLAIMS_SUFFIX = ".claims.json"
INDEX_DIR = ".refman-index"  # refman's own folder inside the library: the index, the lock
LOCK_FILE = "write.lock"
SIGNATURE_VERSION = "8"  # part of the index signature: a new index layout rebuilds old indexes


def library_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The library folder: ``path``, else ``$REFMAN_LIBRARY``, else ``./references``."""
    return Path(path or os.environ.get(ENV_LIBRARY) or DEFAULT_LIBRARY)


def signature(folder: Path) -> str:
    """What the library holds, cheaply: every .bib, .claims.json and drugs.tsv with its size and
    time. The reference cache and the lookup index are rebuilt when it changes."""
    parts = [SIGNATURE_VERSION]
    for p in sorted(folder.iterdir()):
        if p.is_file() and (p.suffix == ".bib" or p.name.endswith(CLAIMS_SUFFIX) or p.name == "drugs.tsv"):
            st = p.stat()
            parts.append(f"{p.name}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)


@dataclass
class Library:
    """A folder of BibTeX files, read lazily and re-read when a file changes.

    >>> import refman.library.store, pathlib
    >>> lib = Library(pathlib.Path(refman.library.store.__file__).parents[2] / "references")
    >>> [r.key for r in lib][:2]
    ['liu2026anbenitamab', 'dasari2017trends']
    >>> lib.get("caplin2014lanreotide").container
    'N Engl J Med'
    """

    path: Path = field(default_factory=library_path)
    _cache: tuple[str, list[Reference]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.path = Path(self.path)

    def files(self) -> list[Path]:
        """The library's ``.bib`` files, sorted by name."""
        if not self.path.exists():
            raise LibraryError(f"{self.path}: no library folder here; run `refman build` or pass --library")
        if not self.path.is_dir():
            raise LibraryError(f"{self.path}: is not a folder; --library takes the folder of .bib files")
        return sorted(p for p in self.path.iterdir() if p.suffix == ".bib" and p.is_file())

    def signature(self) -> str:
        self.files()  # a missing library is a clear error
        return signature(self.path)

    def references(self) -> list[Reference]:
        """Every reference in the library, file by file, in file order."""
        files = self.files()
        sig = signature(self.path)
        if self._cache and self._cache[0] == sig:
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
        self._cache = (sig, refs)
        return refs

    def __iter__(self) -> Iterator[Reference]:
        return iter(self.references())

    def __len__(self) -> int:
        return len(self.references())

    def get(self, key: str) -> Reference | None:
        """The reference with this BibTeX key, or ``None``."""
        return next((r for r in self.references() if r.key == key), None)

    def keys(self, *, excluding: set[str] = frozenset()) -> set[str]:  # type: ignore[assignment]
        """Every key of the library, leaving out the files named (by stem) in ``excluding``."""
        taken: set[str] = set()
        for path in self.files():
            if path.stem in excluding:
                continue
            try:
                file_refs, _ = bibtex.from_bibtex(path.read_text(encoding="utf-8"), path.stem)
            except (OSError, UnicodeDecodeError):
                continue
            taken.update(r.key for r in file_refs)
        return taken

    def drugs(self) -> lexicon.DrugLexicon:
        """The drug lexicon for this library: the shipped one plus its own ``drugs.tsv``."""
        return lexicon.drugs(str(self.path) if self.path.is_dir() else None)

    def bibtex(self) -> str:
        """The whole library as one BibTeX text, exactly as its files hold it."""
        return bibtex.concatenate(self.files())

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the library's write lock (another refman writing the same library waits)."""
        try:
            (self.path / INDEX_DIR).mkdir(parents=True, exist_ok=True)
            handle = open(self.path / INDEX_DIR / LOCK_FILE, "a+")
        except OSError as exc:
            raise LibraryError(f"{self.path}: cannot create the library folder ({exc.strerror or exc})") from None
        with handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def write(self, name: str, refs: list[Reference], claims_json: str | None = None) -> Path:
        """Write references to ``<name>.bib`` (and their claims to ``<name>.claims.json``),
        atomically and under the library's lock."""
        target = self.path / f"{name}.bib"
        with self.lock():
            atomic_write(target, bibtex.to_bibtex(refs))
            if claims_json is not None:
                atomic_write(self.path / f"{name}{CLAIMS_SUFFIX}", claims_json)
        self._cache = None
        return target


LibraryArg = str | os.PathLike | Library | None


def open_library(library: LibraryArg = None) -> Library:
    """The one way a ``library`` argument becomes a ``Library``: a ``Library`` as it is, a
    folder, or ``None`` for ``$REFMAN_LIBRARY`` or ``./references``."""
    return library if isinstance(library, Library) else Library(library_path(library))


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
