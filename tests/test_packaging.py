"""What ``pip install .`` gives a new user: every module, every data file the code reads, and
every library it imports declared as a dependency.

A non-editable install once left out ``abbreviations.txt``: ``refman build`` then failed on every
fresh machine while the editable install used by CI read the file from the work tree.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "refman"
DATA = PACKAGE / "data"


def _sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory) -> set[str]:
    """The file names inside a wheel built from a copy of the project (the work tree stays clean)."""
    work = tmp_path_factory.mktemp("wheel")
    project = work / "project"
    project.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(PACKAGE, project / "refman", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
         "--disable-pip-version-check", "-w", str(work / "dist"), str(project)],
        capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    (wheel,) = (work / "dist").glob("refman-*.whl")
    return set(zipfile.ZipFile(wheel).namelist())


def _data_files_named_in_code() -> set[str]:
    """File names of the shape ``name.ext`` that appear as string literals in the package."""
    named = set()
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if re.fullmatch(r"[\w.-]+\.(?:txt|tsv|csv|json|csl|xml)", node.value):
                    named.add(node.value)
    return named


def test_every_data_file_is_in_the_wheel(wheel_names):
    shipped = sorted(p.relative_to(ROOT).as_posix() for p in DATA.rglob("*") if p.is_file())
    assert shipped, "refman/data is empty"
    assert [f for f in shipped if f not in wheel_names] == []


def test_every_data_file_the_code_names_exists_and_ships(wheel_names):
    in_data = {p.name for p in DATA.rglob("*") if p.is_file()}
    named = _data_files_named_in_code() & in_data
    assert {"abbreviations.txt", "drugs.tsv"} <= named  # the scan sees the lexicons' names
    assert [n for n in named if f"refman/data/{n}" not in wheel_names] == []


def test_every_module_is_in_the_wheel(wheel_names):
    modules = [p.relative_to(ROOT).as_posix() for p in _sources()]
    assert [m for m in modules if m not in wheel_names] == []


def test_every_imported_library_is_a_declared_dependency():
    # the installed metadata, as pip saw pyproject.toml; extras (tests) do not count
    declared = {re.split(r"[<>=!~\[ ;(]", d, maxsplit=1)[0].lower().replace("_", "-")
                for d in importlib.metadata.requires("refman") or [] if "extra ==" not in d}
    distributions = importlib.metadata.packages_distributions()
    imported = set()
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = {m for m in imported if m not in sys.stdlib_module_names and m != "refman"}
    assert third_party, "the scan found no imports"
    undeclared = {m for m in third_party
                  if not {d.lower().replace("_", "-") for d in distributions.get(m, [m])} & declared}
    assert undeclared == set()
