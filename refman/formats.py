"""Machine formats besides BibTeX: CSL-JSON (for Pandoc, Zotero, citeproc) and RIS (for
EndNote, Reference Manager). Both are plain data, so they are written with ``json`` and a few
tag lines; BibTeX, which has real escaping rules, goes through bibtexparser in ``bibtex.py``.
"""

from __future__ import annotations

import json
from typing import Any

from .model import Name, Reference

CSL_TYPES = {
    "article": "article-journal", "book": "book", "incollection": "chapter",
    "inproceedings": "paper-conference", "proceedings": "book", "phdthesis": "thesis",
    "mastersthesis": "thesis", "techreport": "report", "standard": "standard", "patent": "patent",
    "online": "webpage", "dataset": "dataset", "software": "software", "misc": "document",
}
RIS_TYPES = {
    "article": "JOUR", "book": "BOOK", "incollection": "CHAP", "inproceedings": "CPAPER",
    "proceedings": "CONF", "phdthesis": "THES", "mastersthesis": "THES", "techreport": "RPRT",
    "standard": "STAND", "patent": "PAT", "online": "ELEC", "dataset": "DATA",
    "software": "COMP", "misc": "GEN",
}


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
    item: dict[str, Any] = {"id": ref.key, "type": CSL_TYPES.get(ref.entry_type, "document")}
    if ref.type_code == "N":
        item["type"] = "article-newspaper"
    if ref.type_code == "PP":
        item["type"] = "article"
    if ref.type_code == "S":
        item["type"] = "standard"
    if ref.type_code == "CM":
        item["type"] = "map"
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


def to_ris(refs) -> str:
    """References as RIS records."""
    lines: list[str] = []
    for ref in refs:
        lines.append(f"TY  - {RIS_TYPES.get(ref.entry_type, 'GEN')}")
        lines.append(f"ID  - {ref.key}")
        for name in ref.authors:
            lines.append(f"AU  - {name.family if name.corporate or not name.given else name.family + ', ' + name.given}")
        if ref.et_al:
            lines.append("AU  - et al.")
        for name in ref.editors:
            lines.append(f"ED  - {name.family if name.corporate or not name.given else name.family + ', ' + name.given}")
        tagged = [("TI", ref.title), ("T2", ref.container), ("PY", ref.year), ("DA", ref.date.replace("-", "/")),
                  ("VL", ref.volume), ("IS", ref.issue), ("ET", ref.edition), ("CY", ref.place),
                  ("PB", ref.publisher), ("DO", ref.doi), ("UR", ref.url),
                  ("Y2", ref.urldate.replace("-", "/")), ("SN", ref.isbn or ref.issn),
                  ("M1", ref.doc_number), ("LA", ref.language), ("N1", ref.note)]
        if ref.pages:
            start, _, end = ref.pages.partition("-")
            tagged += [("SP", start), ("EP", end)]
        lines.extend(f"{tag}  - {value}" for tag, value in tagged if value)
        lines.append("ER  - ")
        lines.append("")
    return "\n".join(lines)


def to_json(refs) -> str:
    """refman's own JSON: every parsed field, names in BibTeX form."""
    return json.dumps([r.to_dict() for r in refs], ensure_ascii=False, indent=2) + "\n"
