"""The library folder: hand-made files, unique keys, atomic writes, clear errors."""

from __future__ import annotations

import pytest

import refman
from refman.errors import LibraryError

from .conftest import SEEDS

IMFORTE_BIB = """@article{pazares2025lurbinectedin,
  author = {Paz-Ares, L. and others},
  title = {Lurbinectedin plus atezolizumab as first-line maintenance treatment in patients with extensive-stage small-cell lung cancer ({IMforte}): a multicentre, open-label, randomised, phase 3 trial},
  journal = {Lancet},
  year = {2025},
  volume = {405},
  number = {10495},
  pages = {2129--2142},
}
"""


def test_hand_made_bib_file_is_read_beside_built_ones(tmp_path):
    refman.build([SEEDS], tmp_path)
    (tmp_path / "imforte.bib").write_text(IMFORTE_BIB, encoding="utf-8")
    lib = refman.Library(tmp_path)
    assert len(lib) == 52
    ref = lib.get("pazares2025lurbinectedin")
    assert ref.title.startswith("Lurbinectedin plus atezolizumab") and "IMforte" in ref.title
    assert ref.pages == "2129-2142" and ref.et_al and ref.source == "imforte"
    # A rebuild leaves the hand-made file alone.
    refman.build([SEEDS], tmp_path)
    assert (tmp_path / "imforte.bib").read_text(encoding="utf-8") == IMFORTE_BIB


def test_duplicate_key_across_files_is_an_error(tmp_path):
    (tmp_path / "a.bib").write_text(IMFORTE_BIB, encoding="utf-8")
    (tmp_path / "b.bib").write_text(IMFORTE_BIB, encoding="utf-8")
    with pytest.raises(LibraryError, match="pazares2025lurbinectedin is also in a.bib"):
        refman.Library(tmp_path).references()


def test_broken_bib_file_is_reported_with_its_line(tmp_path):
    (tmp_path / "broken.bib").write_text("@article{x,\n  title = {unclosed,\n}\n@article{y, title={ok}}\n",
                                         encoding="utf-8")
    with pytest.raises(LibraryError, match=r"broken: line \d+"):
        refman.Library(tmp_path).references()


def test_build_leaves_no_temporary_files_and_rewrites_identically(tmp_path):
    refman.build([SEEDS], tmp_path)
    first = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    refman.build([SEEDS], tmp_path)
    second = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert first == second
    assert all(name.endswith((".bib", ".claims.json")) for name in first)


def test_library_reloads_when_a_file_changes(tmp_path):
    (tmp_path / "one.bib").write_text(IMFORTE_BIB, encoding="utf-8")
    lib = refman.Library(tmp_path)
    assert len(lib) == 1
    (tmp_path / "two.bib").write_text(IMFORTE_BIB.replace("pazares2025lurbinectedin", "other2025"), encoding="utf-8")
    assert len(lib) == 2


def test_build_key_clash_with_hand_made_file_is_reported(tmp_path):
    (tmp_path / "mine.bib").write_text(IMFORTE_BIB.replace("pazares2025lurbinectedin", "caplin2014lanreotide"),
                                       encoding="utf-8")
    with pytest.raises(LibraryError, match="caplin2014lanreotide is also made by the build"):
        refman.build([SEEDS], tmp_path)
