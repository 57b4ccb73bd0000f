"""Reference types: one table from the GB/T 7714 type code to BibTeX, biblatex, CSL and RIS.

GB/T 7714 names the type of every entry (``[J]``, ``[M]``, ``[S]``, ``[EB/OL]`` ...); Vancouver
and author-year styles leave it to be inferred, and the parser gives those entries a code too.
Every writer asks this table, so a standard is a standard in BibTeX, CSL and RIS alike.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RefType:
    """How one GB/T type is written in each format.

    ``bibtex`` is the entry type of a whole work and ``part_bibtex`` that of a part of a larger
    work (``[M]//``: a chapter; ``[C]//``: a paper in proceedings). ``subtype`` is what biblatex
    adds (``type = {standard}``, ``entrysubtype = {newspaper}``).
    """

    code: str
    label: str  # the standard's Chinese name of the type
    bibtex: str
    csl: str
    ris: str
    part_bibtex: str = ""
    part_csl: str = ""
    part_ris: str = ""
    subtype: str = ""


TYPES: dict[str, RefType] = {t.code: t for t in (
    RefType("J", "期刊", "article", "article-journal", "JOUR"),
    RefType("N", "报纸", "article", "article-newspaper", "NEWS", subtype="newspaper"),
    RefType("M", "普通图书", "book", "book", "BOOK", "incollection", "chapter", "CHAP"),
    RefType("G", "汇编", "book", "book", "EDBOOK", "incollection", "chapter", "CHAP"),
    RefType("C", "会议录", "proceedings", "book", "CONF", "inproceedings", "paper-conference", "CPAPER"),
    RefType("D", "学位论文", "phdthesis", "thesis", "THES"),
    RefType("R", "报告", "techreport", "report", "RPRT"),
    RefType("S", "标准", "techreport", "standard", "STAND", subtype="standard"),
    RefType("P", "专利", "patent", "patent", "PAT"),
    RefType("EB", "电子公告", "online", "webpage", "ELEC"),
    RefType("DB", "数据库", "dataset", "dataset", "DBASE"),
    RefType("DS", "数据集", "dataset", "dataset", "DATA"),
    RefType("CP", "计算机程序", "software", "software", "COMP"),
    RefType("A", "档案", "misc", "manuscript", "MANSCPT", subtype="archive"),
    RefType("CM", "舆图", "misc", "map", "MAP", subtype="map"),
    RefType("PP", "预印本", "misc", "article", "UNPB", subtype="preprint"),
    RefType("Z", "其他", "misc", "document", "GEN"),
)}
# Codes older lists or other standards use, read as "other".
for _code in ("K", "Q", "AR"):
    TYPES[_code] = RefType(_code, "其他", "misc", "document", "GEN")

# Carrier codes written after the type (J/OL, M/CD) or, in the 2025 edition, alone (MM).
CARRIERS = frozenset({"OL", "CD", "DK", "MT", "MM"})

# Older lists (GB 7714-87 habits) name the type in words: [博士学位论文], [专著], [期刊].
LABELS = {"学位论文": "D", "博士学位论文": "D", "硕士学位论文": "D", "博士论文": "D", "硕士论文": "D",
          "专著": "M", "普通图书": "M", "图书": "M", "期刊": "J", "期刊文章": "J", "会议录": "C",
          "会议论文": "C", "报告": "R", "科技报告": "R", "标准": "S", "专利": "P", "报纸": "N",
          "报纸文章": "N", "汇编": "G", "电子公告": "EB", "数据库": "DB", "计算机程序": "CP",
          "档案": "A", "舆图": "CM", "数据集": "DS", "预印本": "PP", "其他": "Z"}

# A BibTeX entry read from a library without a GB/T code: the code it stands for.
_CODE_OF_BIBTEX = {"article": "J", "book": "M", "incollection": "M", "inbook": "M", "proceedings": "C",
                   "inproceedings": "C", "conference": "C", "phdthesis": "D", "mastersthesis": "D",
                   "thesis": "D", "techreport": "R", "report": "R", "standard": "S", "patent": "P",
                   "online": "EB", "electronic": "EB", "www": "EB", "dataset": "DS", "software": "CP",
                   "misc": "Z", "unpublished": "Z", "manual": "M", "booklet": "M"}
_PARTS = frozenset({"incollection", "inproceedings", "inbook", "conference"})
_SUBTYPE_CODES = {t.subtype: t.code for t in TYPES.values() if t.subtype}


def bibtex_type(code: str, *, part: bool = False, masters: bool = False) -> str:
    """The BibTeX entry type of a GB/T type code.

    >>> bibtex_type("J"), bibtex_type("M", part=True), bibtex_type("D", masters=True), bibtex_type("XX")
    ('article', 'incollection', 'mastersthesis', 'misc')
    """
    t = TYPES.get(code, TYPES["Z"])
    if part and t.part_bibtex:
        return t.part_bibtex
    if code == "D" and masters:
        return "mastersthesis"
    return t.bibtex


def code_of(entry_type: str, type_code: str = "", subtype: str = "") -> str:
    """The GB/T code of a reference: its own, or the one its BibTeX type (and subtype) stands for.

    >>> code_of("article", "N"), code_of("techreport", subtype="standard"), code_of("inproceedings")
    ('N', 'S', 'C')
    """
    if type_code in TYPES:
        return type_code
    if subtype in _SUBTYPE_CODES:
        return _SUBTYPE_CODES[subtype]
    return _CODE_OF_BIBTEX.get(entry_type.lower(), "Z")


def is_part(entry_type: str) -> bool:
    """A part of a larger work (a chapter, a paper in proceedings)."""
    return entry_type.lower() in _PARTS


def csl_type(entry_type: str, type_code: str = "") -> str:
    """The CSL type: ``csl_type("article", "N")`` -> ``'article-newspaper'``."""
    t = TYPES[code_of(entry_type, type_code)]
    return t.part_csl if is_part(entry_type) and t.part_csl else t.csl


def ris_type(entry_type: str, type_code: str = "") -> str:
    """The RIS type: ``ris_type("techreport", "S")`` -> ``'STAND'``."""
    t = TYPES[code_of(entry_type, type_code)]
    return t.part_ris if is_part(entry_type) and t.part_ris else t.ris
