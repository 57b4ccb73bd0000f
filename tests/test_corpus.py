"""Every reference string of the corpus parses to its expected fields.

The corpus (tests/data/corpus) was written from the standards' own examples (GB/T 7714-2015
and 2025, NLM Citing Medicine, AMA) and from real medical articles; none of it comes from the
seed documents. A failure prints each wrong field as expected / got.
"""

from __future__ import annotations

import pytest

from .corpus import compare, load_corpus, parse_case

CASES = load_corpus()


def test_corpus_is_large_and_covers_every_family():
    families = {c.file for c in CASES}
    assert len(CASES) >= 150
    assert {"gbt2015", "gbt2025", "vancouver", "damaged"} <= families
    assert len({c.id for c in CASES}) == len(CASES), "case ids must be unique"


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_reference_string_parses_to_expected_fields(case):
    ref, problems = parse_case(case)
    assert "split" not in {p.code for p in problems}, problems
    wrong = compare(case.expect, ref)
    assert not wrong, "\n".join(f"{f}: expected {w!r}, got {h!r}" for f, (w, h) in wrong.items())
    assert ref.raw == case.raw.split("\n")[0]  # the raw text is always kept
