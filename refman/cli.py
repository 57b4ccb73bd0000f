"""The ``refman`` command: a few lines per verb over the public API in ``refman``.

Exit codes: 0 success, 1 findings or failure, 2 usage or unreadable input. Errors are one line
on stderr (``refman: error: ...``), never a traceback.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from collections import Counter
from pathlib import Path

import click

from . import __version__
from .errors import InputError, RefmanError

LIBRARY_HELP = "library folder of .bib files [default: $REFMAN_LIBRARY or ./references]"
# The formats of refman.formats.WRITERS, named here so that `refman --help` imports nothing.
FORMATS = ["bibtex", "csl-json", "ris", "json"]


class RefmanGroup(click.Group):
    """Turns refman's errors, and any bug, into one line on stderr and an exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except RefmanError as exc:
            click.echo(f"refman: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except BrokenPipeError:
            sys.stderr.close()  # `refman export | head`: the reader left; nothing to report
            ctx.exit(0)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("refman: interrupted", err=True)
            ctx.exit(130)
        except Exception as exc:  # a bug: one line, or the whole traceback when asked for
            if _debugging(ctx):
                traceback.print_exc()
            else:
                click.echo(f"refman: internal error: {type(exc).__name__}: {exc} (rerun with "
                           "--traceback or REFMAN_DEBUG=1 for the traceback, and please report "
                           "it with the input that caused it)", err=True)
            ctx.exit(1)


def _debugging(ctx: click.Context) -> bool:
    """``--traceback`` on the command line, or ``REFMAN_DEBUG`` set to anything but 0/empty."""
    return bool((ctx.obj or {}).get("traceback")) or os.environ.get("REFMAN_DEBUG", "") not in ("", "0")


@click.group(cls=RefmanGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="refman")
@click.option("--traceback", "show_traceback", is_flag=True,
              help="on an internal error, print the whole traceback (also: REFMAN_DEBUG=1)")
@click.pass_context
def main(ctx: click.Context, show_traceback: bool) -> None:
    """refman: clean BibTeX from medical reference lists (GB/T 7714, Vancouver), claims linked
    to their sources, and lookup by trial, author, drug, DOI or registry id.

    \b
    refman parse article.txt            # print the article's references as BibTeX
    refman build seeds/                 # write the library (./references) from documents
    refman export --bibtex -o refs.bib  # the whole library as one BibTeX file
    refman claims draft.txt             # every claim and the sources that support it
    refman check draft.txt              # markers, order, duplicates, unsourced results
    refman lookup CLARINET              # which references are CLARINET, and what we said
    """
    ctx.obj = {"traceback": show_traceback}


def _read_input(source: str):
    from . import read

    if source == "-":
        data = sys.stdin.buffer.read()
        return read.decode(data, "<stdin>")
    return read.read_path(source)


def _emit(text: str, output: str | None) -> None:
    if output:
        from .library.store import atomic_write

        target = Path(output)
        if target.parent and not target.parent.exists():
            raise InputError(f"{target.parent}: no such folder for the output file")
        atomic_write(target, text)
    else:
        click.echo(text, nl=False)


def _warn(problems, quiet: bool) -> None:
    if quiet:
        return
    for problem in problems:
        click.echo(f"refman: {problem}", err=True)


@main.command()
@click.argument("file", default="-", metavar="[FILE|-]")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="bibtex", show_default=True,
              help="output format")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="write to FILE instead of stdout")
@click.option("--strict", is_flag=True, help="fail (exit 1) when any entry needed a repair it could not make")
@click.option("-q", "--quiet", is_flag=True, help="do not print warnings")
def parse(file: str, fmt: str, output: str | None, strict: bool, quiet: bool) -> None:
    """Parse a document or a bare reference list; print one entry per reference, in order.

    The library is not touched. Warnings (an entry that fits no style, a gap in the
    numbering) go to stderr; the entry is still printed, with its text kept in ``note``.

    \b
    refman parse seeds/004_dffaab495b30f8fc.txt
    pbpaste | refman parse - --format csl-json
    """
    from . import formats, parsing

    text = _read_input(file)
    # Text from standard input has no document name: no provenance is invented for it.
    source = "" if file == "-" else Path(text.name).name
    result = parsing.parse(text.text, source=source, strict=strict, name=source or text.name)
    _emit(formats.write(result.references, fmt), output)
    _warn(result.problems, quiet)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--library", "library", envvar="REFMAN_LIBRARY", type=click.Path(file_okay=False),
              help=LIBRARY_HELP)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="fail when any entry needed a repair it could not make")
@click.option("-q", "--quiet", is_flag=True, help="do not print warnings")
def build(paths: tuple[str, ...], library: str | None, fmt: str, strict: bool, quiet: bool) -> None:
    """Write one BibTeX file per document into the library (default documents: seeds/).

    \b
    refman build                          # seeds/ -> references/
    refman build drafts/review.txt --library ~/refs
    """
    from .builder import build as build_library

    result = build_library(paths or ("seeds",), library, strict=strict)
    if fmt == "json":
        click.echo(json.dumps({
            "written": [str(p) for p in result.written],
            "references": len(result.references),
            "skipped": list(result.skipped),
            "problems": [str(p) for p in result.problems],
        }, ensure_ascii=False, indent=2))
    else:
        per_document = Counter(Path(r.source).stem for r in result.references)
        for path in result.written:
            count = per_document[path.stem]
            click.echo(f"wrote {path} ({count} reference{'' if count == 1 else 's'})")
        for name in result.skipped:
            click.echo(f"skipped {name}: no reference list")
    _warn(result.problems, quiet or fmt == "json")


