"""The bundled seed documents parse completely and correctly, and the committed library is
exactly what `refman build` makes of them."""

from __future__ import annotations

import filecmp

import pytest

import refman

from .conftest import COMMITTED_LIBRARY, IMFORTE, KC_WISE, LIBRARY, NEN_REVIEW, SEEDS


def names(ref):
    return [n.bibtex() for n in ref.authors]


def test_nen_review_has_fifty_references_in_order(nen_references):
    assert sorted(nen_references) == list(range(1, 51))
    assert all(r.style.startswith("gbt7714") for r in nen_references.values())
    assert all(r.source == NEN_REVIEW.name for r in nen_references.values())


@pytest.mark.parametrize("number, expected", [
    pytest.param(2, dict(entry_type="book", authors=["{WHO Classification of Tumours Editorial Board}"],
                         title="WHO classification of tumours of digestive system", place="Lyon",
                         publisher="IARC Press", year="2019", edition=""), id="book-corporate-place-publisher"),
    pytest.param(3, dict(entry_type="book", title="Thoracic tumours", edition="5th",
                         publisher="International Agency for Research on Cancer",
                         place="Lyon, France", year="2021"), id="book-edition-publisher-then-place"),
    pytest.param(4, dict(authors=["Caplin, M. E.", "Pavel, M.", "Ćwikła, J. B."], et_al=True,
                         title="Lanreotide in metastatic enteropancreatic neuroendocrine tumors",
                         container="N Engl J Med", year="2014", volume="371", issue="3",
                         pages="224-233", key="caplin2014lanreotide"), id="journal-uppercase-diacritics"),
    pytest.param(9, dict(container="Dig Liver Dis", volume="49", issue="5", pages="568-571",
                         title="Evaluating lanreotide as maintenance therapy after first-line treatment "
                               "in patients with non-resectable duodeno-pancreatic neuroendocrine tumours"),
                 id="page-break-inside-pages"),
    pytest.param(16, dict(container="Lung", year="2020", volume="37", issue="", pages="4585-4598"),
                 id="no-issue"),
    pytest.param(17, dict(volume="37", issue="15_suppl", pages="4106"), id="supplement-issue"),
    pytest.param(24, dict(volume="32", issue="suppl_5", pages="S621-S625"), id="supplement-pages"),
    pytest.param(7, dict(volume="32", issue="", pages="S906"), id="supplement-page-only"),
    pytest.param(20, dict(pages="17588359221077088", authors=["Levy, S.", "Verbeek, W. H. M.",
                                                                "Eskens, F. A. L. M."]), id="article-number"),
    pytest.param(29, dict(entry_type="online", type_code="EB", carrier="OL",
                          authors=["{Thoracique IFdC}", "{Digestive FFdC}", "{Group G-MOC}"],
                          year="2019", updated="2020-10-09", urldate="2022-08-25",
                          url="https://clinicaltrials.gov/show/NCT03591731", registry=("NCT03591731",),
                          title="Nivolumab +/- ipilimumab in patients with advanced, refractory pulmonary or "
                                "gastroenteropancreatic poorly differentiated neuroendocrine tumors (NECs)"),
                 id="online-corporate-dates-angle-url"),
    pytest.param(31, dict(authors=["Horn, L.", "Mansfield, A. S.", "Szczęsna, A."],
                          title="First-line atezolizumab plus chemotherapy in extensive-stage small-cell lung cancer",
                          container="N Engl J Med", volume="379", issue="23", pages="2220-2229"),
                 id="page-break-inside-title-en-dashes"),
    pytest.param(32, dict(authors=["Paz-Ares, L.", "Dvorkin, M.", "Chen, Y. B."],
                          title="Durvalumab plus platinum-etoposide versus platinum-etoposide in first-line "
                                "treatment of extensive-stage small-cell lung cancer (CASPIAN): a randomised, "
                                "controlled, open-label, phase 3 trial"), id="en-dash-in-names-and-words"),
    pytest.param(35, dict(container="J Cancer Res Clin Oncol", year="2022", volume="", issue="", pages="",
                          note="Online ahead of print"), id="online-ahead-of-print"),
    pytest.param(37, dict(title="A DLL3-targeted antibody-drug conjugate eradicates high-grade pulmonary "
                                "neuroendocrine tumor-initiating cells in vivo", container="Sci Transl Med",
                          volume="7", issue="302", pages="302ra136"), id="italics-in-title"),
    pytest.param(45, dict(pages="566-579.e7"), id="pages-with-e-suffix"),
    pytest.param(47, dict(title="BRAF V600E mutations in high-grade colorectal neuroendocrine tumors may "
                                "predict responsiveness to BRAF-MEK combination therapy"), id="italic-genes"),
    pytest.param(49, dict(authors=["Capdevila, J.", "Arqués, O.", "Hernández Mora, J. R."],
                          title="Epigenetic EGFR gene repression confers sensitivity to therapeutic BRAF "
                                "V600E blockade in colon neuroendocrine carcinomas"), id="compound-family-name"),
])
def test_nen_reference_fields(nen_references, number, expected):
    ref = nen_references[number]
    for field, want in expected.items():
        got = names(ref) if field == "authors" else getattr(ref, field)
        assert got == want, f"[{number}] {field}"


