"""Only ui/ and the GUI entry point may import PySide6 (docs/architecture.md, layers)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "dingmi_desktop"
QT_ALLOWED = {PACKAGE / "app.py", PACKAGE / "bench" / "gui_bench.py"}


DYNAMIC_IMPORTERS = {"import_module", "__import__"}


def _dynamic_import_target(node: ast.Call) -> str | None:
    name = getattr(node.func, "attr", getattr(node.func, "id", ""))
    if name not in DYNAMIC_IMPORTERS or not node.args:
        return None
    first = node.args[0]
    return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None


def imported_modules(source: str) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Call) and (target := _dynamic_import_target(node)):
            names.add(target)
    return names


def qt_importers(root: Path) -> list[str]:
    offenders = []
    for path in sorted(root.rglob("*.py")):
        if path in QT_ALLOWED or (root / "ui") in path.parents:
            continue
        if any(name.split(".")[0] == "PySide6" for name in imported_modules(path.read_text("utf-8"))):
            offenders.append(str(path.relative_to(root.parent)))
    return offenders


def test_no_qt_outside_ui() -> None:
    assert qt_importers(PACKAGE) == []


def test_detector_catches_a_violation(tmp_path: Path) -> None:
    fake = tmp_path / "dingmi_desktop"
    (fake / "ui").mkdir(parents=True)
    (fake / "domain").mkdir()
    (fake / "ui" / "ok.py").write_text("from PySide6.QtWidgets import QWidget\n")
    (fake / "domain" / "bad.py").write_text("def f():\n    import PySide6.QtCore\n")
    (fake / "domain" / "sneaky.py").write_text("import importlib\nimportlib.import_module('PySide6')\n")
    assert qt_importers(fake) == ["dingmi_desktop/domain/bad.py", "dingmi_desktop/domain/sneaky.py"]


@pytest.mark.parametrize("layer", ["domain", "security", "storage", "services", "export", "cli"])
def test_core_layers_import_without_qt(layer: str) -> None:
    """Importing every core module in a fresh interpreter must not load PySide6."""
    import subprocess
    import sys

    modules = [
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts)
        for p in sorted((PACKAGE / layer).rglob("*.py"))
        if "migrations" not in p.parts and p.name != "__main__.py"
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print('PySide6' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PACKAGE.parent)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
