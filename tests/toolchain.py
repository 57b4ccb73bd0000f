"""Run BibTeX text through the real tools that read it and collect their complaints.

Each function returns a list of complaint lines (empty means the tool accepted the file) and
raises ``AssertionError`` when the tool itself could not run to the end.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


def _run(cmd: list[str], cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          encoding="utf-8", errors="replace")


def bibtex_keys(bib: str) -> list[str]:
    return re.findall(r"^@\w+\{([^,\s]+),", bib, flags=re.M)


def bibtex_program(bib: str, workdir: Path, style: str = "gbt7714-numerical") -> list[str]:
    """A LaTeX document citing every key, compiled with LuaLaTeX, BibTeX, LuaLaTeX.

    Returns BibTeX's warnings and errors (from the .blg) and any LaTeX error."""
    (workdir / "lib.bib").write_text(bib, encoding="utf-8")
    keys = ",".join(bibtex_keys(bib))
    (workdir / "doc.tex").write_text(
        "\\documentclass{article}\n\\usepackage{gbt7714}\n"
        f"\\bibliographystyle{{{style}}}\n\\begin{{document}}\n\\cite{{{keys}}}\n"
        "\\bibliography{lib}\n\\end{document}\n", encoding="utf-8")
    latex = ["lualatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"]
    first = _run(latex, workdir)
    assert first.returncode == 0, first.stdout[-2000:]
    bibtex = _run(["bibtex", "doc"], workdir)
    blg = (workdir / "doc.blg").read_text(encoding="utf-8", errors="replace")
    complaints = [line for line in blg.splitlines()
                  if line.startswith("Warning--") or "error message" in line or "---line" in line]
    if bibtex.returncode not in (0, 1) and not complaints:
        complaints.append(f"bibtex exited {bibtex.returncode}: {bibtex.stdout[-500:]}")
    second = _run(latex, workdir)
    if second.returncode != 0:
        complaints.append("LaTeX failed on the bibliography: "
                          + "\n".join(line for line in second.stdout.splitlines() if line.startswith("!")))
    return complaints


def biber_validate(bib: str, workdir: Path) -> list[str]:
    """``biber --tool --validate-datamodel``: every WARN and ERROR line."""
    path = workdir / "lib.bib"
    path.write_text(bib, encoding="utf-8")
    proc = _run(["biber", "--tool", "--validate-datamodel", "--output-file",
                 str(workdir / "out.bib"), str(path)], workdir)
    lines = (proc.stdout + proc.stderr).splitlines()
    complaints = [line for line in lines if line.startswith(("WARN", "ERROR"))]
    if proc.returncode != 0 and not complaints:
        complaints.append(f"biber exited {proc.returncode}")
    return complaints


def pandoc_citeproc(bib: str, workdir: Path) -> tuple[list[str], str]:
    """Render every entry with ``pandoc --citeproc``; return (complaints, rendered text)."""
    path = workdir / "lib.bib"
    path.write_text(bib, encoding="utf-8")
    doc = workdir / "doc.md"
    doc.write_text("---\nnocite: |\n  @*\n---\n", encoding="utf-8")
    proc = _run(["pandoc", "--citeproc", "--bibliography", str(path), "-t", "plain",
                 "--wrap=none", str(doc)], workdir)
    complaints = [line for line in proc.stderr.splitlines() if line.strip()]
    if proc.returncode != 0:
        complaints.append(f"pandoc exited {proc.returncode}")
    return complaints, proc.stdout


def pybtex_check(bib: str, workdir: Path) -> tuple[list[str], int]:
    """Parse with pybtex and format every entry with its unsrt style, collecting every error
    pybtex reports (it would stop at the first one in strict mode); (complaints, entries)."""
    import pybtex.errors
    from pybtex.database import parse_string
    from pybtex.exceptions import PybtexError
    from pybtex.plugin import find_plugin

    complaints: list[str] = []
    original = pybtex.errors.report_error
    pybtex.errors.set_strict_mode(False)
    pybtex.errors.report_error = lambda exc: complaints.append(f"{type(exc).__name__}: {exc}")
    try:
        data = parse_string(bib, "bibtex")
        style = find_plugin("pybtex.style.formatting", "unsrt")()
        backend = find_plugin("pybtex.backends", "text")()
        rendered = []
        for number, entry in enumerate(data.entries.values(), 1):
            try:  # one entry at a time, so one missing field does not hide the others
                rendered.append(style.format_entry(str(number), entry).text.render(backend))
            except PybtexError as exc:
                complaints.append(f"{type(exc).__name__}: {exc}")
                rendered.append("")
    finally:
        pybtex.errors.report_error = original
        pybtex.errors.set_strict_mode(True)
    return complaints, len(rendered)


# Complaints about a field that is empty. They are findings only when the reference has the
# data: a web page cited without a date has no year, and no tool should make refman invent one.
_MISSING = [
    re.compile(r"^Warning--empty (?P<field>[a-z ]+?) in (?P<key>\S+)$"),
    re.compile(r"^Warning--(?:I didn't find a database entry|can't use both) "),  # never excused
    re.compile(r"Entry '(?P<key>[^']+)'.*Missing mandatory field (?:- one of )?'(?P<field>[^']+)'"),
    re.compile(r"^FieldIsMissing: missing (?P<field>\w+) in (?P<key>\S+)$"),
]
_REFMAN_FIELD = {"year": ("year", "date"), "date, year": ("year", "date"), "author": ("authors",),
                 "editor": ("editors",), "author and editor": ("authors", "editors"),
                 "author, editor": ("authors", "editors"), "journal": ("container",),
                 "journaltitle": ("container",), "booktitle": ("container",),
                 "institution": ("publisher",), "school": ("publisher",), "publisher": ("publisher",),
                 "title": ("title",), "url": ("url",)}


def real_complaints(complaints: list[str], references: dict) -> list[str]:
    """The complaints that are not about data the source itself lacks."""
    real = []
    for line in complaints:
        for pattern in _MISSING:
            m = pattern.search(line)
            if m and "key" in m.groupdict():
                ref = references.get(m["key"])
                attrs = _REFMAN_FIELD.get(m["field"])
                if ref is not None and attrs and not any(getattr(ref, a) for a in attrs):
                    break  # the source has no such data: not a finding
        else:
            real.append(line)
            continue
    return real
