"""The real entry point in its own process: `python -m dingmi_desktop --data-dir …` reaches the sign-in."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from dingmi_desktop.app import STARTUP_PROBE_ENV, STARTUP_PROBE_MARKER, STARTUP_READY_MARKER
from tests import clocked
from tests.fixtures.store import TEST_EPOCH

ROOT = Path(__file__).resolve().parents[2]


def test_module_entry_point_shows_the_sign_in_dialog(demo_dir: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", STARTUP_PROBE_ENV: "1", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        clocked.command(TEST_EPOCH, "dingmi_desktop", "--data-dir", str(demo_dir)),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = result.stdout.split()
    assert lines[:2] == [STARTUP_PROBE_MARKER, STARTUP_READY_MARKER], result.stderr
    assert result.returncode == 0
