from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from dingmi_desktop.cli import main
from dingmi_desktop.services.demo import DEMO_PASSWORD


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def cli_store(_demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "cli-store"
    shutil.copytree(_demo_template, path)
    return path


@pytest.fixture
def dingmi(
    cli_store: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Result]:
    """Runs `dingmi --data-dir STORE ARGS...` in-process; the password comes from $DINGMI_PASSWORD."""

    def run(*args: str, password: str = DEMO_PASSWORD) -> Result:
        monkeypatch.setenv("DINGMI_PASSWORD", password)
        monkeypatch.setenv("DINGMI_COSIGNER_PASSWORD", DEMO_PASSWORD)  # every demo 三员 has it
        capsys.readouterr()
        try:
            code = main(["--data-dir", str(cli_store), *args])
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run
