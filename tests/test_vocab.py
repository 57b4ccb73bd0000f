"""The shared vocabulary, one table per idea: input -> expected, with ids."""

from __future__ import annotations

import pytest

from refman.model import Name, Reference
from refman.vocab import identifiers, names, script, trials, types, works

# --- identifiers -------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    pytest.param("ClinicalTrials.gov: NCT03434379.", ("NCT03434379",), id="nct"),
    pytest.param("ChiCTR2000029741 and ChiCTR-IPR-17012345", ("ChiCTR2000029741", "ChiCTR-IPR-17012345"), id="chictr"),
    pytest.param("EudraCT number 2017-003691-31", ("EudraCT number 2017-003691-31",), id="eudract-labelled"),
    pytest.param("ISRCTN12345678; ACTRN12617000747325", ("ISRCTN12345678", "ACTRN12617000747325"), id="isrctn-actrn"),
    pytest.param("CTR20191234 / jRCT2031200001", ("CTR20191234", "jRCT2031200001"), id="china-japan"),
    pytest.param("NCT0343437 (seven digits)", (), id="too-short"),
    pytest.param("CANCER 2019;125:1234-42", (), id="no-id"),
])
def test_registry_ids(text, expected):
    assert identifiers.registry_ids(text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("https://doi.org/10.1056/NEJMoa1316158.", "10.1056/NEJMoa1316158", id="doi-org-url"),
    pytest.param("http://dx.doi.org/10.1016/S0140-6736(10)61121-X", "10.1016/S0140-6736(10)61121-X", id="dx-parentheses"),
    pytest.param("doi: 10.3760/cma.j.cn112152-20240119-00035;", "10.3760/cma.j.cn112152-20240119-00035", id="label"),
    pytest.param("10.1200/JCO.2019.37.15_suppl.4000)", "10.1200/JCO.2019.37.15_suppl.4000", id="unbalanced-paren"),
])
def test_normalize_doi(text, expected):
    assert identifiers.normalize_doi(text) == expected


@pytest.mark.parametrize("text, field, value", [
    pytest.param("PMID: 24716580.", "pmid", "24716580", id="pmid"),
    pytest.param("PMCID: PMC4056780", "pmcid", "PMC4056780", id="pmcid"),
    pytest.param("ISBN 978-7-117-26610-5", "isbn", "978-7-117-26610-5", id="isbn"),
    pytest.param("ISSN 0028-4793", "issn", "0028-4793", id="issn"),
    pytest.param("CSTR:32001.14.11-6100.202303.001.", "cstr", "32001.14.11-6100.202303.001", id="cstr"),
])
def test_labelled_identifiers(text, field, value):
    extractor = next(e for e in identifiers.LABELLED if e.field == field)
    assert extractor.pattern.search(text)[1] == value


# --- script and years --------------------------------------------------------------------------


@pytest.mark.parametrize("text, share", [
    pytest.param("中华肿瘤杂志", 1.0, id="chinese"),
    pytest.param("N Engl J Med", 0.0, id="english"),
    pytest.param("兰瑞肽 AB", 0.6, id="mixed"),
    pytest.param("1234, ()", 0.0, id="no-letters"),
])
def test_cjk_share(text, share):
    assert script.cjk_share(text) == pytest.approx(share)


@pytest.mark.parametrize("text, years", [
    pytest.param("2010;376(9742):687-97", ["2010"], id="vancouver"),
    pytest.param("2020年公布", ["2020"], id="chinese-year"),
    pytest.param("12345 and 20201", [], id="inside-longer-numbers"),
    pytest.param("c1985", ["1985"], id="copyright"),
])
def test_years(text, years):
    assert script.years_in(text) == years


# --- trial names -------------------------------------------------------------------------------


@pytest.mark.parametrize("a, b, same", [
    pytest.param("Checkmate-067", "CheckMate 067", True, id="case-and-spacing"),
    pytest.param("KEYNOTE-189", "KEYNOTE-407", False, id="numbers-are-identity"),
    pytest.param("DESTINY-Breast03", "DESTINY-Breast04", False, id="suffix-numbers"),
    pytest.param("IMpower 133", "IMpower133", True, id="space-before-number"),
])
def test_acronym_key(a, b, same):
    assert (trials.acronym_key(a) == trials.acronym_key(b)) is same


