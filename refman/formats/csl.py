"""CSL-JSON, for Pandoc, Zotero and citeproc: plain data, written with ``json`` (which escapes
everything a reference could hold).
"""

from __future__ import annotations

import json
from typing import Any

from ..model import Name, Reference
from ..vocab.types import csl_type


def _csl_name(name: Name) -> dict[str, str]:
    if name.corporate or not name.given:
        return {"literal": name.family}
    out = {"family": name.family, "given": name.given}
    if name.particle:
        out["non-dropping-particle"] = name.particle
    if name.suffix:
        out["suffix"] = name.suffix
    return out


def _date_parts(iso: str) -> dict[str, Any]:
    parts = [int(p) for p in iso.split("-") if p.isdigit()]
    return {"date-parts": [parts]}


def to_csl(ref: Reference) -> dict[str, Any]:
    """One reference as a CSL-JSON item."""
    item: dict[str, Any] = {"id": ref.key, "type": csl_type(ref.entry_type, ref.type_code)}
    for role, names, et_al in (("author", ref.authors, ref.et_al), ("editor", ref.editors, False),
                               ("translator", ref.translators, False)):
        if names:
            # A truncated list says so: citeproc prints a literal "others" as the last name.
            item[role] = [_csl_name(n) for n in names] + ([{"literal": "others"}] if et_al else [])
    simple = {"title": ref.title, "container-title": ref.container, "volume": ref.volume,
              "issue": ref.issue, "page": ref.pages, "DOI": ref.doi, "URL": ref.url,
              "publisher": ref.publisher, "publisher-place": ref.place, "edition": ref.edition,
              "number": ref.doc_number, "PMID": ref.pmid, "PMCID": ref.pmcid, "ISBN": ref.isbn,
              "ISSN": ref.issn, "version": ref.version, "note": ref.note}
    item.update({k: v for k, v in simple.items() if v})
    if ref.date or ref.year:
        item["issued"] = _date_parts(ref.date or ref.year)
    if ref.urldate:
        item["accessed"] = _date_parts(ref.urldate)
    item["language"] = "zh-CN" if ref.language == "zh" else "en"
    if ref.translation and ref.translation.title:  # CSL has no field for a translated title
        item["note"] = "; ".join(filter(None, [item.get("note", ""), f"English title: {ref.translation.title}"]))
    return item


def to_csl_json(refs) -> str:
    """References as a CSL-JSON array (UTF-8, Chinese kept readable)."""
    return json.dumps([to_csl(r) for r in refs], ensure_ascii=False, indent=2) + "\n"