@main.command()
@click.option("--bibtex", "fmt", flag_value="bibtex", default=True, help="BibTeX (default)")
@click.option("--csl-json", "fmt", flag_value="csl-json", help="CSL-JSON, for Pandoc and Zotero")
@click.option("--ris", "fmt", flag_value="ris", help="RIS, for EndNote")
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="any of the formats by name (json: refman's own fields)")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="write to FILE instead of stdout")
@click.option("--library", "library", envvar="REFMAN_LIBRARY", type=click.Path(file_okay=False),
              help=LIBRARY_HELP)
def export(fmt: str, output: str | None, library: str | None) -> None:
    """Print or write the whole library.

    \b
    refman export --bibtex -o references.bib
    refman export --csl-json > references.json
    """
    from .library.export import export as export_library

    _emit(export_library(library, fmt or "bibtex"), output)


@main.command()
@click.argument("document", type=click.Path(dir_okay=False))
@click.option("--library", "library", envvar="REFMAN_LIBRARY", type=click.Path(file_okay=False),
              help=LIBRARY_HELP)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--unsourced", is_flag=True, help="only the claims with no source")
def claims(document: str, library: str | None, fmt: str, unsourced: bool) -> None:
    """Every claim of a document with the sources that support it, and why.

    Markers link exactly; a claim without one is linked by evidence (trial name, registry id,
    drug in either language, author and year) against the document's list and the library.

    \b
    refman claims seeds/004_dffaab495b30f8fc.txt
    refman claims draft.txt --unsourced --format json
    """
    from .document import claims as find_claims

    linked = find_claims(document, library, unsourced=unsourced)
    if fmt == "json":
        click.echo(json.dumps([c.to_dict() for c in linked], ensure_ascii=False, indent=2))
        return
    for item in linked:
        c = item.claim
        click.echo(f"{c.start}-{c.end}  {c.text}")
        if not item.sources and not item.dangling:
            click.echo("    UNSOURCED")
        for s in item.sources:
            if s.source and s.source != Path(document).name:  # a source from the library
                where = f"  (library: {s.source}" + (f" [{s.number}])" if s.number is not None else ")")
                click.echo(f"    -> {s.key}  {s.score:.2f}  {s.via}{where}")
            else:
                number = f"[{s.number}] " if s.number is not None else ""
                click.echo(f"    -> {number}{s.key}  {s.score:.2f}  {s.via}")
        for n in item.dangling:
            click.echo(f"    -> [{n}] MISSING: no such entry in the list")


@main.command()
@click.argument("document", type=click.Path(dir_okay=False))
@click.option("--library", "library", envvar="REFMAN_LIBRARY", type=click.Path(file_okay=False),
              help=LIBRARY_HELP)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def check(document: str, library: str | None, fmt: str) -> None:
    """The integrity report an editor runs before submission. Exit 0 clean, 1 findings.

    Markers naming no entry, entries never cited, entries first cited out of numeric order,
    duplicate entries, a claim naming one trial while citing another's paper, and sentences
    reporting results with no source.

    \b
    refman check draft.txt
    refman check draft.txt --format json
    """
    from .document import check as run_check

    findings = run_check(document, library)
    if fmt == "json":
        click.echo(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2))
    elif not findings:
        click.echo(f"{Path(document).name}: no findings")
    else:
        for f in findings:
            where = f" at {f.start}: {f.claim[:80]}" if f.claim else ""
            click.echo(f"{f.kind}: {f.message}{where}")
    if findings:
        sys.exit(1)


@main.command()
@click.argument("query")
@click.option("--library", "library", envvar="REFMAN_LIBRARY", type=click.Path(file_okay=False),
              help=LIBRARY_HELP)
@click.option("--limit", type=click.IntRange(1, 1000), default=5, show_default=True, help="at most N results")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def lookup(query: str, library: str | None, limit: int, fmt: str) -> None:
    """Find sources by trial name, author [year], drug (English or Chinese), DOI, registry id,
    title words, journal and year, or key; show what the documents say about each.

    Exit 1, with the closest names, when nothing matches.

    \b
    refman lookup CLARINET
    refman lookup "Caplin 2014" --format json
    refman lookup 仑伐替尼
    """
    from .library.search import closest
    from .library.search import lookup as find
    from .library.store import open_library

    lib = open_library(library)
    matches = find(query, lib, limit)
    if not matches:
        near = closest(query, lib)
        hint = "; closest: " + ", ".join(f"{m.evidence.value} ({m.key})" for m in near) if near else ""
        if fmt == "json":
            click.echo("[]")
        click.echo(f'refman: no source matches "{query}"{hint}', err=True)
        sys.exit(1)
    if fmt == "json":
        click.echo(json.dumps([m.to_dict() for m in matches], ensure_ascii=False, indent=2))
        return
    for m in matches:
        authors = ", ".join(m.authors)
        where = f"{m.source} [{m.number}]" if m.number is not None else m.source
        click.echo(f"{m.key}  {authors} {m.year}  ({m.score:.2f} {m.via})")
        click.echo(f"    {m.title}" + (f". {m.container}" if m.container else ""))
        click.echo(f"    in {where}")
        for c in m.claims[:5]:
            text = c["text"] if len(c["text"]) <= 160 else c["text"][:157] + "..."
            click.echo(f"    > {c['document']}: {text}")
        if len(m.claims) > 5:
            click.echo(f"    > ... and {len(m.claims) - 5} more claims")
