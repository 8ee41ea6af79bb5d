"""The domain package stays pure: no Qt, no SQLAlchemy, no I/O modules (docs/architecture.md layers)."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import dingmi_desktop.domain as domain

FORBIDDEN = ("PySide6", "sqlalchemy", "sqlcipher3", "reportlab", "socket", "sqlite3")


def test_importing_every_domain_module_pulls_in_nothing_forbidden() -> None:
    modules = [f"dingmi_desktop.domain.{m.name}" for m in pkgutil.iter_modules(domain.__path__)]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"print(','.join(f for f in {FORBIDDEN!r} if f in sys.modules))\n"
    )
    root = Path(domain.__file__).parents[2]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_no_file_access_in_domain_sources() -> None:
    for path in Path(domain.__file__).parent.glob("*.py"):
        text = path.read_text("utf-8")
        assert not re.search(r"\bopen\(|\bPath\(|import os\b", text), path.name
