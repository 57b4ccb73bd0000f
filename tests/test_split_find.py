"""Finding the reference list in a document and putting broken entries back together."""

from __future__ import annotations

from pathlib import Path

import pytest

import refman
from refman.parsing.find import locate
from refman.parsing.split import split_entries

ENTRY = "CAPLIN M E, PAVEL M. Lanreotide in metastatic enteropancreatic neuroendocrine tumors [J]. N Engl J Med, 2014, 371(3): 224-233."
ENTRY2 = "HORN L, MANSFIELD A S. First-line atezolizumab plus chemotherapy [J]. N Engl J Med, 2018, 379(23): 2220-2229."


def numbers_and_texts(text):
    result = refman.parse(text)
    return [(r.number, r.title) for r in result.references]


@pytest.mark.parametrize("heading", ["参考文献", "[参 考 文 献]", "References", "REFERENCES",
                                     "Bibliography", "## References", "参考文献：", "**References**"])
def test_headings(heading):
    text = f"Body sentence one.[1]\n\n{heading}\n[1] {ENTRY}\n[2] {ENTRY2}\n"
    located = locate(text)
    assert located.how == "heading"
    assert located.body.startswith("Body sentence one.")
    assert len(refman.parse(text).references) == 2


@pytest.mark.parametrize("numbering", ["[{n}] ", "{n}. ", "{n}) ", "- [{n}] ", "（{n}）", "［{n}］", "【{n}】"])
def test_numbering_styles(numbering):
    text = "\n".join(numbering.format(n=n) + e for n, e in ((1, ENTRY), (2, ENTRY2)))
    assert [n for n, _ in numbers_and_texts(text)] == [1, 2]


def test_trailing_numbered_block_without_heading():
    text = f"A body paragraph that cites things [1-2].\n1. {ENTRY}\n2. {ENTRY2}\n"
    located = locate(text)
    assert located.how == "numbered"
    assert located.body == "A body paragraph that cites things [1-2]."


def test_page_break_with_stray_bullet_and_page_furniture_between_entries():
    lines = [
        "- [1] HORN L, MANSFIELD A S, SZCZĘSNA A, et al. First-line atezolizumab plus chemotherapy in extensive-stage small-cell",
        "",
        "· 764 ·",
        "中国癌症杂志 2022年第32卷第9期",
        "- lung cancer [J] . *N Engl J Med*, 2018, 379(23): 2220-2229.",
        "- [2] " + ENTRY,
    ]
    entries, problems = split_entries(list(enumerate(lines)))
    assert [e.number for e in entries] == [1, 2]
    assert entries[0].text.endswith("small-cell lung cancer [J] . *N Engl J Med*, 2018, 379(23): 2220-2229.")
    assert problems == []


def test_english_translation_line_joins_the_chinese_entry():
    text = ("参考文献\n[1] 徐建明, 沈琳. 胃癌靶向治疗进展[J]. 中华肿瘤杂志, 2020, 42(3): 200-205.\n"
            "XU J M, SHEN L. Advances in targeted therapy of gastric cancer [J]. Chin J Oncol, 2020, 42(3): 200-205.\n"
            f"[2] {ENTRY}\n")
    refs = refman.parse(text).references
    assert [r.number for r in refs] == [1, 2]
    assert refs[0].title == "胃癌靶向治疗进展"
    assert refs[0].translation.title == "Advances in targeted therapy of gastric cancer"
    assert refs[0].translation.container == "Chin J Oncol"


def test_trailer_lines_end_the_list():
    text = f"参考文献\n[1] {ENTRY}\n[2] {ENTRY2}\n(收稿日期: 2022-07-10 修回日期: 2022-09-01)\n排版编辑: 某某\n"
    refs = refman.parse(text).references
    assert len(refs) == 2 and "收稿" not in refs[1].raw


def test_hyphen_at_line_end_joins_without_space():
    lines = ["[1] LEPAGE C, DAHAN L. Evaluating lanreotide [J]. Dig Liver Dis, 2017, 49(5): 568-", "571."]
    entries, _ = split_entries(list(enumerate(lines)))
    assert entries[0].text.endswith("568-571.")


