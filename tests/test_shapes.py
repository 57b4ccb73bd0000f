"""One real published reference per shape the parser reads, parsed in full to its gold fields.

The strings and their expected fields are the real held-out set in ``benchmarks/real`` (see its
README for where each comes from). ``benchmarks/score.py benchmarks/real`` measures the whole
set; this table pins one or two cases of every shape, so a change that breaks a shape fails
here by name, not as a drop of a percentage point.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import corpus

REAL = {case.id: case for case in corpus.load_corpus(Path(__file__).resolve().parent.parent / "benchmarks" / "real")}

SHAPES = [
    # GB/T 7714
    ("CNKI compact: no spaces after commas, DOI after the entry", "gb15-wanfang-07"),
    ("standard with its number before the type code", "gb15-zot000-04"),
    ("author-year system, organisation as author, year with a letter", "gb15-zotay-gb3792"),
    ("author-year system, Chinese single author, issue without volume", "gb15-zotay-changsen"),
    ("author-year system, English, page range broken over a blank line", "gb25-std-9.3-stieg"),
    ("translator before the imprint", "gb15-zot000-02"),
    ("translator and edition in the author-year system", "gb15-zotay-kuhn"),
    ("chapter in a book with //", "gb15-zotay-yaozq"),
    ("patent number before [P]", "gb15-zot000-37"),
    ("newspaper with date and page, online", "gb15-zot000-29"),
    ("newspaper in the author-year system", "gb15-zotay-dingwx"),
    ("web page with update and access dates", "gb15-zot000-42"),
    ("thesis with its English translation in parentheses", "cnconv-gep-02"),
    ("journal with its English translation, converter spacing", "cnconv-lis-07"),
    ("English translation with full-width punctuation", "cnconv-lis-45"),
    ("software with a URL broken by a space", "cnconv-lis-18"),
    ("quoted Chinese title", "gb15-cmacardio-5"),
    # Vancouver / NLM
    ("month before the issue", "drtx-80"),
    ("colon after the authors, year before the volume", "cermine-refs-01"),
    ("author-date PLOS, bare PMID at the end", "pmed1001786-r16"),
    ("database with Available:", "pmed1001786-r39"),
    ("leading stray full stop, et al", "rsp0206-b02"),
    # author-year English
    ("APA with a supplement issue", "anygold-aday2002"),
    ("APA journal, volume and pages without issue", "anygold-schaal1994"),
    ("APA newspaper with Retrieved from", "anygold-devlin2010"),
    ("APA online journal with Retrieved from:", "anygold-munro1999"),
    ("Harvard with 'and', page range with a spaced hyphen", "anygold-adams2013"),
    ("initials without spaces, year in parentheses", "anygold-harrison2008"),
    ("CSE-like: year between full stops, volume: pages", "anygold-creel2001"),
    ("twelve authors, year after them", "anygold-vallari2011"),
    # quoted titles
    ("IEEE with TeX quotes and a month", "anygold-kam1977"),
    ("IEEE with curly quotes, its own number kept", "anygold-kang2010"),
    ("quoted title after a year in parentheses, vol. and pp.", "anygold-marinari1992"),
]


@pytest.mark.parametrize("shape, case_id", SHAPES, ids=[s for s, _ in SHAPES])
def test_shape_parses_to_its_gold_fields(shape, case_id):
    case = REAL[case_id]
    ref, problems = corpus.parse_case(case)
    assert not [p for p in problems if p.code == "split"], problems
    assert corpus.compare(case.expect, ref, conventions=True) == {}
