"""The README tells the truth: every command is documented, and the terminal session it shows
is what the commands print today."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from refman.cli import main

from .conftest import LIBRARY, ROOT, SEEDS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    for name in main.commands:
        assert f"refman {name}" in README, name


FIRST_COMMAND = "pip install . && refman build && refman export --bibtex"
TEST_COMMAND = 'pip install ".[test]" && python -m pytest -q'


def test_readme_has_the_two_setup_commands_and_ci_runs_them_verbatim():
    assert FIRST_COMMAND in README and TEST_COMMAND in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    helper = next(line for line in ci.splitlines() if line.startswith("readme_command()"))
    script = helper + "\n" + "\n".join(line.split("=", 1)[1].strip("$()")
                                        for line in ci.splitlines()
                                        if re.match(r"(first|test)_command=", line))
    proc = subprocess.run(["bash", "-c", script.replace("$(readme_command", "readme_command")],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.stdout.splitlines() == [FIRST_COMMAND, TEST_COMMAND]
    assert 'bash -c "$first_command"' in ci and 'bash -c "$test_command"' in ci
    assert "python3 -m venv" in ci and "pip install -e" not in ci


def _session() -> list[tuple[str, str]]:
    block = re.search(r"```console\n(.*?)```", README, re.S)[1]
    pairs, command, output = [], None, []
    for line in block.splitlines():
        if line.startswith("$ "):
            if command:
                pairs.append((command, "\n".join(output).strip("\n")))
            command, output = line[2:], []
        else:
            output.append(line)
    pairs.append((command, "\n".join(output).strip("\n")))
    return pairs


# `refman build` would rewrite the committed library; test_seeds proves its result instead.
SESSION = [pytest.param(c, o, id=c[:40]) for c, o in _session() if not c.startswith("refman build")]


@pytest.fixture(scope="module")
def checkout(tmp_path_factory):
    """The README's commands run in a copy of the checkout's seeds and library, so the index a
    lookup writes never lands in the committed references/."""
    folder = tmp_path_factory.mktemp("checkout")
    shutil.copytree(SEEDS, folder / "seeds")
    shutil.copytree(LIBRARY, folder / "references", ignore=shutil.ignore_patterns(".refman-index"))
    return folder


@pytest.mark.parametrize("command, shown", SESSION)
def test_readme_session_matches_real_output(command, shown, refman_command_env, checkout):
    proc = subprocess.run(["bash", "-c", command], cwd=checkout, capture_output=True, text=True,
                          env=refman_command_env)
    assert (proc.stdout + proc.stderr).strip("\n") == shown
