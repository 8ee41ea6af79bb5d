"""packaging/build_wheelhouse.py: its file list and arguments (quick, offline), and, opt-in with
DINGMI_PACKAGING_TESTS=1 (network, ~300 MB, minutes), a real linux-x86_64 wheelhouse installed offline into a
fresh venv that then runs `dingmi --version` and creates a store."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "packaging" / "build_wheelhouse.py"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
OPT_IN = os.environ.get("DINGMI_PACKAGING_TESTS") == "1"


def _script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("target", ["linux-x86_64", "linux-aarch64", "win-amd64"])
def test_the_file_list_is_the_lock_plus_the_project_wheel_and_sums(target: str) -> None:
    done = _script("--target", target, "--list")
    assert done.returncode == 0, done.stderr
    files = done.stdout.split()
    lock = (ROOT / "packaging" / "lock" / f"{target}.txt").read_text(encoding="utf-8")
    assert len(files) == lock.count("--hash=sha256:") + 2
    assert f"dingmi_desktop-{VERSION}-py3-none-any.whl" in files and files[-1] == "SHA256SUMS"
    qt = [f for f in files if f.lower().startswith(("pyside6_essentials", "pyside6_addons", "shiboken6"))]
    tags = {"linux-x86_64": "manylinux_2_28_x86_64", "linux-aarch64": "manylinux_2_31_aarch64"}
    tag = tags.get(target, "win")
    assert len(qt) == 3 and all(tag in f for f in qt), qt


def test_a_target_is_required_and_must_be_known() -> None:
    assert _script("--list").returncode == 2
    unknown = _script("--target", "linux-riscv64", "--list")
    assert unknown.returncode == 2 and "invalid choice" in unknown.stderr


@pytest.mark.packaging
@pytest.mark.skipif(not OPT_IN, reason="builds from the network: set DINGMI_PACKAGING_TESTS=1")
def test_the_wheelhouse_installs_offline_and_runs(tmp_path: Path) -> None:
    house = tmp_path / "wheelhouse"
    built = subprocess.run(
        [sys.executable, str(SCRIPT), "--target", "linux-x86_64", "--out", str(house)], timeout=3600
    )
    assert built.returncode == 0
    subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=house, check=True)
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    pip = [str(env_dir / "bin" / "python"), "-m", "pip", "install", "-q", "--no-index"]
    subprocess.run([*pip, "--find-links", str(house), "dingmi-desktop"], check=True, timeout=1800)
    version = subprocess.run([str(env_dir / "bin" / "dingmi"), "--version"], capture_output=True, text=True)
    assert version.stdout == f"dingmi {VERSION}\n", version.stderr
    gui_version = subprocess.run(
        [str(env_dir / "bin" / "dingmi-desktop"), "--version"], capture_output=True, text=True
    )
    assert gui_version.stdout == f"dingmi-desktop {VERSION}\n", gui_version.stderr
    # A store from the installed copy alone (cwd outside the checkout), with the 三员 passwords from env.
    store = tmp_path / "data" / "store"
    env = {
        **os.environ,
        "DINGMI_PASSWORD_SYSADMIN": "Sys-Admin#2026a",
        "DINGMI_PASSWORD_SECADMIN": "Sec-Admin#2026b",
        "DINGMI_PASSWORD_AUDITOR": "Audit-Or#2026c",
    }
    init = [str(env_dir / "bin" / "dingmi"), "--data-dir", str(store), "init", "--unit", "测试单位"]
    made = subprocess.run(
        [*init, "--authority", "机密"], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600
    )
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "data" / "logs" / "dingmi.log").is_file()