def test_wrapped_lines_of_an_unfinished_entry_are_joined():
    lines = ["1. Bang YJ, Van Cutsem E, Feyereislova A, et al. Trastuzumab in combination with",
             "chemotherapy versus chemotherapy alone. Lancet. 2010;376(9742):687-97.",
             "2. " + ENTRY2]
    entries, _ = split_entries(list(enumerate(lines)))
    assert [e.number for e in entries] == [1, 2]
    assert "combination with chemotherapy versus" in entries[0].text


def test_numbering_gap_is_reported_not_hidden():
    entries, problems = split_entries(list(enumerate([f"[1] {ENTRY}", f"[3] {ENTRY2}"])))
    assert [e.number for e in entries] == [1, 3]
    assert [p.code for p in problems] == ["numbering"]


def test_numbered_steps_in_the_body_are_not_a_reference_list():
    text = "Methods\n1. Patients were randomised.\n2. Tumours were assessed every 6 weeks.\nThe trial then continued for many more years with further analyses.\n" * 2
    with pytest.raises(refman.NoReferencesError):
        refman.parse(text)


LISTS = Path(__file__).resolve().parent / "data" / "lists"


@pytest.mark.parametrize("name, numbers, check", [
    pytest.param("am2.txt", [1, 2, 3], lambda refs: refs[0].pages == "221-231" and "编辑部" not in refs[0].raw
                 and refs[1].title == "中国肺癌筛查与早诊早治指南", id="journal-banner-between-entries"),
    pytest.param("pmc.txt", [1, 2, 3, 4], lambda refs: refs[1].pages == "17-48" and refs[2].pages == "947-957",
                 id="pmc-manuscript-banners-inside-entries"),
    pytest.param("digit.txt", [1, 2, 3, 4, 5],
                 lambda refs: refs[1].title.startswith("2023 ESC") and not refs[1].authors, id="titles-starting-with-digits"),
    pytest.param("gap.txt", [1, 2, 10, 11], lambda refs: refs[1].pages == "17-48" and refs[2].pages == "947-957",
                 id="numbering-gap"),
    pytest.param("pb.txt", [1, 2], lambda refs: refs[0].pages == "1973-1985", id="decorated-page-number-inside-range"),
    pytest.param("wrap2.txt", [1, 2, 3], lambda refs: refs[1].container == "CA Cancer J Clin",
                 id="wrapped-after-a-year-in-the-title"),
    pytest.param("unnum.txt", [1, 2, 3, 4, 5],
                 lambda refs: refs[1].pages == "947-957" and "Table" not in refs[-1].raw, id="unnumbered-wrapped-then-table"),
    # Excerpts of converted real articles (tests/data/lists/SOURCES.md).
    pytest.param("nougat-table.txt", list(range(1, 9)),
                 lambda refs: refs[2].raw.endswith("pages 5744-5752, 2017.") and "tabular" not in refs[2].raw
                 and "Figure 4" not in refs[2].raw, id="latex-table-and-caption-inside-an-entry"),
    pytest.param("mineru-bilingual.txt", list(range(1, 11)),
                 lambda refs: refs[3].authors[0].family == "王姣妍" and refs[6].raw.endswith("3161-3177."),
                 id="bilingual-heading-mixed-brackets-run-together"),
    pytest.param("mineru-back-matter.txt", list(range(11, 19)),
                 lambda refs: "王宇：" not in refs[-1].raw, id="back-matter-section-after-the-list"),
    pytest.param("ocr-numbers.txt", [1, 2, 3, 4, 5, 6, 16],
                 lambda refs: refs[4].raw.startswith("刘军") and refs[5].raw.startswith("Jack H")
                 and refs[6].raw.startswith("IOM"), id="ocr-damaged-entry-numbers"),
])
def test_damaged_lists_lose_no_entry(name, numbers, check):
    refs = refman.parse((LISTS / name).read_text(encoding="utf-8")).references
    assert [r.number for r in refs] == numbers
    assert check(refs)


def test_a_line_between_entries_is_reported_not_silently_dropped():
    result = refman.parse((LISTS / "am2.txt").read_text(encoding="utf-8"))
    assert [p.code for p in result.problems] == ["skipped-line"]
    assert "中华肿瘤杂志编辑部" in result.problems[0].message
