"""The library folder: hand-made files, unique keys, atomic writes, clear errors."""

from __future__ import annotations

from pathlib import Path

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
    with pytest.raises(LibraryError, match=r"pazares2025lurbinectedin is also in a\.bib"):
        refman.Library(tmp_path).references()


def test_broken_bib_file_is_reported_with_its_line(tmp_path):
    (tmp_path / "broken.bib").write_text("@article{x,\n  title = {unclosed,\n}\n@article{y, title={ok}}\n",
                                         encoding="utf-8")
    with pytest.raises(LibraryError, match=r"broken: line \d+"):
        refman.Library(tmp_path).references()


def test_build_leaves_no_temporary_files_and_rewrites_identically(tmp_path):
    refman.build([SEEDS], tmp_path)
    first = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    refman.build([SEEDS], tmp_path)
    second = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert first == second
    assert all(name.endswith((".bib", ".claims.json")) for name in first)
    # refman's own folder holds only its lock (the index is made by the first lookup)
    assert [p.name for p in tmp_path.iterdir() if p.is_dir()] == [".refman-index"]
    assert [p.name for p in (tmp_path / ".refman-index").iterdir()] == ["write.lock"]


def test_library_reloads_when_a_file_changes(tmp_path):
    (tmp_path / "one.bib").write_text(IMFORTE_BIB, encoding="utf-8")
    lib = refman.Library(tmp_path)
    assert len(lib) == 1
    (tmp_path / "two.bib").write_text(IMFORTE_BIB.replace("pazares2025lurbinectedin", "other2025"), encoding="utf-8")
    assert len(lib) == 2


def test_build_takes_no_key_already_in_the_library(tmp_path):
    (tmp_path / "mine.bib").write_text(IMFORTE_BIB.replace("pazares2025lurbinectedin", "caplin2014lanreotide"),
                                       encoding="utf-8")
    refman.build([SEEDS], tmp_path)
    lib = refman.Library(tmp_path)
    assert lib.get("caplin2014lanreotide").title.startswith("Lurbinectedin")  # the hand-made one
    assert lib.get("caplin2014lanreotideb").number == 4


def test_incremental_builds_add_documents(tmp_path):
    refman.build([SEEDS / "004_dffaab495b30f8fc.txt"], tmp_path)
    refman.build([SEEDS / "003_fe89d64086f56618.txt"], tmp_path)
    assert len(refman.Library(tmp_path)) == 51


def test_documents_with_the_same_name_are_refused(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    text = (SEEDS / "003_fe89d64086f56618.txt").read_text(encoding="utf-8")
    (tmp_path / "a" / "doc.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b" / "doc.txt").write_text(text, encoding="utf-8")
    with pytest.raises(refman.RefmanError, match=r"would both be written to doc\.bib"):
        refman.build([tmp_path / "a", tmp_path / "b"], tmp_path / "lib")


def test_non_utf8_bib_file_is_a_clear_error(tmp_path):
    (tmp_path / "latin.bib").write_bytes("@article{x, title={Müller}}".encode("latin-1"))
    with pytest.raises(LibraryError, match="cannot be read as UTF-8 BibTeX"):
        refman.export(tmp_path)
    with pytest.raises(LibraryError, match="cannot be read as UTF-8 BibTeX"):
        refman.Library(tmp_path).references()


def test_output_follows_symlinks_keeps_permissions_and_writes_devices(tmp_path):
    from refman.library.store import atomic_write

    real = tmp_path / "real.bib"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o644)
    link = tmp_path / "link.bib"
    link.symlink_to(real)
    atomic_write(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
    assert real.stat().st_mode & 0o777 == 0o644
    atomic_write(Path("/dev/null"), "discarded")
    assert Path("/dev/null").exists() and not Path("/dev/null").is_file()
    with pytest.raises(refman.RefmanError, match="cannot be written"):
        atomic_write(tmp_path / "no" / "such" / "dir.bib", "x")
