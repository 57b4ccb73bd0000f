"""Invariants that hold for any list, checked on generated variations of real entries.

The entries are real published reference strings (the held-out set in ``benchmarks/real``);
hypothesis varies how they reach us: numbering, a heading or none, line wrapping at any
width, page numbers and running heads printed between the lines. Whatever the damage, every
entry comes out, once, with its number and all of its text.
"""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import refman
from refman.parsing import normalize
from refman.vocab.lines import NUMBERED

REAL = Path(__file__).resolve().parent.parent / "benchmarks" / "real"


def _real_entries() -> list[str]:
    entries = []
    for path in sorted(REAL.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            raw = NUMBERED.sub("", json.loads(line)["raw"], count=1)  # some kept their own number
            if "\n" not in raw and 30 <= len(raw) <= 500:
                entries.append(raw)
    return entries


ENTRIES = _real_entries()
NUMBERINGS = ["[{n}] ", "{n}. ", "{n}) ", "({n}) ", "［{n}］", "{n}\u3000"]
HEADINGS = ["", "参考文献", "References", "REFERENCES"]
RUNNING_HEADS = ["· 96 ·   中华内科杂志2019年2月第58卷第2期", "Chin J Oncol, March 2020, Vol. 42, No. 3",
                 "J Clin Oncol 38:1234-1240. © 2020 by American Society of Clinical Oncology"]

# CI runs a fixed sequence of examples; set REFMAN_HYPOTHESIS_EXAMPLES to search further by hand.
EXAMPLES = int(os.environ.get("REFMAN_HYPOTHESIS_EXAMPLES", "120"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize="REFMAN_HYPOTHESIS_EXAMPLES" not in os.environ,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _squeezed(text: str) -> str:
    """The text with no spaces, hyphens or brackets: what wrapping and moving a translation
    into its own field may not change."""
    return "".join(c for c in normalize.clean(text) if not c.isspace() and c not in "-()[]")


def _text_of(ref: refman.Reference) -> str:
    return ref.raw + (ref.translation.raw if ref.translation else "")


@st.composite
def damaged_lists(draw):
    entries = draw(st.lists(st.sampled_from(ENTRIES), min_size=1, max_size=10, unique=True))
    numbering = draw(st.sampled_from(NUMBERINGS))
    heading = draw(st.sampled_from(HEADINGS))
    width = draw(st.integers(min_value=30, max_value=140))
    lines = [heading] if heading else []
    for n, entry in enumerate(entries, 1):
        wrapped = textwrap.wrap(numbering.format(n=n) + entry, width=width, break_long_words=False,
                                break_on_hyphens=False)
        lines.extend(wrapped)
    # Page furniture between lines: a page number, or a running head on every page.
    breaks = draw(st.lists(st.integers(min_value=1, max_value=max(1, len(lines) - 1)), max_size=3, unique=True))
    head = draw(st.sampled_from(["", *RUNNING_HEADS]))
    for at in sorted(breaks, reverse=True):
        furniture = head if head and len(breaks) >= 2 else str(draw(st.integers(min_value=2, max_value=400)))
        lines.insert(at, furniture)
    return entries, "\n".join(lines) + "\n"


@SETTINGS
@given(damaged_lists())
def test_every_entry_comes_out_once_with_its_number_and_text(case):
    entries, text = case
    result = refman.parse(text)
    assert [r.number for r in result.references] == list(range(1, len(entries) + 1)), text
    for entry, ref in zip(entries, result.references, strict=True):
        assert _squeezed(_text_of(ref)) == _squeezed(entry), text