@pytest.mark.parametrize("name, shaped", [
    pytest.param("KEYNOTE-189", True, id="letters-digits"),
    pytest.param("CheckMate 067", True, id="camel-space-digits"),
    pytest.param("monarchE", True, id="lower-camel"),
    pytest.param("FLAURA", True, id="capitals"),
    pytest.param("DART SWOG S1609", True, id="several-words"),
    pytest.param("Lancet", False, id="a-word"),
    pytest.param("ASCTinpatientstreatedwithmelphalan" * 50, True, id="glued-words-are-linear"),
    pytest.param("A" * 50_000 + "x", False, id="long-capitals-then-lowercase"),
])
def test_trial_shaped(name, shaped):
    assert trials.trial_shaped(name) is shaped


@pytest.mark.parametrize("title, expected", [
    pytest.param("Osimertinib in untreated EGFR-mutated NSCLC (FLAURA)", ["FLAURA"], id="parenthesised"),
    pytest.param("Results of the TALENT trial of neoadjuvant therapy", ["TALENT"], id="before-trial"),
    pytest.param("Large cell neuroendocrine carcinoma (LCNEC): a review", [], id="defined-abbreviation"),
    pytest.param("BRAF and KRAS in colorectal cancer", [], id="genes"),
    pytest.param("CLARINET FORTE phase 2 study of lanreotide", ["CLARINET FORTE"], id="two-words"),
])
def test_title_trials(title, expected):
    assert trials.title_trials(title) == expected


@pytest.mark.parametrize("name, title, other", [
    pytest.param("KEYNOTE-407", "Pembrolizumab in squamous NSCLC (KEYNOTE-189)", "KEYNOTE-189", id="other-number"),
    pytest.param("KEYNOTE-189", "Pembrolizumab in NSCLC (KEYNOTE-189): updated analysis", None, id="same"),
    pytest.param("DART SWOG S1609", "Dual blockade in rare tumors (DART SWOG 1609)", None, id="prefixed-number"),
    pytest.param("CLARNET", "Lanreotide in NETs: the CLARINET study", None, id="misspelt"),
    pytest.param("ORIENT-11", "Sintilimab in NSCLC (Oncology pRogram by InnovENT anti-PD-1-11)", None,
                 id="a-shape-is-no-accusation"),
    pytest.param("ToGA", "Lanreotide in metastatic neuroendocrine tumors", None, id="title-names-no-trial"),
])
def test_other_trial(name, title, other):
    assert trials.other_trial(name, title) == other


# --- names -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    pytest.param("CAPLIN M E", Name("Caplin", "M. E."), id="gbt2015-capitals"),
    pytest.param("Caplin ME", Name("Caplin", "M. E."), id="vancouver"),
    pytest.param("Park J-R", Name("Park", "J.-R."), id="hyphenated-initials"),
    pytest.param("Li Jiangning", Name("Li", "Jiangning"), id="pinyin-full"),
    pytest.param("McDERMOTT D F", Name("McDermott", "D. F."), id="mc-prefix"),
    pytest.param("Veen P H v d", Name("Veen", "P. H.", "v d"), id="gbt2025-particle"),
    pytest.param("徐建明", Name("徐建明"), id="chinese"),
    pytest.param("马克·吐温", Name("马克·吐温"), id="transliterated"),
    pytest.param("phase 3 randomised trial of", None, id="not-a-name"),
])
def test_person_name(text, expected):
    assert names.person_name(text) == expected


@pytest.mark.parametrize("text, organisation", [
    pytest.param("WHO Classification of Tumours Editorial Board", True, id="board"),
    pytest.param("中国抗癌协会神经内分泌肿瘤专业委员会", True, id="chinese-committee"),
    pytest.param("National Comprehensive Cancer Network", True, id="network"),
    pytest.param("CAPLIN M E", False, id="person"),
    pytest.param("徐建明", False, id="chinese-person"),
    pytest.param("张会", False, id="two-characters"),
])
def test_is_organisation(text, organisation):
    assert names.is_organisation(text) is organisation


@pytest.mark.parametrize("text, bibtex, et_al, role", [
    pytest.param("CAPLIN M E, PAVEL M, ĆWIKŁA J B, et al", ["Caplin, M. E.", "Pavel, M.", "Ćwikła, J. B."], True,
                 "author", id="gbt-et-al"),
    pytest.param("Amin MB, Edge SB, et al, editors", ["Amin, M. B.", "Edge, S. B."], True, "editor", id="editors"),
    pytest.param("王辰, 王建安, 主编", ["王辰", "王建安"], False, "editor", id="chinese-editors"),
    pytest.param("王 伟, 李 强", ["王伟", "李强"], False, "author", id="padded-two-character-names"),
    pytest.param("WRIGHT J T, Jr, SMITH A", ["Wright, Jr, J. T.", "Smith, A."], False, "author", id="suffix"),
    pytest.param("Surveillance, Epidemiology, and End Results (SEER) Program",
                 ["{Surveillance, Epidemiology, and End Results (SEER) Program}"], False, "author",
                 id="organisation-with-commas"),
])
def test_parse_author_list(text, bibtex, et_al, role):
    parsed = names.parse_author_list(text)
    assert ([n.bibtex() for n in parsed.names], parsed.et_al, parsed.role) == (bibtex, et_al, role)


