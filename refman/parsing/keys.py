"""Citation keys: ASCII, readable, stable across runs, unique.

``caplin2014lanreotide`` is the first author's family name, the year and the first
significant title word. Chinese entries use the English translation when the list gives one,
and pinyin otherwise (anyascii transliterates Chinese to pinyin and folds diacritics:
``Ćwikła`` -> ``cwikla``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Reference
from ..vocab.names import ascii_fold, family_key
from ..vocab.script import HAN_CHAR, has_cjk
from ..vocab.words import STOPWORDS


def _name_part(ref: Reference) -> str:
    source = ref.translation if ref.translation and has_cjk(ref.title) else None
    authors = (source.authors if source and source.authors else ref.authors) or ref.editors
    if not authors:
        return ""
    first = authors[0]
    if first.corporate:
        words = [w for w in re.split(r"\s+", first.family) if w.lower() not in ("the", "of", "a")]
        if has_cjk(first.family):
            return ascii_fold(first.family[:4])
        return ascii_fold(words[0] if words else first.family)
    return family_key(first.family)


def _title_part(ref: Reference) -> str:
    title = ref.title
    if ref.translation and ref.translation.title and has_cjk(title):
        title = ref.translation.title
    if has_cjk(title):
        chars = HAN_CHAR.findall(title)
        return ascii_fold("".join(chars[:2]))
    for word in re.findall(r"[^\W_]+", title):
        if word.lower() not in STOPWORDS and ascii_fold(word):
            return ascii_fold(word)[:20]
    return ""


def base_key(ref: Reference) -> str:
    """The key before disambiguation.

    >>> from refman.model import Name
    >>> base_key(Reference(raw="", authors=(Name("Caplin", "M. E."),), year="2014",
    ...                    title="Lanreotide in metastatic enteropancreatic neuroendocrine tumors"))
    'caplin2014lanreotide'
    """
    name = _name_part(ref)
    title = _title_part(ref)
    year = ref.year or "nd"
    if not name:
        name, title = title or "anon", ""
    return f"{name}{year}{title}" or "ref"


def assign_keys(refs: Iterable[Reference], taken: Iterable[str] = ()) -> list[Reference]:
    """Give every reference a unique key; later duplicates get ``b``, ``c`` ... suffixes, so a
    key never changes when another entry is added after it."""
    used = set(taken)
    next_suffix: dict[str, int] = {}  # per base, where to go on: no rescan of a long chain
    out = []
    for ref in refs:
        base = base_key(ref)
        key = base
        suffix = next_suffix.get(base, ord("b"))
        while key in used:
            key = base + _suffix(suffix)
            suffix += 1
        next_suffix[base] = suffix
        used.add(key)
        out.append(ref.with_fields(key=key))
    return out


def _suffix(n: int) -> str:
    if n <= ord("z"):
        return chr(n)
    return str(n - ord("z") + 1)
