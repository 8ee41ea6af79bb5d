"""The program's version: one source of truth, the installed package metadata (from pyproject.toml)."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

DISTRIBUTION = "dingmi-desktop"


@cache
def package_version() -> str:
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        # A source checkout run without installing: the same pyproject.toml the metadata is built from.
        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        if pyproject.is_file():
            return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])
        return "0+unknown"
