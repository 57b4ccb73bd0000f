"""Shared fixtures: where the seeds, the committed library and the test data live."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
COMMITTED_LIBRARY = ROOT / "references"
# Tests read a copy of the committed library: a lookup writes its index beside the .bib files,
# and nothing a test does may change what is committed.
_WORK = Path(tempfile.mkdtemp(prefix="refman-tests-"))
atexit.register(shutil.rmtree, _WORK, ignore_errors=True)
LIBRARY = _WORK / "references"
shutil.copytree(COMMITTED_LIBRARY, LIBRARY, ignore=shutil.ignore_patterns(".refman-index"))
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


@pytest.fixture(scope="session")
def refman_command_env(tmp_path_factory) -> dict[str, str]:
    """An environment whose ``refman`` is the one installed beside the interpreter running the
    tests (or ``python -m refman`` of that interpreter), never whatever is first on PATH."""
    shim_dir = tmp_path_factory.mktemp("bin")
    installed = Path(sys.executable).parent / "refman"
    target = f'"{installed}"' if installed.is_file() else f'"{sys.executable}" -m refman'
    shim = shim_dir / "refman"
    shim.write_text(f'#!/bin/sh\nexec {target} "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    env = dict(os.environ)
    env["PATH"] = f"{shim_dir}{os.pathsep}{env.get('PATH', '')}"
    assert shutil.which("refman", path=env["PATH"]) == str(shim)
    return env
