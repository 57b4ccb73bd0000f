"""The command line: verbs, formats, exit codes and the exact one-line error messages."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from refman.cli import main

from .conftest import IMFORTE, KC_WISE, LIBRARY, NEN_REVIEW, ROOT


def run(*args, input=None, env=None):
    return CliRunner().invoke(main, list(map(str, args)), input=input, env=env)


def test_version_and_help_for_every_command():
    assert run("--version").output.startswith("refman, version ")
    assert len(main.commands) >= 6
    for command in main.commands:
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "refman " + command in result.output  # every help shows an example


def test_parse_prints_bibtex_in_input_order():
    result = run("parse", NEN_REVIEW)
    assert result.exit_code == 0
    keys = [line for line in result.stdout.splitlines() if line.startswith("@")]
    assert len(keys) == 50
    assert keys[0] == "@article{dasari2017trends," and keys[-1] == "@article{burkart2018targeting,"


@pytest.mark.parametrize("fmt, check", [
    pytest.param("json", lambda out: json.loads(out)[0]["title"].startswith("Anbenitamab"), id="json"),
    pytest.param("csl-json", lambda out: json.loads(out)[0]["type"] == "article-journal", id="csl-json"),
    pytest.param("ris", lambda out: out.startswith("TY  - JOUR") and "DO  - 10.1016/j.annonc.2026.01.006" in out,
                 id="ris"),
])
def test_parse_machine_formats(fmt, check):
    result = run("parse", KC_WISE, "--format", fmt)
    assert result.exit_code == 0
    assert check(result.stdout)


def test_parse_reads_stdin_in_gb18030():
    text = "[1] 徐建明, 沈琳, 李健, 等. 胃癌靶向治疗进展[J]. 中华肿瘤杂志, 2020, 42(3): 200-205.\n"
    result = CliRunner().invoke(main, ["parse", "-", "--format", "json"], input=text.encode("gb18030"))
    assert result.exit_code == 0, result.output
    [ref] = json.loads(result.stdout)
    assert ref["authors"] == ["徐建明", "沈琳", "李健"] and ref["et_al"] is True
    assert ref["container"] == "中华肿瘤杂志" and ref["language"] == "zh"


@pytest.mark.parametrize("args, stdin, code, message", [
    pytest.param(["parse", "missing.txt"], None, 2, "refman: error: missing.txt: no such file\n", id="missing-file"),
    pytest.param(["parse", "-"], b"", 2, "refman: error: <stdin>: the input is empty; give a document or a reference list\n", id="empty"),
    pytest.param(["parse", "-"], b"\x00\x01\x02binary", 2, "refman: error: <stdin>: this looks like a binary file, not text (UTF-16 files need their byte-order mark)\n", id="binary"),
    pytest.param(["parse", IMFORTE], None, 1, f"refman: error: {IMFORTE.name}: no reference list found (looked for a heading such as 参考文献 or References, a numbered list, or a citation line)\n", id="no-references"),
    pytest.param(["export", "--library", "no/such/folder"], None, 2, "refman: error: no/such/folder: no library folder here; run `refman build` or pass --library\n", id="no-library"),
])
def test_errors_are_one_line_with_exit_code(args, stdin, code, message):
    result = CliRunner().invoke(main, [str(a) for a in args], input=stdin)
    assert result.exit_code == code
    assert result.stderr == message
    assert result.stdout == ""


def test_entry_fitting_no_style_is_kept_with_a_warning_and_strict_fails():
    text = "[1] Some handout we were given at the meeting\n[2] HORN L. First-line atezolizumab [J]. N Engl J Med, 2018, 379(23): 2220-2229.\n"
    result = run("parse", "-", "--format", "json", input=text)
    assert result.exit_code == 0
    refs = json.loads(result.stdout)
    assert [r["number"] for r in refs] == [1, 2]
    assert refs[0]["title"] == "Some handout we were given at the meeting"
    assert refs[0]["raw"] == "Some handout we were given at the meeting"
    assert "refman: warning: [1] fits no citation style; kept with its text in note" in result.stderr
    strict = run("parse", "-", "--strict", input=text)
    assert strict.exit_code == 1
    assert strict.stderr.startswith("refman: error: <stdin>: ")


def test_build_then_export_to_a_file(tmp_path):
    library = tmp_path / "lib"
    built = run("build", ROOT / "seeds", "--library", library)
    assert built.exit_code == 0
    assert f"wrote {library / '004_dffaab495b30f8fc.bib'} (50 references)" in built.stdout
    assert f"skipped {IMFORTE.name}: no reference list" in built.stdout
    out = tmp_path / "all.bib"
    exported = run("export", "--bibtex", "-o", out, env={"REFMAN_LIBRARY": str(library)})
    assert exported.exit_code == 0 and exported.stdout == ""
    assert out.read_text(encoding="utf-8").count("\n@") + 1 == 51


def test_export_formats_from_the_committed_library():
    for flag, check in (("--csl-json", lambda o: len(json.loads(o)) == 51),
                        ("--ris", lambda o: o.count("ER  - ") == 51),
                        ("--bibtex", lambda o: o.count("\n@") + o.startswith("@") == 51)):
        result = run("export", flag, "--library", LIBRARY)
        assert result.exit_code == 0 and check(result.stdout), flag


def test_installed_command_never_prints_a_traceback(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    proc = subprocess.run([sys.executable, "-m", "refman", "parse", str(bad)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_claims_command_text_json_and_unsourced():
    text = run("claims", NEN_REVIEW, "--library", LIBRARY)
    assert text.exit_code == 0
    assert "IMpower133试验^[31]" in text.stdout and "    -> [31] horn2018first  1.00  marker" in text.stdout
    data = json.loads(run("claims", KC_WISE, "--library", LIBRARY, "--format", "json").stdout)
    assert all(set(c) >= {"text", "start", "end", "markers", "sources"} for c in data)
    linked = [c for c in data if c["sources"]]
    assert linked and all(set(s) == {"key", "number", "score", "via"} for c in linked for s in c["sources"])
    only = json.loads(run("claims", IMFORTE, "--library", LIBRARY, "--unsourced", "--format", "json").stdout)
    assert only and all(c["sources"] == [] for c in only)


def _broken_parse(*args, **kwargs):
    raise ValueError("a bug planted by the test")


@pytest.mark.parametrize("args, env, traceback_shown", [
    pytest.param(["parse", NEN_REVIEW], {}, False, id="one-line-by-default"),
    pytest.param(["--traceback", "parse", NEN_REVIEW], {}, True, id="traceback-flag"),
    pytest.param(["parse", NEN_REVIEW], {"REFMAN_DEBUG": "1"}, True, id="REFMAN_DEBUG"),
    pytest.param(["parse", NEN_REVIEW], {"REFMAN_DEBUG": "0"}, False, id="REFMAN_DEBUG-0"),
])
def test_internal_error_is_one_line_unless_the_traceback_is_asked_for(monkeypatch, args, env,
                                                                      traceback_shown):
    import refman.parsing

    monkeypatch.setattr(refman.parsing, "parse", _broken_parse)
    result = run(*args, env=env)
    assert result.exit_code == 1
    assert ("Traceback (most recent call last)" in result.stderr) is traceback_shown
    assert "ValueError: a bug planted by the test" in result.stderr
    if not traceback_shown:
        assert result.stderr.count("\n") == 1
        assert "--traceback or REFMAN_DEBUG=1" in result.stderr


def test_unreadable_input_exits_2_for_every_command(tmp_path):
    for args in (["parse", tmp_path / "missing.txt"], ["build", tmp_path / "missing"],
                 ["claims", tmp_path / "missing.txt"], ["check", tmp_path / "missing.txt"]):
        result = run(*args, "--library", tmp_path) if args[0] != "parse" else run(*args)
        assert result.exit_code == 2, args
        assert result.stderr.count("\n") == 1 and "missing" in result.stderr, args


def test_text_from_standard_input_gets_no_invented_provenance():
    entry = ("[1] CAPLIN M E, PAVEL M. Lanreotide in metastatic enteropancreatic neuroendocrine tumors[J]. "
             "N Engl J Med, 2014, 371(3): 224-233.\n")
    result = run("parse", "-", input=entry)
    assert result.exit_code == 0
    assert "annotation" not in result.stdout and "<stdin>" not in result.stdout


def test_a_bare_list_may_start_at_any_number():
    entries = "\n".join(f"[{n}] CAPLIN M E, PAVEL M. Lanreotide study part {n}[J]. N Engl J Med, 2014, 371(3): 224-233."
                        for n in (4, 5, 6))
    result = run("parse", "-", "--format", "json", input=entries)
    assert result.exit_code == 0
    assert [r["number"] for r in json.loads(result.stdout)] == [4, 5, 6]
