"""Claims: sentence splitting, markers, entities, linking, aliases; measured on gold documents."""

from __future__ import annotations

import shutil

import pytest

import refman
from refman.linking.markers import expand, find_markers
from refman.linking.sentences import split_claims
from refman.vocab.mentions import find_entities

from . import linkeval
from .conftest import IMFORTE, KC_WISE, LIBRARY, NEN_REVIEW, SEEDS
from .test_library import IMFORTE_BIB


@pytest.mark.parametrize("text, numbers", [
    pytest.param("持续升高^[1]。", [(1,)], id="caret"),
    pytest.param("两大经典药物临床试验^[4-5]分别", [(4, 5)], id="caret-range"),
    pytest.param("均被证实^[13-16]。", [(13, 14, 15, 16)], id="long-range"),
    pytest.param("as shown [4,7].", [(4, 7)], id="comma"),
    pytest.param("as shown [4, 7-9].", [(4, 7, 8, 9)], id="comma-range"),
    pytest.param("见文献^{[4]}。", [(4,)], id="braced"),
    pytest.param("trial<sup>4</sup>.", [(4,)], id="html-sup"),
    pytest.param("研究［4］显示", [(4,)], id="fullwidth-brackets"),
    pytest.param("研究【12】显示", [(12,)], id="lenticular"),
    pytest.param("EMILIA研究[4]中", [(4,)], id="bracket-after-chinese"),
    pytest.param("the standard of care.²,³ For older", [(2, 3)], id="superscripts"),
    pytest.param("RESONATE研究²奠定了", [(2,)], id="superscript-after-chinese"),
    pytest.param("with nivolumab alone (HR 0.75) (3).", [(3,)], id="parenthesised"),
    pytest.param("紫杉醇175 mg/m² d1", [], id="unit-not-marker"),
    pytest.param("计数≥5×10⁹/L", [], id="exponent-not-marker"),
    pytest.param("风险比[HR] = 0.54", [], id="bracketed-word"),
    pytest.param("（1）入组标准", [], id="enumeration-not-marker"),
    pytest.param("the leading cause worldwide[1].", [(1,)], id="bracket-glued-to-word"),
    pytest.param("cancer death worldwide.1 In the ToGA trial", [(1,)], id="flattened-superscript"),
    pytest.param("(HR 0.74; P = .0046).2 Nivolumab was", [(2,)], id="flattened-after-parenthesis"),
    pytest.param("guidelines [2019] say", [(2019,)], id="year-in-brackets-found-here-dropped-when-linking"),
    pytest.param("a list of 1500 entries [1203].", [(1203,)], id="four-digit-entry"),
    # converter output of real articles (benchmarks/docs)
    pytest.param("气温升高 $0 . 3 ^ { \\circ } \\mathrm { C } ^ { [ 1 ] }$ ,中亚", [(1,)], id="mineru-latex-superscript"),
    pytest.param("面积 $1 8 \\ \\mathrm { k m } ^ { 2 [ 1 1 ] }$ 。", [(11,)], id="marker-glued-to-an-exponent"),
    pytest.param("$2 7 0 ^ { \\circ [ 1 9 , 2 1 ] }$ U", [(19, 21)], id="marker-glued-to-degrees"),
    pytest.param("\\right] ^ { \\left[ 5 \\right] }$ 以", [(5,)], id="latex-left-right-brackets"),
    pytest.param("模拟网络环境[17\\~19],通过", [(17, 18, 19)], id="markdown-escaped-tilde"),
    pytest.param("文献[ 4 ]指出", [(4,)], id="spaced-brackets"),
    pytest.param("as used in [28] (which we call", [(28,)], id="marker-then-parenthesis"),
    pytest.param("of image $n$[14].", [(14,)], id="marker-after-inline-math"),
    pytest.param("see [the paper](https://x.org/1) and $[0,1]$", [], id="link-and-interval-not-markers"),
    pytest.param("王姣妍等[4研究表明", [(4,)], id="damaged-lost-closing-bracket"),
    pytest.param("赵学锋等[6-7通过", [(6, 7)], id="damaged-range-lost-closing-bracket"),
    pytest.param("Propastin[1o]认为", [(10,)], id="damaged-letter-for-digit"),
    pytest.param("[J]. Arid Zone Research", [], id="type-code-not-marker"),
])
def test_markers(text, numbers):
    assert [m.numbers for m in find_markers(text)] == numbers


