"""The .deb (issue 16 point 5), opt-in: it needs the frozen bundle and root. Build the bundle first
(`python packaging/build.py`), then

    DINGMI_BUNDLE=dist/dingmi-desktop .venv/bin/python -m pytest -m packaging tests/test_deb_package.py

The test builds the .deb from that bundle, installs it with `dpkg -i`, checks what it put on the system, runs
the installed smoke check from the PATH inside an empty network namespace (`unshare -n`, where allowed), and
removes it with `dpkg -r`, leaving nothing under /opt.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
OPT = Path("/opt/dingmi-desktop")
INSTALLED = [
    Path("/usr/bin/dingmi"),
    Path("/usr/bin/dingmi-desktop"),
    Path("/usr/share/applications/dingmi-desktop.desktop"),
    Path("/usr/share/icons/hicolor/256x256/apps/dingmi-desktop.png"),
    Path("/usr/share/icons/hicolor/16x16/apps/dingmi-desktop.png"),
    Path("/usr/share/icons/hicolor/scalable/apps/dingmi-desktop.svg"),
]

pytestmark = pytest.mark.packaging


@pytest.fixture
def bundle() -> Path:
    value = os.environ.get("DINGMI_BUNDLE")
    if not value:
        pytest.skip("opt-in: set DINGMI_BUNDLE to the frozen bundle (python packaging/build.py makes it)")
    if shutil.which("dpkg") is None or os.geteuid() != 0:
        pytest.skip("needs dpkg and root (dpkg -i / dpkg -r)")
    path = Path(value).resolve()
    assert (path / "dingmi-desktop").is_file(), f"no frozen bundle at {path}"
    return path


@pytest.fixture
def deb(bundle: Path, tmp_path: Path) -> Iterator[Path]:
    sys.path.insert(0, str(REPO / "packaging" / "linux"))
    try:
        from build_deb import build_deb
    finally:
        sys.path.pop(0)
    yield build_deb(bundle, tmp_path)


def namespace_prefix() -> list[str]:
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True).returncode == 0:
        return [unshare, "-n"]
    return []


def test_deb_installs_runs_its_smoke_check_and_removes_cleanly(deb: Path, tmp_path: Path) -> None:
    subprocess.run(["dpkg", "-i", str(deb)], check=True, capture_output=True)
    try:
        for path in INSTALLED:
            assert path.exists(), path
        assert os.readlink("/usr/bin/dingmi-desktop") == str(OPT / "dingmi-desktop")
        assert "Icon=dingmi-desktop" in Path("/usr/share/applications/dingmi-desktop.desktop").read_text(
            "utf-8"
        )
        status = subprocess.run(["dpkg", "-s", "dingmi-desktop"], capture_output=True, text=True).stdout
        depends = next(line for line in status.splitlines() if line.startswith("Depends:"))
        for package in ("libc6 (>=", "libcups2", "libxcb-cursor0", "libfontconfig1"):
            assert package in depends
        env = {**os.environ, "TMPDIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
        env.pop("QT_QPA_PLATFORM", None)
        prefix = namespace_prefix()
        smoke = subprocess.run(
            [*prefix, "dingmi-desktop", "--smoke"], env=env, capture_output=True, text=True, timeout=900
        )
        assert smoke.returncode == 0, smoke.stdout + smoke.stderr
        assert "DINGMI_SMOKE_OK" in smoke.stdout
        cli = subprocess.run(
            [*prefix, "dingmi", "--help"], env=env, capture_output=True, text=True, timeout=300
        )
        assert cli.returncode == 0 and "定密桌面" in cli.stdout
        print(f"smoke under {' '.join(prefix) or 'no namespace'}:\n{smoke.stdout}")
    finally:
        subprocess.run(["dpkg", "-r", "dingmi-desktop"], check=True, capture_output=True)
    assert not OPT.exists()
    assert [path for path in INSTALLED if path.exists() or path.is_symlink()] == []
