"""BibTeX writing and reading: escaping, brace protection, keys, names, round trip."""

from __future__ import annotations

import bibtexparser
import pytest

from refman.formats import bibtex
from refman.model import Name, Reference
from refman.parsing import keys
from refman.parsing.styles import parse_entry


@pytest.mark.parametrize("title, expected", [
    pytest.param("Targeting BRAF mutations in high-grade carcinoma", "Targeting {BRAF} mutations in high-grade carcinoma", id="acronym"),
    pytest.param("DLL3 expression in LCNEC", "{DLL3} expression in {LCNEC}", id="acronym-first-word"),
    pytest.param("Anti-PD-L1 therapy in SCLC: the IMpower133 trial", "{Anti-PD-L1} therapy in {SCLC}: the {IMpower133} trial", id="mixed-case"),
    pytest.param("Final results of the CLARINET open-label extension", "Final results of the {CLARINET} open-label extension", id="trial-name"),
    pytest.param("Surufatinib in Chinese patients", "Surufatinib in {Chinese} patients", id="proper-noun-sentence-case"),
    pytest.param("Genomic Landscape Of Small Cell Lung Cancer", "Genomic Landscape Of Small Cell Lung Cancer", id="title-case-left-alone"),
    pytest.param("mRNA vaccines", "{mRNA} vaccines", id="lowercase-start-inner-capital"),
    pytest.param("中国抗癌协会神经内分泌肿瘤诊治指南 (2022年版)", "中国抗癌协会神经内分泌肿瘤诊治指南 (2022年版)", id="chinese"),
])
def test_protect(title, expected):
    assert bibtex.protect(title) == expected


@pytest.mark.parametrize("text, expected", [
    ("R&D 5% of $10 #1 a_b", r"R\&D 5\% of \$10 \#1 a\_b"),
    ("{braces} ~ ^ \\", r"\textbraceleft{}braces\textbraceright{} \textasciitilde{} \textasciicircum{} \textbackslash{}"),
    ("Ćwikła 徐建明 ≥50%", r"Ćwikła 徐建明 ≥50\%"),
])
def test_escape_only_latex_specials(text, expected):
    assert bibtex.escape(text) == expected


def test_protection_survives_escaping_and_reads_back():
    ref = Reference(raw="", key="x2020a", entry_type="article", title="R&D of PD-L1 inhibitors: 50% response",
                    authors=(Name("Johnson & Johnson", corporate=True), Name("O'Neil", "B. H.")),
                    container="J Clin Oncol", year="2020", pages="e100-e105")
    text = bibtex.to_bibtex([ref])
    assert r"title = {R\&D of {PD-L1} inhibitors: 50\% response}" in text
    assert r"author = {{Johnson \& Johnson} and O'Neil, B. H.}" in text
    assert "pages = {e100--e105}" in text
    [back], failures = bibtex.from_bibtex(text)
    assert failures == []
    assert back.title == ref.title
    assert back.authors == ref.authors
    assert back.pages == "e100-e105"


def test_round_trip_of_a_parsed_chinese_entry_with_translation():
    ref, _ = parse_entry("中国抗癌协会神经内分泌肿瘤专业委员会. 中国抗癌协会神经内分泌肿瘤诊治指南 (2022年版) [J] . *中国癌症杂志*, 2022(6): 545-580.",
                         translation="Society of Neuroendocrine Neoplasm of China Anti-Cancer Association. China Anti-Cancer Association guideline for diagnosis and treatment of neuroendocrine neoplasm (2022 edition) [J] . *China Oncol*, 2022(6): 545-580.",
                         number=21, source="review.txt")
    [ref] = keys.assign_keys([ref])
    text = bibtex.to_bibtex([ref])
    entry = bibtexparser.parse_string(text).entries[0]
    assert entry["language"] == "zh" and entry["journaltitleaddon"] == "China Oncol"
    assert entry["annotation"] == "review.txt [21]"
    [back], _ = bibtex.from_bibtex(text)
    assert (back.title, back.container, back.issue, back.pages, back.number, back.source) == (
        ref.title, ref.container, "6", "545-580", 21, "review.txt")
    assert back.translation.title == ref.translation.title
    assert back.authors[0].corporate


def test_keys_are_ascii_unique_and_stable():
    refs = [Reference(raw="", authors=(Name("Ćwikła", "J. B."),), year="2021", title="Lanreotide dosing"),
            Reference(raw="", authors=(Name("Ćwikła", "J. B."),), year="2021", title="Lanreotide safety"),
            Reference(raw="", authors=(Name("徐建明"),), year="2020", title="胃癌靶向治疗进展"),
            Reference(raw="", authors=(Name("曾晓明"),), year="2019", title="肺癌"),
            Reference(raw="", title="The untitled report", year="")]
    got = [r.key for r in keys.assign_keys(refs)]
    # no author: the title's first significant word stands first, "nd" for the missing year
    assert got == ["cwikla2021lanreotide", "cwikla2021lanreotideb", "xujianming2020weiai",
                   "zengxiaoming2019feiai", "untitlednd"]
    assert got == [r.key for r in keys.assign_keys(refs)]
    assert all(k.isascii() and k.isalnum() for k in got)