def test_expand_keeps_absurd_ranges_as_their_ends():
    assert expand("3-2000") == (3, 2000)  # not 1998 numbers
    assert expand("2-4, 9") == (2, 3, 4, 9)


def test_a_year_in_brackets_is_no_marker_unless_the_list_is_that_long():
    from refman.linking.link import drop_year_markers
    from refman.model import Reference

    [claim] = split_claims("The 2019 guidelines [2019] agree [3].")
    assert drop_year_markers(claim, {3: Reference(raw="")}).markers == (3,)
    assert drop_year_markers(claim, {2019: Reference(raw=""), 3: Reference(raw="")}).markers == (2019, 3)


@pytest.mark.parametrize("text, field, expected", [
    pytest.param("CLARINET FORTE前瞻性Ⅱ期临床试验^[8]结果显示，增量使用兰瑞肽", "trials", ("CLARINET FORTE",), id="trial-multiword"),
    pytest.param("CLARINET FORTE前瞻性Ⅱ期临床试验^[8]结果显示，增量使用兰瑞肽", "drugs", ("lanreotide",), id="drug-chinese"),
    pytest.param("本次公布的III期研究（KC-WISE, NCT05427383）", "registry", ("NCT05427383",), id="registry"),
    pytest.param("在联合治疗方面, Liu等^[11]回顾性研究了", "authors", ("Liu",), id="author-deng"),
    pytest.param("Halperin et al. reported", "authors", ("Halperin",), id="author-et-al"),
    pytest.param("安尼妥单抗（Anbenitamab，KN026）联合化疗", "acronyms", (), id="drug-code-not-trial"),
    pytest.param("PD-L1 and HER2 expression, NSCLC, PFS and OS", "acronyms", (), id="generic-abbreviations"),
])
def test_entities(text, field, expected):
    assert getattr(find_entities(text), field) == expected


def test_sentences_keep_offsets_and_join_page_breaks():
    body = NEN_REVIEW.read_text(encoding="utf-8")
    claims = split_claims(body)
    for c in claims:
        assert body[c.start:c.end].replace("\n", "").replace(" ", "") == c.text.replace(" ", "")
    broken = next(c for c in claims if "REMINET" in c.text)
    assert "兰瑞肽维持" in broken.text and broken.entities.drugs  # 兰\n\n瑞肽 put back together
    assert not any(c.text.startswith(("陈洁，主任医师", "[关键词]", "DOI:", "1 生物治疗")) for c in claims)


def test_every_marker_of_the_nen_review_links_exactly():
    linked = refman.claims(NEN_REVIEW, LIBRARY)
    markers = [m for c in linked for m in c.claim.marker_spans]
    assert len(markers) == 41
    for item in linked:
        if item.claim.markers:
            assert item.dangling == ()
            assert [s.number for s in item.sources] == list(item.claim.markers)
            assert all(s.via == "marker" and s.score == 1.0 for s in item.sources)


def test_kc_wise_results_link_by_evidence_and_other_trials_do_not():
    linked = refman.claims(KC_WISE, LIBRARY)

    def sources(fragment):
        item = next(c for c in linked if fragment in c.claim.text)
        return [(s.key, s.via) for s in item.sources]

    [(key, via)] = sources("III期临床试验(KC-WISE)取得重大突破")
    assert key == "liu2026anbenitamab" and via.startswith("acronym:KC-WISE,journal:Annals of Oncology")
    for fragment in ("中位PFS仅为2.7个月", "中位OS长达19.6个月", "ORR高达56%", "死亡风险显著降低71%",
                     "两组≥3级治疗相关不良事件"):
        assert [k for k, _ in sources(fragment)] == ["liu2026anbenitamab"], fragment
    for fragment in ("ToGA研究奠定了", "DESTINY-Gastric04研究证实了"):
        assert sources(fragment) == [], fragment