@pytest.mark.parametrize("family, key, surname", [
    pytest.param("Ćwikła", "cwikla", "cwikla", id="diacritics"),
    pytest.param("曾益新", "zengyixin", "zeng", id="surname-reading"),
    pytest.param("欧阳晓晖", "ouyangxiaohui", "ouyang", id="compound-surname"),
    pytest.param("O'Neil", "oneil", "oneil", id="apostrophe"),
])
def test_family_and_surname_keys(family, key, surname):
    assert (names.family_key(family), names.surname_key(family)) == (key, surname)


# --- types -------------------------------------------------------------------------------------


@pytest.mark.parametrize("entry_type, code, csl, ris", [
    pytest.param("article", "J", "article-journal", "JOUR", id="journal"),
    pytest.param("article", "N", "article-newspaper", "NEWS", id="newspaper"),
    pytest.param("techreport", "S", "standard", "STAND", id="standard"),
    pytest.param("techreport", "R", "report", "RPRT", id="report"),
    pytest.param("incollection", "M", "chapter", "CHAP", id="chapter"),
    pytest.param("inproceedings", "C", "paper-conference", "CPAPER", id="conference-paper"),
    pytest.param("misc", "PP", "article", "UNPB", id="preprint"),
    pytest.param("online", "EB", "webpage", "ELEC", id="web-page"),
    pytest.param("article", "", "article-journal", "JOUR", id="from-bibtex-without-code"),
])
def test_one_type_table_for_every_format(entry_type, code, csl, ris):
    assert (types.csl_type(entry_type, code), types.ris_type(entry_type, code)) == (csl, ris)


# --- same work ---------------------------------------------------------------------------------

CAPLIN = Reference(raw="", title="Lanreotide in metastatic enteropancreatic neuroendocrine tumors", year="2014",
                   container="N Engl J Med", volume="371", pages="224-233", authors=(Name("Caplin", "M. E."),))


@pytest.mark.parametrize("other, why", [
    pytest.param(CAPLIN.with_fields(title="Lanreotide in metastatic entero-pancreatic neuroendocrine tumours"),
                 "title", id="spelling"),
    pytest.param(CAPLIN.with_fields(title="Something else entirely", authors=()), "place", id="same-page"),
    pytest.param(CAPLIN.with_fields(title=CAPLIN.title + " part 2", pages=""), "", id="numbers-differ"),
    pytest.param(CAPLIN.with_fields(year="2021", pages="502-513"), "", id="another-year"),
    pytest.param(CAPLIN.with_fields(doi="10.1/a"), "title", id="doi-on-one-side-falls-back-to-title"),
])
def test_same_work(other, why):
    assert works.same_work(CAPLIN, other) == why


def test_different_dois_are_different_works():
    assert works.same_work(CAPLIN.with_fields(doi="10.1/a"), CAPLIN.with_fields(doi="10.1/b")) == ""
    assert works.same_work(CAPLIN.with_fields(doi="10.1/A"), CAPLIN.with_fields(doi="10.1/a", title="x")) == "doi"


def test_a_collective_author_after_the_persons():
    from refman.vocab.names import parse_author_list
    authors = parse_author_list("Song CX, Fu R, Yang YJ; CAMI Registry study group")
    assert [n.bibtex() for n in authors.names] == ["Song, C. X.", "Fu, R.", "Yang, Y. J.", "{CAMI Registry study group}"]
    authors = parse_author_list("Leng W, Yang Y; behalf CAMI Registry investigators")
    assert authors.names[-1].family == "behalf CAMI Registry investigators"  # as printed


def test_language_notes_name_the_language():
    from refman.vocab.script import language_note
    assert [language_note(n) for n in ("Chinese.", "(in Japanese)", "German", "Review.", "Epub 2011")] == \
        ["zh", "ja", "de", "", ""]


def test_pubmed_labels_are_lifted_whole():
    import refman
    ref = refman.parse("Hong JL, Shen L. [Secondary mutation of c-kit]. Zhonghua Bing Li Xue Za Zhi. 2012 Jun;"
                       "41(6):386-90. Chinese. PubMed PMID: 22932406; PubMed Central PMCID: PMC4090262.").references[0]
    assert (ref.pmid, ref.pmcid, ref.language, ref.title, ref.note) == \
        ("22932406", "PMC4090262", "zh", "[Secondary mutation of c-kit]", "")
