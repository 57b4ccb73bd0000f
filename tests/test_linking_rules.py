"""Each linking rule alone, on a small index: claim -> the evidence it gives; the weights table
as documented; and the policies that shape links (aliases, drugs, unknown trials)."""

from __future__ import annotations

import re

import pytest

import refman
from refman.linking import evidence
from refman.linking.evidence import WEIGHTS, EvidenceIndex, evidence_for, situation
from refman.linking.sentences import split_claims
from refman.model import Name, Reference

REFS = [
    Reference(raw="", key="caplin2014lanreotide", number=1, year="2014", container="N Engl J Med",
              authors=(Name("Caplin", "M. E."),),
              title="Lanreotide in metastatic enteropancreatic neuroendocrine tumors (CLARINET)"),
    Reference(raw="", key="pavel2021efficacy", number=2, year="2021", container="Eur J Cancer",
              authors=(Name("Pavel", "M."),),
              title="Efficacy and safety of high-dose lanreotide autogel: CLARINET FORTE phase 2 study"),
    Reference(raw="", key="xu2020surufatinib", number=3, year="2020", container="Lancet Oncol",
              authors=(Name("Xu", "J."),), registry=("NCT02588170",),
              title="Surufatinib in advanced extrapancreatic neuroendocrine tumours (SANET-ep)"),
    Reference(raw="", key="liu2021sunitinib", number=4, year="2021", container="Oncologist",
              authors=(Name("Liu", "R."),), title="Sunitinib in pancreatic neuroendocrine tumours: real world data"),
]
INDEX = EvidenceIndex(REFS)


def claim(text):
    (found,) = split_claims(text)
    return found


def found(rule, text, own=frozenset()):
    c = claim(text)
    return sorted((REFS[i].key, str(ev), round(ev.weight, 3))
                  for i, ev in rule(c, INDEX, situation(c, INDEX, own)))


@pytest.mark.parametrize("rule, text, expected", [
    pytest.param(evidence.registry_rule, "The trial (NCT02588170) met its primary end point.",
                 [("xu2020surufatinib", "registry:NCT02588170", 1.0)], id="registry"),
    pytest.param(evidence.acronym_rule, "In CLARINET, lanreotide prolonged PFS.",
                 [("caplin2014lanreotide", "acronym:CLARINET", 0.9),
                  ("pavel2021efficacy", "acronym:CLARINET", round(0.5 / 2 ** 0.3, 3))], id="acronym-whole-and-part"),
    pytest.param(evidence.acronym_rule, "The CLARINET FORTE study doubled the dose.",
                 [("pavel2021efficacy", "acronym:CLARINET FORTE", 0.9)], id="acronym-longer-name"),
    pytest.param(evidence.author_rule, "Liu等2021年报道了舒尼替尼的真实世界数据。",
                 [("liu2021sunitinib", "author:Liu 2021", 0.85)], id="author-with-year"),
    pytest.param(evidence.author_rule, "Pavel et al. raised the dose.",
                 [("pavel2021efficacy", "author:Pavel", 0.7)], id="author"),
    pytest.param(evidence.drug_rule, "兰瑞肽组的中位PFS为32.8个月。",
                 [("caplin2014lanreotide", "drug:lanreotide", 0.3), ("pavel2021efficacy", "drug:lanreotide", 0.3)],
                 id="drug-across-languages"),
    pytest.param(evidence.drug_rule, "Lanreotide is a somatostatin analogue.", [], id="drug-outside-a-study"),
    pytest.param(evidence.title_rule, "Surufatinib in advanced extrapancreatic neuroendocrine tumours improved PFS.",
                 [("xu2020surufatinib", "title", 0.3)], id="title-words"),
])
def test_rule(rule, text, expected):
    assert found(rule, text) == expected


def test_a_trial_no_candidate_knows_keeps_a_drug_to_the_documents_own_paper():
    text = "In the NETTER-1 trial, the lutetium group had longer PFS than the lanreotide group."
    assert situation(claim(text), INDEX, frozenset()).unknown_trial
    assert found(evidence.drug_rule, text) == []  # two papers share the drug: neither
    assert found(evidence.drug_rule, "In NETTER-1, sunitinib patients did worse.", frozenset({3})) == [
        ("liu2021sunitinib", "drug:sunitinib", 0.6)]


def test_journal_and_year_only_support_candidates_found_by_identifying_evidence():
    c = claim("CLARINET, published in the N Engl J Med in 2014, changed practice for patients.")
    ev = evidence_for(c, INDEX)
    assert [str(e) for e in ev[0]] == ["acronym:CLARINET", "journal:N Engl J Med", "year:2014"]
    assert all(e.kind != "journal" for e in ev.get(3, []))


def test_the_weights_table_in_the_docs_is_the_table_in_the_code():
    rows = re.findall(r"^``(\w+)``\s+([\d.]+)", evidence.__doc__, re.M)
    assert [name for name, _ in rows] == list(evidence.WEIGHT_NAMES)
    assert {name: float(value) for name, value in rows} == {n: float(getattr(WEIGHTS, n)) for n in evidence.WEIGHT_NAMES}


# --- policies, end to end ----------------------------------------------------------------------

LIST = ("参考文献\n"
        "[1] CAPLIN M E, PAVEL M. Lanreotide in metastatic enteropancreatic neuroendocrine tumors (CLARINET)[J]. "
        "N Engl J Med, 2014, 371(3): 224-233.\n"
        "[2] STROSBERG J, EL-HADDAD G. Phase 3 trial of 177Lu-Dotatate for midgut neuroendocrine tumors (NETTER-1)[J]. "
        "N Engl J Med, 2017, 376(2): 125-135.\n")


def test_a_wrongly_cited_paper_gets_no_alias_and_no_unmarked_link():
    """The writer cites the CLARINET paper for NETTER-1: check reports it, and linking does not
    spread the error by naming [1] NETTER-1 (one alias policy for claims and build)."""
    body = ("NETTER-1研究^[1]显示镥治疗组的PFS显著延长。\n"
            "NETTER-1研究的中位PFS未达到,而对照组为8.4个月(HR 0.21)。\n\n")
    doc = refman.analyse("draft.txt", library="/nonexistent-library", text=body + LIST, name="draft.txt")
    assert doc.reference(1).aliases == ()
    unmarked = doc.claims[1]
    assert [s.key for s in unmarked.sources] == [doc.reference(2).key]
    kinds = [f.kind for f in refman.linking.check.check_document(doc)]
    assert "wrong-trial" in kinds


def test_build_links_with_the_librarys_own_drug_list(tmp_path):
    library = tmp_path / "lib"
    library.mkdir()
    (library / "drugs.tsv").write_text("inn\tchinese\tother\nzorbitinib\t佐比替尼\tZB-77\n", encoding="utf-8")
    doc = tmp_path / "news.txt"
    doc.write_text("佐比替尼III期研究的中位PFS为11.2个月,对照组为5.6个月(HR 0.45)。\n\n参考文献\n"
                   "[1] WANG L, LI Q. Zorbitinib versus placebo in advanced NET: a phase 3 trial[J]. "
                   "Lancet Oncol, 2025, 26(1): 10-20.\n", encoding="utf-8")
    refman.build([doc], library)
    stored = (library / "news.claims.json").read_text(encoding="utf-8")
    assert "drug:zorbitinib" in stored
