"""The layering rules of DESIGN.md section 2, checked on every test run: import-linter for the
direction of imports, an `ast` walk for where our own imports stand, and a ceiling on the length
of a module.

Every import of our own packages stands at the top of its module. An import inside a function
that reaches back into a module that imports you is a circle in disguise (STYLE.md, "Seams seen
in this codebase"); where start-up speed needs a module loaded late (the GUI behind the command
line, a command's module, a panel), it is loaded by its module *name* through importlib, as
`app.cli` and `app.panels` do. Heavy third-party libraries (spaCy, deduce, python-docx...) may
still be imported inside the function that needs them.
"""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

from tests.helpers import venv_tool

REPO = Path(__file__).resolve().parent.parent
OUR_PACKAGES = ("app", "coding", "models", "importers", "exports", "resources", "bench")
CHECKED = ("app", "coding", "models", "importers", "exports", "bench")


def test_import_contracts_are_kept() -> None:
    exe = venv_tool("lint-imports")
    proc = subprocess.run([exe, "--config", str(REPO / "pyproject.toml")], cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "broken" in proc.stdout and "0 broken" in proc.stdout


def _own_modules(node: ast.stmt) -> list[str]:
    """The modules of ours that an import statement names (relative imports are always ours)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name.split(".")[0] in OUR_PACKAGES]
    if isinstance(node, ast.ImportFrom):
        if node.level:
            return ["." * node.level + (node.module or "")]
        if node.module and node.module.split(".")[0] in OUR_PACKAGES:
            return [node.module]
    return []


def imports_inside_functions(source: str, filename: str) -> list[str]:
    """`file:line: function imports module` for every import of ours inside a function body
    (methods, nested functions and classes inside functions included)."""
    found: list[str] = []

    def visit(node: ast.AST, scope: str, function: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = f"{scope}{child.name}"
                inside = name if not isinstance(child, ast.ClassDef) else function
                visit(child, f"{name}.", inside)
                continue
            if function is not None and isinstance(child, ast.Import | ast.ImportFrom):
                found.extend(f"{filename}:{child.lineno}: {function}() imports {module}"
                             for module in _own_modules(child))
            visit(child, scope, function)

    visit(ast.parse(source, filename), "", None)
    return found


def test_the_check_sees_an_import_inside_a_function() -> None:
    source = ("from typing import TYPE_CHECKING\n"
              "from coding.types import CodeId\n"
              "if TYPE_CHECKING:\n    from coding.project import Project\n"
              "def f():\n    import spacy\n    from coding.project import Project\n"
              "class A:\n    def g(self):\n        def h():\n            from . import x\n"
              "        return h\n")
    assert imports_inside_functions(source, "m.py") == [
        "m.py:7: f() imports coding.project", "m.py:11: A.g.h() imports ."]


def test_our_modules_are_imported_at_the_top_of_every_file() -> None:
    found = [hit for package in CHECKED for path in sorted((REPO / package).rglob("*.py"))
             for hit in imports_inside_functions(path.read_text(encoding="utf-8"),
                                                 str(path.relative_to(REPO)))]
    assert not found, ("imports of our own modules inside functions (move them to the top; "
                       "load by module name through importlib where start-up needs it):\n"
                       + "\n".join(found))


MAX_LINES = 500


def test_no_module_is_over_500_lines() -> None:
    """A module past 500 lines holds more than one meaning: split it by meaning (STYLE.md)."""
    too_long = [f"{path.relative_to(REPO)}: {lines} lines" for package in CHECKED
                for path in sorted((REPO / package).rglob("*.py"))
                if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES]
    assert not too_long, f"modules over {MAX_LINES} lines:\n" + "\n".join(too_long)
