"""The exported BibTeX goes through the real programs that read it.

A complaint about an empty field is excused only when the reference really has no such data
(a web page cited without a date has no year); every other warning or error fails the test.

Two inputs: the committed library (the seeds' 51 references) and the BibTeX of the whole
reference-string corpus in tests/data/corpus, which holds every GB/T 7714 type and the odd
characters (``&``, ``%``, ``_``, ``#``, Chinese, diacritics) that break careless writers.
"""

from __future__ import annotations

import shutil
import subprocess

import bibtexparser
import pytest

import refman
from refman.formats.bibtex import to_bibtex
from refman.parsing.keys import assign_keys

from . import toolchain
from .conftest import LIBRARY
from .corpus import load_corpus

TOOLS = ("bibtex", "lualatex", "biber", "pandoc")


def _library_bib() -> tuple[str, dict]:
    lib = refman.Library(LIBRARY)
    return refman.export(lib), {r.key: r for r in lib}


def _corpus_bib() -> tuple[str, dict]:
    from refman.parsing.styles import parse_entry

    refs = []
    for case in load_corpus():
        ref, _ = parse_entry(case.raw.split("\n")[0],
                             translation="\n".join(case.raw.split("\n")[1:]),
                             number=len(refs) + 1, source=case.id)
        refs.append(ref)
    refs = assign_keys(refs)
    return to_bibtex(refs), {r.key: r for r in refs}


INPUTS = [pytest.param(_library_bib, id="library"), pytest.param(_corpus_bib, id="corpus")]


@pytest.fixture(scope="module", autouse=True)
def _tools_present():
    missing = [t for t in TOOLS if shutil.which(t) is None]
    assert not missing, f"install {missing} (see .ci/run)"


@pytest.mark.parametrize("make_bib", INPUTS)
def test_bibtexparser_reads_every_entry(make_bib):
    bib, _ = make_bib()
    library = bibtexparser.parse_string(bib)
    assert library.failed_blocks == []
    assert len(library.entries) == len(toolchain.bibtex_keys(bib)) > 0


@pytest.mark.parametrize("make_bib", INPUTS)
def test_bibtex_program_compiles_a_document_citing_every_key(make_bib, tmp_path):
    bib, refs = make_bib()
    assert toolchain.real_complaints(toolchain.bibtex_program(bib, tmp_path), refs) == []


@pytest.mark.parametrize("make_bib", INPUTS)
def test_biber_validates_the_data_model(make_bib, tmp_path):
    bib, refs = make_bib()
    assert toolchain.real_complaints(toolchain.biber_validate(bib, tmp_path), refs) == []


@pytest.mark.parametrize("make_bib", INPUTS)
def test_pandoc_citeproc_renders_every_entry(make_bib, tmp_path):
    bib, _ = make_bib()
    complaints, rendered = toolchain.pandoc_citeproc(bib, tmp_path)
    assert complaints == []
    paragraphs = [p for p in rendered.split("\n\n") if p.strip()]
    assert len(paragraphs) == len(toolchain.bibtex_keys(bib))


@pytest.mark.parametrize("make_bib", INPUTS)
def test_pybtex_parses_strictly_and_formats(make_bib, tmp_path):
    bib, refs = make_bib()
    complaints, count = toolchain.pybtex_check(bib, tmp_path)
    assert toolchain.real_complaints(complaints, refs) == []
    assert count == len(toolchain.bibtex_keys(bib))


def test_csl_json_export_is_read_by_pandoc_citeproc(tmp_path):
    csl = tmp_path / "lib.json"
    csl.write_text(refman.export(LIBRARY, fmt="csl-json"), encoding="utf-8")
    doc = tmp_path / "doc.md"
    doc.write_text("---\nnocite: |\n  @*\n---\n", encoding="utf-8")
    proc = subprocess.run(["pandoc", "--citeproc", "--bibliography", str(csl), "-t", "plain",
                           "--wrap=none", str(doc)], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stderr == ""
    assert len([p for p in proc.stdout.split("\n\n") if p.strip()]) == 51
    assert "lanreotide in metastatic enteropancreatic neuroendocrine tumors" in proc.stdout.lower()
