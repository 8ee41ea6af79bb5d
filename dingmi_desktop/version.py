"""The program's version: one source of truth, the installed package metadata (from pyproject.toml).

Imports stay inside the functions: the GUI's start pays for the metadata only when --version or the log asks.
"""

from __future__ import annotations

import argparse
from functools import cache
from pathlib import Path
from typing import Any, NoReturn

DISTRIBUTION = "dingmi-desktop"


@cache
def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        # A source checkout run without installing: the same pyproject.toml the metadata is built from.
        import tomllib

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        if pyproject.is_file():
            return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])
        return "0+unknown"


class VersionAction(argparse.Action):
    """`--version` for both commands: prints `PROG VERSION` and exits 0."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="显示版本号并退出")

    def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> NoReturn:
        print(f"{parser.prog} {package_version()}")  # on stdout, as argparse's own version action
        parser.exit(0)
