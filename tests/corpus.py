"""The reference-string corpus: cases with expected fields, and how a parse is scored.

Each line of ``tests/data/corpus/*.jsonl`` is ``{"id", "raw", "expect"}``; ``raw`` may hold a
Chinese entry and, on its next line, its English translation. A field left out of ``expect``
must come out empty when it is one of the ``CORE`` fields: a parser that invents a volume is
as wrong as one that misses it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
CORE = ("type", "authors", "title", "container", "year", "volume", "issue", "pages", "doi",
        "url", "publisher", "place", "edition")
LIST_FIELDS = ("authors", "editors", "translators", "registry")


@dataclass(frozen=True)
class Case:
    id: str
    raw: str
    expect: dict[str, Any]
    file: str
    style: str = ""


# The conventions of a gold set written by someone else, which are not errors of the parser:
# full-width vs half-width punctuation (refman writes half-width), curly vs straight quotes,
# dash look-alikes, spaces around Chinese characters (converters insert them), "Jr." vs "Jr",
# and a closing full stop.
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "“": '"', "”": '"',
                         "‘": "'", "’": "'"})
_CJK_SPACE = re.compile(r"\s+(?=[\u3000-\u9fff\uff00-\uffef])|(?<=[\u3000-\u9fff\uff00-\uffef])\s+")


def conventional(value: Any) -> Any:
    """A field value with the formatting conventions above folded away (for held-out sets)."""
    if isinstance(value, list):
        return [conventional(v) for v in value]
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFKC", value).translate(_DASHES)
    text = _CJK_SPACE.sub("", " ".join(text.split()))
    text = re.sub(r"(?<=[\u3000-\u9fff])([:;,])\s+", r"\1", text)  # "白皮书: 2023" is "白皮书：2023"
    text = re.sub(r"\b(Jr|Sr)\.", r"\1", text)
    return text.rstrip(".").strip()


def load_corpus(folder: Path | None = None) -> list[Case]:
    cases = []
    for path in sorted((folder or CORPUS).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                cases.append(Case(item["id"], item["raw"], item["expect"], path.stem, item.get("style", "")))
    return cases


def parse_case(case: Case):
    """Parse a case as refman parses a list: its lines put together by the splitter (a
    line-broken entry is joined; a Chinese entry's English line becomes its translation). A case
    the splitter cuts into several entries (or none) is parsed as it was cut, first entry only,
    with a ``split`` problem: the loss shows in the score instead of being papered over."""
    from refman.model import Problem, Reference
    from refman.parsing.split import split_entries
    from refman.parsing.styles import parse_entry

    entries, _ = split_entries(list(enumerate(case.raw.split("\n"))))
    if not entries:
        return Reference(raw=case.raw), [Problem("split", "the splitter found no entry")]
    ref, problems = parse_entry(entries[0].text, translation=entries[0].translation.strip())
    if len(entries) != 1:
        problems.append(Problem("split", f"the splitter cut one entry into {len(entries)}"))
    return ref, problems


def actual_fields(ref) -> dict[str, Any]:
    got = ref.to_dict()
    got["type"] = ref.entry_type
    return got


def compare(expect: dict[str, Any], ref, *, conventions: bool = False) -> dict[str, tuple[Any, Any]]:
    """Field -> (expected, got) for every field that differs; with ``conventions``, formatting
    conventions (``conventional``) do not count."""
    got = actual_fields(ref)
    wrong: dict[str, tuple[Any, Any]] = {}
    fields = set(expect) | set(CORE)
    for field in sorted(fields):
        want = expect.get(field, [] if field in LIST_FIELDS else ("" if field != "et_al" else False))
        if field == "translation":
            if want and ref.translation is None:
                wrong[field] = (want, None)
            elif want:
                for sub, pair in compare(want, ref.translation, conventions=conventions).items():
                    wrong[f"translation.{sub}"] = pair
            continue
        have = got.get(field, [] if field in LIST_FIELDS else ("" if field != "et_al" else False))
        if field in LIST_FIELDS:
            have, want = list(have), list(want)
        if conventions:
            have, want = conventional(have), conventional(want)
        if have != want:
            wrong[field] = (want, have)
    return wrong


def scored_fields(expect: dict[str, Any]) -> list[str]:
    fields = sorted(set(expect) | set(CORE))
    out = []
    for f in fields:
        if f == "translation" and expect.get(f):
            out.extend(f"translation.{s}" for s in sorted(set(expect[f]) | set(CORE)))
        elif f != "translation":
            out.append(f)
    return out
