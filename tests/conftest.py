"""Shared fixtures: where the seeds, the committed library and the test data live."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
LIBRARY = ROOT / "references"
DATA = Path(__file__).resolve().parent / "data"
NEN_REVIEW = SEEDS / "004_dffaab495b30f8fc.txt"
KC_WISE = SEEDS / "003_fe89d64086f56618.txt"
IMFORTE = SEEDS / "000_02962377e6049bbb.txt"


@pytest.fixture(scope="session")
def nen_references():
    """The 50 parsed references of the NEN review, by number."""
    import refman

    result = refman.parse_file(NEN_REVIEW)
    return {r.number: r for r in result.references}
