"""RIS, for EndNote, Zotero and Reference Manager: one tag line per value.

A value never spans lines: a line break inside it would start a new tag.
"""

from __future__ import annotations

from ..model import Name
from ..vocab.types import ris_type


def to_ris(refs) -> str:
    """References as RIS records."""
    lines: list[str] = []
    for ref in refs:
        lines.append(f"TY  - {ris_type(ref.entry_type, ref.type_code)}")
        lines.append(f"ID  - {ref.key}")
        for name in ref.authors:
            lines.append(f"AU  - {_name(name)}")
        if ref.et_al:
            lines.append("AU  - et al.")
        for name in ref.editors:
            lines.append(f"ED  - {_name(name)}")
        tagged = [("TI", ref.title), ("T2", ref.container), ("PY", ref.year), ("DA", ref.date.replace("-", "/")),
                  ("VL", ref.volume), ("IS", ref.issue), ("ET", ref.edition), ("CY", ref.place),
                  ("PB", ref.publisher), ("DO", ref.doi), ("UR", ref.url),
                  ("Y2", ref.urldate.replace("-", "/")), ("SN", ref.isbn or ref.issn),
                  ("M1", ref.doc_number), ("LA", ref.language), ("N1", ref.note)]
        if ref.pages:
            start, _, end = ref.pages.partition("-")
            tagged += [("SP", start), ("EP", end)]
        lines.extend(f"{tag}  - {' '.join(value.split())}" for tag, value in tagged if value)
        lines.append("ER  - ")
        lines.append("")
    return "\n".join(lines)


def _name(name: Name) -> str:
    """``Caplin, M. E.``; an organisation or a Chinese name as it is."""
    return name.family if name.corporate or not name.given else f"{name.family}, {name.given}"
