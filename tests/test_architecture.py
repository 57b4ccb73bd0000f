"""The shape of the package, read from its source with ``ast``: rooms import only downwards,
no module imports another's private names, no import circles, and each shared idea has one home."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "refman"

# Each room's rank: a module may import from its own room or from a room of lower rank.
RANKS = {
    "model": 0, "errors": 0,
    "vocab": 1,
    "read": 2, "formats": 2,
    "parsing": 3, "linking": 3,
    "library": 4,
    "document": 5, "builder": 6,
    "__init__": 7, "cli": 8, "__main__": 9,
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def _imports() -> dict[str, list[tuple[str, list[str]]]]:
    """Module -> [(imported module, names imported from it)], late imports included."""
    out: dict[str, list[tuple[str, list[str]]]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = _module_name(path)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                if not target.startswith("refman"):
                    continue
                names = [a.name for a in node.names]
                if not node.module:  # "from . import parsing": the names are modules
                    found.extend((f"{target}.{n}", []) for n in names)
                else:
                    found.append((target, names))
            elif isinstance(node, ast.Import):
                found.extend((a.name, []) for a in node.names if a.name.startswith("refman"))
        out[name] = found
    return out


IMPORTS = _imports()
MODULES = set(IMPORTS)


def _resolve(target: str) -> str:
    """The module an import names (``refman.vocab.script``), not a name inside it."""
    while target and target not in MODULES:
        target = target.rpartition(".")[0]
    return target


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_the_scan_sees_the_package():
    assert {"refman.vocab.script", "refman.parsing.split", "refman.linking.link", "refman.cli"} <= MODULES
    assert any(t == "refman.vocab.script" and "YEAR" in names for t, names in IMPORTS["refman.parsing.styles.common"])


def test_every_room_has_a_rank():
    assert {_room(m) for m in MODULES} <= set(RANKS)


def test_imports_go_down_only():
    wrong = []
    for module, imports in IMPORTS.items():
        for target, _ in imports:
            target = _resolve(target)
            here, there = _room(module), _room(target)
            if here != there and RANKS[there] >= RANKS[here]:
                wrong.append(f"{module} -> {target}")
    assert wrong == []


def test_no_private_name_is_imported_from_another_module():
    wrong = [f"{module} imports {name} from {target}" for module, imports in IMPORTS.items()
             for target, names in imports for name in names
             if name.startswith("_") and name != "__version__"]
    assert wrong == []


def test_no_import_circles():
    graph = {m: {_resolve(t) for t, _ in imports} - {m} for m, imports in IMPORTS.items()}
    # A package's __init__ may re-export its own modules; the edge from a module to its
    # package is then the only way round, and does not count as a circle.
    graph = {m: {t for t in targets if not m.startswith(t + ".")} for m, targets in graph.items()}
    state: dict[str, int] = {}
    circles: list[str] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                circles.append(" -> ".join(path[path.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert circles == []


SOURCES = {p: p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py")}


@pytest.mark.parametrize("pattern, home", [
    pytest.param(r"\\u4e00|\\u3400|\\u9fff", "vocab/script.py", id="cjk-ranges"),
    pytest.param(r"\(\?:19\|20\)|1\[5-9\]|1\[6-9\]", "vocab/script.py", id="years"),
    pytest.param(r"10\\\.\\d\{4", "vocab/identifiers.py", id="doi-patterns"),
    pytest.param(r"NCT\\d\{8\}", "vocab/identifiers.py", id="registry-ids"),
    pytest.param(r"^def (?:acronym_key|trial_shaped|title_trials|other_trial)\b", "vocab/trials.py", id="trial-names"),
    pytest.param(r"^def (?:is_organisation|person_name|parse_author_list)\b", "vocab/names.py", id="names"),
    pytest.param(r"^(?:STOPWORDS|COMMON_TITLE_WORDS) = ", "vocab/words.py", id="stopwords"),
    pytest.param(r"^def same_work\b", "vocab/works.py", id="same-work"),
    pytest.param(r"\"article-journal\"|\"JOUR\"", "vocab/types.py", id="reference-types"),
    pytest.param(r"^def open_library\b|library_path\(", "library/store.py", id="library-argument"),
    pytest.param(r"^def signature\b", "library/store.py", id="library-signature"),
    pytest.param(r"^WRITERS\b", "formats/__init__.py", id="format-dispatch"),
    pytest.param(r"^FIELDS = ", "vocab/identifiers.py", id="identifier-fields"),
])
def test_each_shared_idea_is_defined_once(pattern, home):
    where = sorted(str(p.relative_to(PACKAGE)) for p, text in SOURCES.items()
                   if re.search(pattern, text, re.M))
    assert where == [home]


def test_lookup_loads_neither_the_parser_nor_the_linker(tmp_path):
    import shutil
    import subprocess
    import sys

    from .conftest import LIBRARY

    shutil.copytree(LIBRARY, tmp_path / "lib", ignore=shutil.ignore_patterns(".refman-index"))
    code = ("import sys, refman; refman.lookup('CLARINET', sys.argv[1]); "
            "print(sorted(m for m in sys.modules if m.startswith('refman.')))")
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "lib")], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    loaded = eval(proc.stdout)
    assert "refman.library.search" in loaded
    assert not [m for m in loaded if m.startswith(("refman.parsing", "refman.linking", "refman.read"))]
