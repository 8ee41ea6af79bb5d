"""Test-wide setup: Qt offscreen, no network, each test in its own data directory."""

from __future__ import annotations

import os
import tempfile

# Before any Qt import: render offscreen and never touch the user's real store or settings.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("DINGMI_PASSWORD", None)

import pytest

pytest_plugins = ["tests.fixtures.store"]


@pytest.fixture(autouse=True)
def _controlled_clock(clock):
    """Every test runs on its own controlled clock (the `clock` fixture), whether it asks for it or not."""
    return clock


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path, monkeypatch):
    """Point every per-user location at tmp_path so no test reads or writes outside it."""
    monkeypatch.setenv("DINGMI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir(exist_ok=True)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    yield
