"""Citation keys: ASCII, readable, stable across runs, unique.

``caplin2014lanreotide`` is the first author's family name, the year and the first
significant title word. Chinese entries use the English translation when the list gives one,
and pinyin otherwise (anyascii transliterates Chinese to pinyin and folds diacritics:
``Ćwikła`` -> ``cwikla``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import Reference
from .normalize import has_cjk

_STOPWORDS = {
    "a", "an", "the", "of", "on", "in", "for", "and", "to", "with", "from", "by", "at", "is",
    "are", "as", "or", "versus", "vs", "via", "into", "do", "does", "its", "their", "what", "how",
    "why", "when", "who", "which", "new", "use", "using", "study", "trial",
}
# Common Chinese surnames whose everyday reading differs from the character's first pinyin.
_SURNAME_READINGS = {"曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "查": "zha",
                     "朴": "piao", "覃": "qin", "盖": "ge", "乐": "yue", "缪": "miao", "翟": "zhai",
                     "召": "shao", "员": "yun", "秘": "bi", "长孙": "zhangsun", "尉迟": "yuchi"}


def ascii_word(text: str) -> str:
    """Lowercase ASCII letters and digits only: ``'Ćwikła'`` -> ``'cwikla'``, ``'徐建明'`` -> ``'xujianming'``."""
    from anyascii import anyascii  # late import: only key-making needs it

    return re.sub(r"[^a-z0-9]", "", anyascii(text).lower())


def _name_part(ref: Reference) -> str:
    source = ref.translation if ref.translation and has_cjk(ref.title) else None
    authors = (source.authors if source and source.authors else ref.authors) or ref.editors
    if not authors:
        return ""
    first = authors[0]
    if first.corporate:
        words = [w for w in re.split(r"\s+", first.family) if w.lower() not in ("the", "of", "a")]
        if has_cjk(first.family):
            return ascii_word(first.family[:4])
        return ascii_word(words[0] if words else first.family)
    family = first.family
    if has_cjk(family):
        for surname, reading in sorted(_SURNAME_READINGS.items(), key=lambda kv: -len(kv[0])):
            if family.startswith(surname) and len(family) > len(surname):
                return reading + ascii_word(family[len(surname):])
    return ascii_word(family)


def _title_part(ref: Reference) -> str:
    title = ref.title
    if ref.translation and ref.translation.title and has_cjk(title):
        title = ref.translation.title
    if has_cjk(title):
        chars = re.findall(r"[\u3400-\u9fff]", title)
        return ascii_word("".join(chars[:2]))
    for word in re.findall(r"[^\W_]+", title):
        if word.lower() not in _STOPWORDS and ascii_word(word):
            return ascii_word(word)[:20]
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
