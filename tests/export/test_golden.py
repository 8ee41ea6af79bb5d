"""Byte-stable output. Regenerate the files in tests/golden/ with DINGMI_REGEN_GOLDEN=1 (and look at them)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dingmi_desktop.export.fonts import bundled_font_set
from dingmi_desktop.export.renderer import render_copies
from dingmi_desktop.export.sheet_data import ELECTRONIC_COPY
from tests.export import samples

GOLDEN_DIR = Path(__file__).resolve().parents[1] / "golden"
REGENERATE = os.environ.get("DINGMI_REGEN_GOLDEN") == "1"

CASES = {
    "review-secret-approved": lambda: samples.sheet("定密审核单"),
    "dispatch-secret-approved": lambda: samples.sheet("送审签发单"),
    "review-internal-draft": lambda: samples.sheet(
        category="内部", period=None, urgency=None, approved=False
    ),
    "dispatch-nonsecret-long": lambda: samples.sheet(
        "送审签发单", category="非密", period=None, urgency=None, publicity="主动公开", opinion="长" * 3000
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_output_matches_golden_file(name: str) -> None:
    data = render_copies(CASES[name](), [1, 2], bundled_font_set())
    assert data == render_copies(CASES[name](), [1, 2], bundled_font_set())  # deterministic in-process
    _check(name, data)


def test_electronic_file_matches_golden_file() -> None:
    """An exported sheet says 电子文件　非印制份 where a printed copy has its 份号."""
    _check("review-secret-electronic", render_copies(samples.sheet(), [ELECTRONIC_COPY], bundled_font_set()))


def _check(name: str, data: bytes) -> None:
    path = GOLDEN_DIR / f"{name}.pdf"
    if REGENERATE:
        path.write_bytes(data)
    assert path.exists(), f"golden file missing: run with DINGMI_REGEN_GOLDEN=1 to create {path.name}"
    assert data == path.read_bytes(), (
        f"{path.name} differs; if intended, regenerate with DINGMI_REGEN_GOLDEN=1"
    )
