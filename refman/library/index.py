"""The library's search index: an SQLite file beside the BibTeX, rebuilt only when they change.

``<library>/.refman-index/index.sqlite`` holds one row per reference (what a result shows, and
the claims that cite it) and a table of terms: DOI, registry id, key, trial names from titles
and aliases, authors' family names, drugs (as INN, from titles in either language), title and
journal words, Chinese title bigrams. A lookup reads only the rows its terms point to, so a
library of 100,000 references answers in milliseconds without being loaded. The index is a
cache: deleting it costs one rebuild, and it is never committed.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from pathlib import Path

from ..vocab.script import HAN_CHAR
from .store import CLAIMS_SUFFIX, INDEX_DIR, signature

INDEX_FILE = "index.sqlite"


def cjk_bigrams(text: str) -> set[str]:
    """Pairs of neighbouring Chinese characters: how Chinese titles are indexed and queried.

    >>> sorted(cjk_bigrams("胰腺 NET"))
    ['胰腺']
    """
    chars = "".join(HAN_CHAR.findall(text))
    return {chars[i:i + 2] for i in range(len(chars) - 1)}


def open_index(folder: Path, build) -> sqlite3.Connection:
    """The index of ``folder``, rebuilt with ``build(connection)`` when its sources changed."""
    path = folder / INDEX_DIR / INDEX_FILE
    sig = signature(folder)
    if path.exists():
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            row = conn.execute("SELECT value FROM meta WHERE name = 'signature'").fetchone()
            if row and row[0] == sig:
                return conn
            conn.close()
        except sqlite3.DatabaseError:
            pass  # a damaged cache is rebuilt, not reported
    try:
        path.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        os.close(fd)
    except OSError:  # a read-only library: search it from an index in memory
        conn = sqlite3.connect(":memory:")
        _create(conn, build, sig)
        return conn
    try:
        conn = sqlite3.connect(tmp)
        _create(conn, build, sig)
        conn.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _create(conn: sqlite3.Connection, build, sig: str) -> None:
    conn.executescript("""
        PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
        CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE refs (id INTEGER PRIMARY KEY, key TEXT, data TEXT);
        CREATE TABLE terms (kind TEXT, term TEXT, ref INTEGER, weight REAL, year TEXT);
    """)
    build(conn)
    conn.execute("CREATE INDEX terms_by_term ON terms (kind, term)")
    conn.execute("INSERT INTO meta VALUES ('signature', ?)", (sig,))
    conn.commit()


def load_claims(folder: Path) -> dict[str, list[dict]]:
    """Key -> the claims that cite it, from every ``*.claims.json`` of the library."""
    by_key: dict[str, list[dict]] = {}
    for p in sorted(folder.glob("*" + CLAIMS_SUFFIX)):
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # a broken claims file costs its claims, not the lookup
        for claim in data.get("claims", []):
            sources = claim.get("sources", [])
            for source in sources:
                by_key.setdefault(source["key"], []).append({
                    "document": data.get("document", p.name), "text": claim["text"],
                    "start": claim.get("start"), "end": claim.get("end"), "via": source.get("via", ""),
                    "single": len(sources) == 1})
    return by_key
