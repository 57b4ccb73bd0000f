"""Reference <-> BibTeX, through bibtexparser v2. The only module that sees its ``Entry``.

Writing: field values are LaTeX-escaped with pylatexenc's encoder (the one bibtexparser's
encoding middleware uses), restricted to LaTeX's special characters so that Chinese and
accented names stay readable UTF-8; then capitalised words in titles are protected with braces
(after escaping, so the braces survive); names are joined by bibtexparser's
``MergeCoAuthors``; the text is produced by ``bibtexparser.write_string``.

Reading: ``bibtexparser.parse_string`` with ``SeparateCoAuthors``; names are split with
bibtexparser's name splitter and LaTeX is decoded with pylatexenc, so a library edited by hand
reads back into the same ``Reference`` values.

Field conventions (all in biblatex's data model, so ``biber --validate-datamodel`` accepts them):
``titleaddon``/``journaltitleaddon``/``namea`` hold the English translation of a Chinese entry;
``annotation`` the provenance (``004_dffaab495b30f8fc.txt [4]``); ``keywords`` the aliases
claims gave the source (``IMpower133``); ``eprint``/``eprinttype = pubmed`` the PMID;
``note`` everything else the source said that has no field (``Online ahead of print``,
``Updated 2020-10-09``, a registry id not already in the title or URL).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ..errors import LibraryError
from ..model import Name, Reference
from ..vocab import types
from ..vocab.identifiers import registry_ids
from ..vocab.script import has_cjk

# bibtexparser logs each block it cannot read; refman returns them as data and reports them
# itself, in one line.
logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)

NAME_FIELDS = ("author", "editor", "translator", "namea")
# Braces become \textbraceleft{}/\textbraceright{}: BibTeX counts a brace even behind a
# backslash, so "\{" in a title would unbalance the entry.
_SPECIALS = {ord("\\"): r"\textbackslash{}", ord("{"): r"\textbraceleft{}", ord("}"): r"\textbraceright{}",
             ord("&"): r"\&",
             ord("%"): r"\%", ord("$"): r"\$", ord("#"): r"\#", ord("_"): r"\_",
             ord("~"): r"\textasciitilde{}", ord("^"): r"\textasciicircum{}"}


@lru_cache(maxsize=1)
def _encoder():
    from pylatexenc.latexencode import RULE_DICT, UnicodeToLatexConversionRule, UnicodeToLatexEncoder

    return UnicodeToLatexEncoder(
        conversion_rules=[UnicodeToLatexConversionRule(RULE_DICT, _SPECIALS)],
        unknown_char_policy="keep",
        unknown_char_warning=False,
        replacement_latex_protection="braces-after-macro",
    )


def escape(text: str) -> str:
    r"""LaTeX-escape the special characters only: ``'R&D 5%'`` -> ``'R\&D 5\%'``."""
    if not any(chr(c) in text for c in _SPECIALS):
        return text
    return _encoder().unicode_to_latex(text)


_WORD = re.compile(r"[^\s()\[\]:;,.?!\"']+")


def protect(title: str) -> str:
    """Brace the words whose capitals a style must not lower-case (after ``escape``).

    Acronyms and mixed-case words (``BRAF``, ``DLL3``, ``PD-L1``, ``IMpower133``) are always
    protected; in a sentence-case title, capitalised words after the first (proper nouns such
    as ``Notch`` or ``Chinese``) are too.

    >>> protect("First-line atezolizumab plus chemotherapy in extensive-stage SCLC (IMpower133)")
    'First-line atezolizumab plus chemotherapy in extensive-stage {SCLC} ({IMpower133})'
    >>> protect("The Notch ligand delta-like 3 promotes tumor growth")
    'The {Notch} ligand delta-like 3 promotes tumor growth'
    """
    if not title or (has_cjk(title) and not re.search(r"[A-Z]{2}", title)):
        return title
    words = [m for m in _WORD.finditer(title)]
    # Title case is judged on the words after the first, which is capitalised either way.
    long_words = [m[0] for m in words[1:] if len(m[0]) > 3 and m[0][0].isalpha()]
    title_case = bool(long_words) and sum(w[0].isupper() for w in long_words) / len(long_words) > 0.6
    out, last, previous_end = [], 0, 0
    for i, m in enumerate(words):
        word = m[0]
        gap = title[previous_end: m.start()]  # only the text since the previous word: linear
        previous_end = m.end()
        if "\\" in word or not any(c.isalpha() for c in word):
            continue
        starts_sentence = i == 0 or re.search(r"[:.?!]\s*$", gap)
        inner_caps = any(c.isupper() for c in word[1:])
        capitalised = word[0].isupper()
        if inner_caps or (capitalised and not title_case and not starts_sentence):
            out.append(title[last: m.start()])
            out.append("{" + word + "}")
            last = m.end()
    out.append(title[last:])
    return "".join(out)


def _pages(pages: str) -> str:
    """``224-233`` -> ``224--233``: only the hyphen between two page numbers."""
    return re.sub(r"(?<=\w)-(?=[A-Za-z]?\d)", "--", pages, count=1)


def _names(names: tuple[Name, ...], et_al: bool = False) -> list[str]:
    out = []
    for n in names:
        encoded = Name(escape(n.family), escape(n.given), n.particle, n.suffix, n.corporate)
        out.append(encoded.bibtex())
    if et_al:
        out.append("others")
    return out


# The fields each entry type has in biblatex's data model (as biber validates it), by their
# BibTeX names. A value the type has no field for is kept in ``note`` with a label instead.
_COMMON = {"author", "title", "titleaddon", "note", "language", "year", "date", "doi", "url", "urldate",
           "eprint", "eprinttype", "entrysubtype", "namea", "keywords", "annotation", "langid"}
TYPE_FIELDS = {
    "article": _COMMON | {"editor", "translator", "journal", "journaltitleaddon", "volume", "number",
                          "issue", "pages", "issn", "version"},
    "book": _COMMON | {"editor", "translator", "edition", "address", "publisher", "number", "pages",
                       "isbn", "volume"},
    "incollection": _COMMON | {"editor", "translator", "booktitle", "edition", "address", "publisher",
                               "pages", "isbn", "volume", "number"},
    "inproceedings": _COMMON | {"editor", "booktitle", "address", "publisher", "organization", "pages",
                                "isbn", "volume", "number"},
    "proceedings": (_COMMON - {"author"}) | {"editor", "address", "publisher", "organization", "pages",
                                             "isbn", "volume", "number"},
    "phdthesis": _COMMON | {"school", "address", "pages", "type"},
    "mastersthesis": _COMMON | {"school", "address", "pages", "type"},
    "techreport": _COMMON | {"institution", "address", "number", "pages", "type", "version"},
    "patent": (_COMMON - {"language"}) | {"address", "number", "type", "version"},
    "online": _COMMON | {"editor", "organization", "version"},
    "dataset": _COMMON | {"editor", "edition", "address", "publisher", "organization", "number", "type",
                          "version"},
    "software": _COMMON | {"editor", "howpublished", "address", "organization", "type", "version"},
    "misc": _COMMON | {"editor", "howpublished", "address", "organization", "type", "version"},
}
_NOTE_LABELS = {"address": "Place", "publisher": "Publisher", "pages": "Pages", "edition": "Edition",
                "number": "Number", "editor": "Editors", "translator": "Translators",
                "journal": "In", "booktitle": "In", "howpublished": "In", "isbn": "ISBN",
                "issn": "ISSN", "volume": "Volume", "issue": "Issue", "organization": "Organization",
                "version": "Version", "institution": "Institution", "school": "School",
                "journaltitleaddon": "In", "type": "Type", "author": "Authors"}


def _fit_to_type(entry_type: str, f: dict) -> dict:
    """Move values the entry type has no field for into ``note``, so nothing is lost and no
    reader meets a field its data model does not know."""
    allowed = TYPE_FIELDS.get(entry_type, TYPE_FIELDS["misc"])
    if entry_type in ("online", "misc", "software") and "publisher" in f and "organization" not in f:
        f["organization"] = f.pop("publisher")
    if entry_type == "proceedings" and "author" in f:
        if "editor" not in f:
            f["editor"] = f.pop("author")  # the proceedings' responsible persons or bodies
    if "language" in f and "language" not in allowed:
        f["langid"] = "chinese" if f.pop("language") == "zh" else "english"
    extra = []
    for name in list(f):
        if name not in allowed:
            value = f.pop(name)
            text = " and ".join(value) if isinstance(value, list) else value
            extra.append(f"{_NOTE_LABELS.get(name, name.capitalize())}: {text}")
    if extra:
        f["note"] = "; ".join(([f["note"]] if f.get("note") else []) + extra)
    return f


def to_fields(ref: Reference) -> dict[str, str | list[str]]:
    """The BibTeX fields of a reference, escaped and protected, in a reader-friendly order."""
    f: dict[str, str | list[str]] = {}
    if ref.authors or ref.et_al:
        f["author"] = _names(ref.authors, ref.et_al)
    if ref.editors:
        f["editor"] = _names(ref.editors)
    if ref.translators:
        f["translator"] = _names(ref.translators)
    if ref.title:
        f["title"] = protect(escape(ref.title))
    container_field = {"article": "journal", "incollection": "booktitle",
                       "inproceedings": "booktitle"}.get(ref.entry_type)
    if ref.container:
        if container_field:
            f[container_field] = escape(ref.container)
        else:
            f["howpublished"] = escape(ref.container)
    if ref.edition:
        f["edition"] = escape(ref.edition)
    if ref.place:
        f["address"] = escape(ref.place)
    if ref.publisher:
        publisher_field = {"phdthesis": "school", "mastersthesis": "school",
                           "techreport": "institution"}
        f[publisher_field.get(ref.entry_type, "publisher")] = escape(ref.publisher)
    if ref.year:
        f["year"] = ref.year
    if ref.date and ref.date != ref.year:
        f["date"] = ref.date
    if ref.volume:
        f["volume"] = escape(ref.volume)
    if ref.issue:
        f["number"] = escape(ref.issue)
    if ref.doc_number:
        f["number"] = escape(ref.doc_number)
        if ref.issue:
            f["issue"] = escape(ref.issue)
    if ref.pages:
        f["pages"] = escape(_pages(ref.pages))
    if ref.version:
        f["version"] = escape(ref.version)
    for name in ("doi", "url", "urldate", "isbn", "issn"):
        value = getattr(ref, name)
        if value:  # verbatim, but braces percent-encoded: BibTeX would count them
            f[name] = value.replace("{", "%7B").replace("}", "%7D")
    if ref.pmid:
        f["eprint"], f["eprinttype"] = ref.pmid, "pubmed"
    subtype = types.TYPES[types.code_of(ref.entry_type, ref.type_code)].subtype
    if subtype == "newspaper":
        f["entrysubtype"] = subtype
    elif subtype and ref.entry_type in ("misc", "techreport"):
        f["type"] = subtype
    if ref.language == "zh":
        f["language"] = "zh"
    if ref.translation:
        t = ref.translation
        if t.title:
            f["titleaddon"] = protect(escape(t.title))
        if t.container:
            f["journaltitleaddon"] = escape(t.container)
        if t.authors:
            f["namea"] = _names(t.authors, t.et_al)
    notes = _note_parts(ref, f)
    if notes:
        f["note"] = "; ".join(notes)
    if ref.aliases:
        f["keywords"] = escape(", ".join(ref.aliases))
    if ref.source:
        f["annotation"] = escape(provenance(ref))
    return _fit_to_type(ref.entry_type, f)


def provenance(ref: Reference) -> str:
    """``'004_dffaab495b30f8fc.txt [4]'``: where the entry came from."""
    return f"{ref.source} [{ref.number}]" if ref.number is not None else ref.source


_PROVENANCE = re.compile(r"^(?P<source>.*?)(?:\s\[(?P<number>\d+)\])?$")


def _note_parts(ref: Reference, f: dict) -> list[str]:
    notes = [escape(ref.note)] if ref.note else []
    if ref.updated:
        notes.append(f"Updated {ref.updated}")
    if ref.pmcid:
        notes.append(f"PMCID: {ref.pmcid}")
    if ref.cstr:
        notes.append(escape(f"CSTR: {ref.cstr}"))
    elsewhere = " ".join(str(v) for v in f.values() if isinstance(v, str)) + " " + ref.note
    for reg in ref.registry:
        if reg not in elsewhere:
            notes.append(escape(reg))
    return notes


def to_bibtex(refs: list[Reference] | tuple[Reference, ...]) -> str:
    """Serialise references (with keys) as BibTeX text, one entry each, in order.

    >>> from refman.model import Name
    >>> print(to_bibtex([Reference(raw="", key="caplin2014lanreotide", entry_type="article",
    ...     authors=(Name("Caplin", "M. E."),), et_al=True, title="Lanreotide in NETs",
    ...     container="N Engl J Med", year="2014", volume="371", issue="3", pages="224-233")]))
    @article{caplin2014lanreotide,
      author = {Caplin, M. E. and others},
      title = {Lanreotide in {NETs}},
      journal = {N Engl J Med},
      year = {2014},
      volume = {371},
      number = {3},
      pages = {224--233},
    }
    <BLANKLINE>
    """
    import bibtexparser
    from bibtexparser.library import Library
    from bibtexparser.middlewares import MergeCoAuthors
    from bibtexparser.middlewares.enclosing import AddEnclosingMiddleware
    from bibtexparser.model import Entry, Field

    library = Library()
    for ref in refs:
        if not ref.key:
            raise ValueError(f"reference {ref.number} has no key; run keys.assign_keys first")
        fields = [Field(k, v) for k, v in to_fields(ref).items()]
        library.add(Entry(ref.entry_type, ref.key, fields))
    fmt = bibtexparser.BibtexFormat()
    fmt.indent = "  "
    fmt.block_separator = "\n"
    fmt.trailing_comma = True
    text = bibtexparser.write_string(
        library,
        unparse_stack=[MergeCoAuthors(name_fields=NAME_FIELDS), AddEnclosingMiddleware(
            reuse_previous_enclosing=False, enclose_integers=True, default_enclosing="{")],
        bibtex_format=fmt,
    )
    return text if text.endswith("\n") else text + "\n"


# --- reading ---------------------------------------------------------------------------------

def _decode(text: str) -> str:
    if "\\" not in text:  # only protective braces (the common case): no LaTeX to interpret
        return text.replace("{", "").replace("}", "") if "{" in text else text
    return _decoder().latex_to_text(text)


@lru_cache(maxsize=1)
def _decoder():
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="verbatim")


def _read_name(text: str) -> Name:
    from bibtexparser.middlewares.names import parse_single_name_into_parts

    text = text.strip()
    if text.startswith("{") and text.endswith("}") and text.count("{") == 1:
        return Name(_decode(text[1:-1]), corporate=True)
    try:
        parts = parse_single_name_into_parts(text, strict=False)
    except Exception:  # an odd hand-edited name is kept whole rather than lost
        return Name(_decode(text))
    return Name(
        family=_decode(" ".join(parts.last)),
        given=_decode(" ".join(parts.first)),
        particle=_decode(" ".join(parts.von)),
        suffix=_decode(" ".join(parts.jr)),
    )


def _read_names(value) -> tuple[tuple[Name, ...], bool]:
    items = value if isinstance(value, list) else [value]
    et_al = bool(items) and items[-1].strip() == "others"
    return tuple(_read_name(i) for i in items if i.strip() and i.strip() != "others"), et_al


_BACK = {"journal": "container", "booktitle": "container", "howpublished": "container",
         "edition": "edition", "address": "place", "publisher": "publisher", "school": "publisher",
         "institution": "publisher", "organization": "publisher", "year": "year", "date": "date",
         "volume": "volume", "pages": "pages", "version": "version", "doi": "doi", "url": "url",
         "urldate": "urldate", "isbn": "isbn", "issn": "issn", "note": "note", "title": "title"}
_DOC_NUMBER_TYPES = {"techreport", "patent", "report"}


def describe_failure(block) -> str:
    """What went wrong in a block bibtexparser could not read, never an empty string."""
    message = str(block.error).strip() or type(block.error).__name__
    first = (block.raw or "").strip().splitlines()[:1]
    return f"{message} (near: {first[0][:60]})" if first else message


def from_bibtex(text: str, source_name: str = "<bibtex>") -> tuple[list[Reference], list[str]]:
    """Read BibTeX text into references; blocks that fail to parse come back as messages."""
    import bibtexparser
    from bibtexparser.middlewares import SeparateCoAuthors

    library = bibtexparser.parse_string(text, append_middleware=[SeparateCoAuthors(name_fields=NAME_FIELDS)])
    failures = [f"{source_name}: line {(b.start_line or 0) + 1}: {describe_failure(b)}" for b in library.failed_blocks]
    refs = []
    for entry in library.entries:
        refs.append(_entry_to_reference(entry, source_name))
    return refs, failures


def _entry_to_reference(entry, source_name: str) -> Reference:
    values = {f.key.lower(): f.value for f in entry.fields}
    kw: dict = {"entry_type": entry.entry_type.lower(), "key": entry.key, "style": "bibtex"}
    for field, attr in _BACK.items():
        if field in values and isinstance(values[field], str) and attr not in kw:
            kw[attr] = _decode(values[field]).strip()
    if "pages" in kw:
        kw["pages"] = kw["pages"].replace("--", "-")
    number = values.get("number")
    if isinstance(number, str):
        if kw["entry_type"] in _DOC_NUMBER_TYPES:
            kw["doc_number"] = _decode(number)
            if isinstance(values.get("issue"), str):
                kw["issue"] = _decode(values["issue"])
        else:
            kw["issue"] = _decode(number)
    for field, attr in (("author", "authors"), ("editor", "editors"), ("translator", "translators")):
        if field in values:
            names, et_al = _read_names(values[field])
            kw[attr] = names
            if field == "author":
                kw["et_al"] = et_al
    subtype = values.get("type") or values.get("entrysubtype") or ""
    kw["type_code"] = types.code_of(kw["entry_type"], "", subtype.lower() if isinstance(subtype, str) else "")
    if values.get("eprinttype", "").lower() == "pubmed" and isinstance(values.get("eprint"), str):
        kw["pmid"] = values["eprint"]
    if values.get("language"):
        kw["language"] = "zh" if str(values["language"]).lower() in ("zh", "chinese", "zh-cn") else "en"
    elif has_cjk(kw.get("title", "")):
        kw["language"] = "zh"
    if isinstance(values.get("keywords"), str):
        kw["aliases"] = tuple(a.strip() for a in _decode(values["keywords"]).split(",") if a.strip())
    if isinstance(values.get("annotation"), str):
        m = _PROVENANCE.match(_decode(values["annotation"]).strip())
        assert m is not None  # the pattern matches any text
        kw["source"] = m["source"]
        kw["number"] = int(m["number"]) if m["number"] else None
    else:
        kw["source"] = source_name
    if values.get("titleaddon") or values.get("journaltitleaddon") or values.get("namea"):
        t: dict = {"title": _decode(values.get("titleaddon", "")),
                   "container": _decode(values.get("journaltitleaddon", "")),
                   "entry_type": kw["entry_type"]}
        if values.get("namea"):
            t["authors"], t["et_al"] = _read_names(values["namea"])
        kw["translation"] = Reference(raw="", **t)
    kw["registry"] = registry_ids(" ".join(str(v) for v in values.values()))
    kw["raw"] = entry.raw or ""
    return Reference(**kw)


def concatenate(files: Iterable[Path]) -> str:
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
            raise LibraryError(f"{path}: line {(block.start_line or 0) + 1}: {describe_failure(block)}")
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