def test_chinese_entry_keeps_its_english_translation(nen_references):
    ref = nen_references[21]
    assert ref.language == "zh"
    assert names(ref) == ["{中国抗癌协会神经内分泌肿瘤专业委员会}"]
    assert (ref.title, ref.container, ref.year, ref.volume, ref.issue, ref.pages) == (
        "中国抗癌协会神经内分泌肿瘤诊治指南 (2022年版)", "中国癌症杂志", "2022", "", "6", "545-580")
    english = ref.translation
    assert names(english) == ["{Society of Neuroendocrine Neoplasm of China Anti-Cancer Association}"]
    assert english.title == ("China Anti-Cancer Association guideline for diagnosis and treatment of "
                             "neuroendocrine neoplasm (2022 edition)")
    assert english.container == "China Oncol"
    assert ref.key == "society2022china"


def test_kc_wise_citation_line_is_found_in_a_news_article():
    result = refman.parse_file(KC_WISE)
    assert len(result.references) == 1
    ref = result.references[0]
    assert (ref.style, ref.entry_type, ref.container, ref.year, ref.doi) == (
        "vancouver", "article", "Annals of Oncology", "2026", "10.1016/j.annonc.2026.01.006")
    assert names(ref) == ["Liu, R.", "Zhao, J.", "Zhang, R."] and ref.et_al
    assert ref.title.startswith("Anbenitamab in previously treated HER2-positive gastric cancer (KC-WISE)")
    assert "Anbenitamab in previously" not in result.body  # the citation is not a claim


def test_article_without_references_is_a_clear_error():
    with pytest.raises(refman.NoReferencesError, match="no reference list found"):
        refman.parse_file(IMFORTE)


def test_committed_library_equals_a_fresh_build(tmp_path):
    result = refman.build([SEEDS], tmp_path)
    assert result.skipped == (IMFORTE.name,)
    assert len(result.references) == 51
    fresh = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    committed = sorted(p.name for p in COMMITTED_LIBRARY.iterdir() if not p.name.startswith("."))
    assert fresh == committed
    _, mismatch, errors = filecmp.cmpfiles(tmp_path, COMMITTED_LIBRARY, fresh, shallow=False)
    assert mismatch == [] and errors == [], "run `refman build` and commit references/"


def test_export_prints_all_51_references_in_library_order():
    bib = refman.export(LIBRARY)
    keys = [line.split("{", 1)[1].rstrip(",") for line in bib.splitlines() if line.startswith("@")]
    assert len(keys) == 51 == len(set(keys))
    assert keys[0] == "liu2026anbenitamab" and keys[1] == "dasari2017trends"
