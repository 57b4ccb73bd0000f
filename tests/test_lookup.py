"""`refman lookup`: the queries of issue 4 on the bundled library, the query set over a larger
library, the index's rebuild rule, and the command's output and exit codes."""

from __future__ import annotations

import json
import time

import pytest

import refman

from . import lookupeval
from .conftest import COMMITTED_LIBRARY, LIBRARY, ROOT, SEEDS
from .test_cli import run
from .test_library import IMFORTE_BIB

QUERIES = [
    pytest.param("CLARINET", "caplin2014lanreotide", id="trial-named-by-claims"),
    pytest.param("CLARNET", "caplin2014lanreotide", id="misspelt-trial"),
    pytest.param("clarinet forte", "pavel2021efficacy", id="two-word-trial-lowercase"),
    pytest.param("IMpower 133", "horn2018first", id="alias-only-in-claims-spaced"),
    pytest.param("Caplin 2014", "caplin2014lanreotide", id="author-year"),
    pytest.param("Paz-Ares", "pazares2019durvalumab", id="hyphenated-author"),
    pytest.param("lenvatinib", "capdevila2019final", id="drug-english"),
    pytest.param("仑伐替尼", "capdevila2019final", id="drug-chinese"),
    pytest.param("10.1016/j.annonc.2026.01.006", "liu2026anbenitamab", id="doi"),
    pytest.param("https://doi.org/10.1016/j.annonc.2026.01.006", "liu2026anbenitamab", id="doi-url"),
    pytest.param("NCT05427383", "liu2026anbenitamab", id="registry-only-in-claims"),
    pytest.param("NCT03591731", "thoracique2019nivolumab", id="registry-in-url"),
    pytest.param("neuroendocrine tumours carcinoid syndrome", "pavel2011everolimus", id="title-words"),
    pytest.param("JAMA Oncol 2022", "halperin2022assessment", id="journal-year"),
    pytest.param("caplin2021lanreotide", "caplin2021lanreotide", id="key"),
    pytest.param("神经内分泌肿瘤诊治指南", "society2022china", id="chinese-title"),
    pytest.param("徐建明", "liu2026anbenitamab", id="investigator-named-in-text"),
]


@pytest.mark.parametrize("query, first", QUERIES)
def test_queries_put_the_right_reference_first(query, first):
    matches = refman.lookup(query, LIBRARY)
    assert matches and matches[0].key == first, [(m.key, m.via) for m in matches]


@pytest.fixture(scope="module")
def larger_library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("larger")
    lookupeval.build_library(folder)  # the seeds and ten more documents
    return refman.Library(folder)


@pytest.mark.parametrize("query, first", QUERIES)
def test_same_queries_on_a_library_with_other_documents(query, first, larger_library):
    matches = refman.lookup(query, larger_library)
    assert matches and matches[0].key == first, [(m.key, m.via) for m in matches]


def test_clarinet_answers_with_the_paper_its_extension_and_forte():
    matches = refman.lookup("CLARINET", LIBRARY, limit=3)
    assert [(m.source, m.number) for m in matches] == [
        ("004_dffaab495b30f8fc.txt", 4), ("004_dffaab495b30f8fc.txt", 5), ("004_dffaab495b30f8fc.txt", 8)]
    assert matches[0].via == "acronym:CLARINET"
    assert any("CLARINET两大经典药物临床试验^[4-5]" in c["text"] for c in matches[0].claims)


def test_query_set_over_a_library_with_more_documents(tmp_path):
    """102 queries in both languages over the seeds and ten more documents."""
    lookupeval.build_library(tmp_path)
    total, right, _, failures = lookupeval.score(tmp_path)
    assert right / total >= 0.94, "\n".join(failures)  # measured: 95.1% (benchmarks/lookup_score.py)


def test_index_is_rebuilt_only_when_the_bibtex_changes(tmp_path):
    refman.build([SEEDS], tmp_path)
    lib = refman.Library(tmp_path)
    assert refman.lookup("IMforte", lib) == []
    index = tmp_path / ".refman-index" / "index.sqlite"
    built = index.stat().st_mtime_ns
    time.sleep(0.01)
    refman.lookup("CLARINET", refman.Library(tmp_path))
    assert index.stat().st_mtime_ns == built  # unchanged library: the index is reused
    (tmp_path / "imforte.bib").write_text(IMFORTE_BIB, encoding="utf-8")
    assert [m.key for m in refman.lookup("IMforte", lib)] == ["pazares2025lurbinectedin"]
    assert index.stat().st_mtime_ns != built


