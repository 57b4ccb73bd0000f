"""`refman check`: every planted fault is found, and clean documents get no finding."""

from __future__ import annotations

import json

import pytest

import refman
from refman.linking.check import longest_increasing as _longest_increasing

from . import linkeval
from .conftest import KC_WISE, LIBRARY, NEN_REVIEW
from .test_cli import run

EMPTY = linkeval.DATA.parent / "empty"
CHECK_CASES = linkeval.cases("check-")


@pytest.mark.parametrize("path", [pytest.param(p, id=p.stem) for p in CHECK_CASES])
def test_planted_faults_are_found_and_nothing_else(path):
    want, got, missing_unsourced = linkeval.score_check(path, EMPTY)
    assert got == want
    assert missing_unsourced == []


def test_check_cases_cover_every_kind_of_fault():
    kinds = set()
    for path in CHECK_CASES:
        kinds.update(f["kind"] for f in json.loads(path.with_suffix(".gold.json").read_text())["findings"])
    assert kinds >= {"dangling-marker", "uncited-entry", "out-of-order", "duplicate-entry", "wrong-trial",
                     "unsourced-result"}


@pytest.mark.parametrize("sequence, kept", [
    ([1, 2, 3, 6, 4, 5, 7], [1, 2, 3, 4, 5, 7]),
    ([1, 3, 4, 5, 2, 6], [1, 3, 4, 5, 6]),
    ([1, 2, 3], [1, 2, 3]),
])
def test_first_citation_order(sequence, kept):
    assert _longest_increasing(sequence) == kept


def test_seed_documents_get_only_true_findings():
    assert refman.check(KC_WISE, LIBRARY) == []
    findings = refman.check(NEN_REVIEW, LIBRARY)
    # The review's own gaps: trials reported with results and no citation.
    assert {f.kind for f in findings} == {"unsourced-result"}
    assert all(any(name in f.claim for name in ("ECOG-ACRIN E2211", "ET-NEC", "纳武利尤单抗", "SEQTOR"))
               for f in findings)


def test_check_cli_exit_codes():
    clean = linkeval.DATA / "check-en-cervical-clean.txt"
    result = run("check", clean, "--library", EMPTY)
    assert result.exit_code == 0 and result.stdout == f"{clean.name}: no findings\n"
    faulty = linkeval.DATA / "check-en-prostate-order-dangling.txt"
    result = run("check", faulty, "--library", EMPTY, "--format", "json")
    assert result.exit_code == 1
    assert {f["kind"] for f in json.loads(result.stdout)} >= {"dangling-marker", "out-of-order"}
    assert run("check", "no/such/file.txt").exit_code == 2


DRAFTS = linkeval.DATA.parent / "drafts"


def test_own_results_series_titles_and_repeated_numbers():
    own = refman.check(DRAFTS / "draft_own.txt", EMPTY)
    assert not [f for f in own if f.kind == "unsourced-result"]  # "本研究共纳入", "In our cohort"
    assert [f.numbers for f in own if f.kind == "duplicate-entry"] == [(3, 13)]
    assert not [f for f in refman.check(DRAFTS / "dup.txt", EMPTY) if f.kind == "duplicate-entry"]  # part 1 / part 2
    numv = refman.check(DRAFTS / "numv.txt", EMPTY)
    assert ("duplicate-number", 5) in [(f.kind, f.number) for f in numv]