def test_imforte_results_are_unsourced_until_the_paper_is_in_the_library(tmp_path):
    for path in LIBRARY.iterdir():
        if path.is_file():
            shutil.copy(path, tmp_path)
    results = ("中位无进展生存期从单独阿替利珠单抗组的2.1个月", "中位总生存期也从10.6个月延长至13.2个月",
               "联合治疗组的TRAEs发生率为83.5%")

    def linked(fragment):
        item = next(c for c in refman.claims(IMFORTE, tmp_path) if fragment in c.claim.text)
        return [s.key for s in item.sources]

    assert all(linked(f) == [] for f in results)
    (tmp_path / "imforte.bib").write_text(IMFORTE_BIB, encoding="utf-8")
    assert all(linked(f) == ["pazares2025lurbinectedin"] for f in results)


def test_build_stores_the_names_claims_give_their_sources():
    lib = refman.Library(LIBRARY)
    assert "IMpower133" in lib.get("horn2018first").aliases
    assert "CLARINET" in lib.get("caplin2014lanreotide").aliases
    assert lib.get("caplin2021lanreotide").aliases == ()  # its title already says CLARINET


def test_linking_on_gold_documents_without_markers():
    """Recall and wrong-link rate of links made from evidence alone, on documents written for
    this test (tests/data/claims), each against its own reference list."""
    score = linkeval.score_links(linkeval.cases(), library=SEEDS.parent / "tests" / "data" / "empty")
    assert score.marker_exact == score.marker_claims
    assert score.wrong_rate <= 0.05, "\n".join(score.wrongs)
    assert score.recall >= 0.70, "\n".join(score.misses)  # measured: 72.5% (benchmarks/link_score.py)


def test_hard_wrapped_sentences_keep_their_text_and_markers():
    draft = linkeval.DATA.parent / "drafts" / "draft_wrap.txt"
    linked = refman.claims(draft, linkeval.DATA.parent / "empty")
    texts = [c.claim.text for c in linked]
    assert texts[0].startswith("Pembrolizumab improved overall survival") and texts[0].endswith("at least 50% [7].")
    assert texts[2].startswith("In KEYNOTE-062") and "[6]" in texts[2]
    assert texts[3] == "研究显示,帕博利珠单抗组的中位OS为30.0个月^[8]。"
    uncited = [f.number for f in refman.check(draft, linkeval.DATA.parent / "empty") if f.kind == "uncited-entry"]
    assert uncited == [1, 2, 3, 4, 5, 10, 11]  # 6 is cited on a wrapped line


def test_a_count_in_parentheses_is_not_a_citation_where_the_writer_uses_carets():
    linked = refman.claims(linkeval.DATA.parent / "drafts" / "draft_paren.txt", linkeval.DATA.parent / "empty")
    grade = next(c for c in linked if c.claim.text.startswith("Grade 3 events"))
    assert grade.claim.markers == ()
    en = refman.claims(linkeval.DATA.parent / "drafts" / "draft_en.txt", linkeval.DATA.parent / "empty")
    assert [c.claim.markers for c in en[:4]] == [(1,), (2,), (3,), (4, 5)]


def test_a_damaged_marker_links_and_is_reported(tmp_path):
    doc = tmp_path / "draft.md"
    doc.write_text("巴尔喀什湖水位持续下降。王姣妍等[4研究表明,气候变化是主导因素。\n\n参考文献\n"
                   + "".join(f"[{n}] 作者{n}. 题名{n}[J]. 期刊, 2020, {n}(1): 1-2.\n" for n in range(1, 6)),
                   encoding="utf-8")
    empty = tmp_path / "library"
    empty.mkdir()
    claim = next(c for c in refman.claims(doc, library=empty) if "王姣妍" in c.claim.text)
    assert [s.number for s in claim.sources] == [4]
    findings = [f for f in refman.check(doc, library=empty) if f.kind == "damaged-marker"]
    assert [(f.numbers, "'[4'" in f.message) for f in findings] == [((4,), True)]
