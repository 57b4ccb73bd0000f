"""The normalisers and the key maker, one table each: input -> expected, with ids."""

from __future__ import annotations

import pytest

from refman.model import Name, Reference
from refman.parsing import keys, normalize
from refman.vocab.lines import join_broken_line


@pytest.mark.parametrize("text, expected", [
    pytest.param("HORN L. First–line atezolizumab [J] . *N Engl J Med*, 2018, 379(23): 2220–2229.",
                 "HORN L. First-line atezolizumab[J]. N Engl J Med, 2018, 379(23): 2220-2229.", id="dashes-markdown-code"),
    pytest.param("全智能节电器：CN200610171314.3［P］．2008-01-16：8-9．",
                 "全智能节电器: CN200610171314.3[P]. 2008-01-16: 8-9.", id="full-width"),
    pytest.param("Eﬃcacy in the Paciﬁc", "Efficacy in the Pacific", id="ligatures"),
    pytest.param("ad- vanced can- cer", "advanced cancer", id="line-break-hyphen"),
    pytest.param("pre- and post-operative", "pre- and post-operative", id="suspended-hyphen"),
    pytest.param("J Clin Oncol, 2019, 37: 759- 771.", "J Clin Oncol, 2019, 37: 759-771.", id="broken-range"),
    pytest.param("et al.Sorafenib in HCC[J].N Engl J Med", "et al. Sorafenib in HCC[J]. N Engl J Med", id="glued-stops"),
    pytest.param("15\\_suppl \\*x", "15_suppl *x", id="markdown-escapes"),
    pytest.param("2020, 12 (3) : 45 ～ 49", "2020, 12(3): 45-49", id="tilde-range-and-spaces"),
    pytest.param("MICCAI – 2015", "MICCAI – 2015", id="spaced-en-dash-kept"),
])
def test_clean(text, expected):
    assert normalize.clean(text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("687-97", "687-697", id="abbreviated-end"),
    pytest.param("224–233", "224-233", id="en-dash"),
    pytest.param("S621-5", "S621-S625", id="prefixed"),
    pytest.param("566-579.e7", "566-579.e7", id="e-suffix"),
    pytest.param("giad067", "giad067", id="article-number"),
    pytest.param("1535 - 46", "1535-1546", id="spaced"),
    pytest.param("e100-e105", "e100-e105", id="e-pages"),
    pytest.param("vii-ix", "vii-ix", id="roman-kept"),
])
def test_pages(text, expected):
    assert normalize.pages(text) == expected


@pytest.mark.parametrize("args, expected", [
    pytest.param(("2018", "Dec", "6"), "2018-12-06", id="month-name"),
    pytest.param(("2021", "1"), "2021-01", id="month-number"),
    pytest.param(("2021", "Spring"), "2021", id="season-dropped"),
    pytest.param(("", "Jan"), "", id="no-year"),
])
def test_iso_date(args, expected):
    assert normalize.iso_date(*args) == expected


@pytest.mark.parametrize("left, right, joined", [
    pytest.param("adenocar-", "cinoma", "adenocarcinoma", id="hyphenation"),
    pytest.param("progression-", "free survival", "progression-free survival", id="compound"),
    pytest.param("568-", "571", "568-571", id="page-range"),
    pytest.param("COVID-", "19", "COVID-19", id="digits"),
])
def test_join_broken_line(left, right, joined):
    assert join_broken_line(left, right) == joined


def _ref(**fields):
    return Reference(raw="", **fields)


@pytest.mark.parametrize("ref, key", [
    pytest.param(_ref(authors=(Name("Caplin", "M. E."),), year="2014", title="Lanreotide in metastatic NETs"),
                 "caplin2014lanreotide", id="person"),
    pytest.param(_ref(authors=(Name("Ćwikła", "J. B."),), year="2021", title="The dosing of lanreotide"),
                 "cwikla2021dosing", id="diacritics-and-stopword"),
    pytest.param(_ref(authors=(Name("徐建明"),), year="2020", title="胃癌靶向治疗进展"), "xujianming2020weiai",
                 id="chinese-pinyin"),
    pytest.param(_ref(authors=(Name("曾晓明"),), year="2019", title="肺癌"), "zengxiaoming2019feiai",
                 id="surname-reading"),
    pytest.param(_ref(authors=(Name("徐建明"),), year="2020", title="胃癌靶向治疗进展",
                      translation=_ref(authors=(Name("Xu", "J. M."),), title="Advances in targeted therapy")),
                 "xu2020advances", id="english-translation"),
    pytest.param(_ref(authors=(Name("World Health Organization", corporate=True),), year="2023",
                      title="Global tuberculosis report 2023"), "world2023global", id="organisation"),
    pytest.param(_ref(authors=(Name("中国抗癌协会神经内分泌肿瘤专业委员会", corporate=True),), year="2022",
                      title="中国抗癌协会神经内分泌肿瘤诊治指南"), "zhongguokangai2022zhongguo", id="chinese-organisation"),
    pytest.param(_ref(editors=(Name("Amin", "M. B."),), year="2017", title="AJCC cancer staging manual"),
                 "amin2017ajcc", id="editors-when-no-authors"),
    pytest.param(_ref(title="Untitled memo"), "untitlednd", id="no-author-no-year"),
])
def test_keys(ref, key):
    assert keys.base_key(ref) == key


def test_keys_stay_unique_against_those_taken():
    ref = _ref(authors=(Name("Caplin", "M. E."),), year="2014", title="Lanreotide")
    got = [r.key for r in keys.assign_keys([ref, ref, ref], taken={"caplin2014lanreotide"})]
    assert got == ["caplin2014lanreotideb", "caplin2014lanreotidec", "caplin2014lanreotided"]