def test_a_damaged_index_is_rebuilt(tmp_path):
    refman.build([SEEDS], tmp_path)
    refman.lookup("CLARINET", tmp_path)
    (tmp_path / ".refman-index" / "index.sqlite").write_bytes(b"not a database")
    assert refman.lookup("CLARINET", tmp_path)[0].key == "caplin2014lanreotide"


def test_lookup_cli_text_json_and_nothing_found():
    text = run("lookup", "CLARINET", "--library", LIBRARY, "--limit", "3")
    assert text.exit_code == 0
    assert text.stdout.startswith("caplin2014lanreotide  Caplin M. E., Pavel M., Ćwikła J. B., et al. 2014  "
                                  "(1.00 acronym:CLARINET)\n")
    assert "> 004_dffaab495b30f8fc.txt: PROMID和CLARINET" in text.stdout
    data = json.loads(run("lookup", "Caplin 2014", "--library", LIBRARY, "--format", "json").stdout)
    assert set(data[0]) >= {"key", "score", "via", "title", "year", "authors", "claims"}
    missing = run("lookup", "ZZZQQQX", "--library", LIBRARY)
    assert missing.exit_code == 1 and missing.stdout == ""
    assert missing.stderr.startswith('refman: no source matches "ZZZQQQX"')
    near = run("lookup", "CLARIMET FORT", "--library", LIBRARY, "--limit", "1")
    assert near.exit_code == 0


def test_empty_query_is_a_clear_error():
    with pytest.raises(refman.RefmanError, match="the query is empty"):
        refman.lookup("  ", LIBRARY)


def test_index_folder_is_not_committed_nor_written_by_the_tests():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8")
    assert ".refman-index/" in ignored
    assert LIBRARY != COMMITTED_LIBRARY and LIBRARY.parent != ROOT


def test_read_only_library_is_searched_from_memory(tmp_path, monkeypatch):
    import refman.library.index

    refman.build([SEEDS], tmp_path)

    def refuse(*args, **kwargs):
        raise PermissionError("read-only file system")

    monkeypatch.setattr(refman.library.index.tempfile, "mkstemp", refuse)
    assert refman.lookup("CLARINET", tmp_path)[0].key == "caplin2014lanreotide"
    assert not (tmp_path / ".refman-index" / "index.sqlite").exists()


def test_pmid_pinyin_standard_number_and_one_result_per_paper(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    entry = ("Reck M, Rodríguez-Abreu D, Robinson AG, et al. Pembrolizumab versus chemotherapy for "
             "PD-L1-positive non-small-cell lung cancer. N Engl J Med. 2016;375(19):1823-33. PMID: 27718847.")
    (docs / "a.txt").write_text(
        "References\n1. " + entry + "\n2. Cancer Genome Atlas Research Network. Comprehensive molecular "
        "characterization of gastric adenocarcinoma. Nature. 2014;513(7517):202-9.\n", encoding="utf-8")
    (docs / "b.txt").write_text(
        "参考文献\n[1] " + entry + "\n[2] 郑荣寿, 陈茹, 韩冰峰, 等. 2022年中国恶性肿瘤流行情况分析[J]. "
        "中华肿瘤杂志, 2024, 46(3): 221-231.\n[3] 全国信息与文献标准化技术委员会. 信息与文献 参考文献著录规则: "
        "GB/T 7714—2015[S]. 北京: 中国标准出版社, 2015.\n", encoding="utf-8")
    refman.build([docs], tmp_path / "lib")
    lib = refman.Library(tmp_path / "lib")
    assert [m.via for m in refman.lookup("PMID: 27718847", lib)] == ["pmid:27718847"]
    assert len(refman.lookup("Reck 2016", lib)) == 1  # listed by both documents, shown once
    assert refman.lookup("Zheng 2024", lib)[0].title.startswith("2022年中国恶性肿瘤")
    assert refman.lookup("zheng rongshou", lib)[0].title.startswith("2022年中国恶性肿瘤")
    assert refman.lookup("GB/T 7714", lib)[0].title == "信息与文献 参考文献著录规则"
    assert not any(m.via.startswith("author:") for m in refman.lookup("gastric cancer immunotherapy", lib))
