"""The wheel carries resources/ and resource_path() finds them from an installed, non-editable copy."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_resource_path_from_source_checkout() -> None:
    from dingmi_desktop.paths import resource_path

    assert resource_path("fonts", "wqy-zenhei.ttc").stat().st_size > 1_000_000


def test_missing_resource_is_reported() -> None:
    from dingmi_desktop.paths import resource_path

    with pytest.raises(FileNotFoundError, match="no-such-font"):
        resource_path("fonts", "no-such-font.ttf")


@pytest.mark.slow
def test_resources_found_from_installed_wheel(tmp_path: Path) -> None:
    wheel_dir = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheel_dir),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = wheel_dir.glob("dingmi_desktop-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", str(wheel)],
        check=True,
    )
    # Dependencies come from this interpreter's site-packages, appended after the throwaway venv's own.
    outer_site = sysconfig.get_paths()["purelib"]
    probe = (
        f"import sys; sys.path.append({outer_site!r})\n"
        "import dingmi_desktop, dingmi_desktop.paths as p\n"
        "print(dingmi_desktop.__file__)\n"
        "print(p.resource_path('fonts', 'uming.ttc'))\n"
    )
    out = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, cwd=tmp_path, check=True)
    package_file, font = out.stdout.split()
    assert Path(package_file).is_relative_to(env_dir)
    assert Path(font).is_relative_to(env_dir) and Path(font).is_file()
