"""The Inno Setup script is honest (issue 16 point 6): it cannot be compiled here, so every path it names must
exist in the repository or be produced by the documented build, the programs it starts must be the ones the
PyInstaller spec makes, and its version must be the project's."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path, PureWindowsPath

REPO = Path(__file__).resolve().parents[1]
ISS = REPO / "packaging" / "windows" / "dingmi-desktop.iss"
SPEC = REPO / "packaging" / "pyinstaller" / "dingmi-desktop.spec"
PATH_KEYS = (
    "OutputDir",
    "SetupIconFile",
    "LicenseFile",
    "InfoBeforeFile",
    "InfoAfterFile",
    "WizardImageFile",
)


def produced_by_build() -> set[Path]:
    """dist/ and dist/<COLLECT name>/: what `python packaging/build.py` (default --out dist) writes."""
    build = (REPO / "packaging" / "build.py").read_text("utf-8")
    assert 'default=REPO / "dist"' in build
    spec = SPEC.read_text("utf-8")
    collect = spec[spec.index("COLLECT(") :]
    (name,) = re.findall(r'name="([^"]+)"', collect)
    return {REPO / "dist", REPO / "dist" / name}


def named_paths(iss: str) -> list[str]:
    """Relative paths the script names: [Setup] file keys and [Files] sources."""
    paths = []
    for line in iss.splitlines():
        line = line.strip()
        if line.startswith(";"):
            continue
        key, _, value = line.partition("=")
        if key.strip() in PATH_KEYS:
            paths.append(value.strip())
        paths += re.findall(r'Source:\s*"([^"]+)"', line)
    return paths


def unproduced_paths(iss: str) -> list[str]:
    here = ISS.parent
    produced = produced_by_build()
    bad = []
    for text in named_paths(iss):
        relative = Path(*PureWindowsPath(text).parts)
        if relative.name == "*":
            relative = relative.parent
        target = Path(*(here / relative).resolve().parts)
        if not (target.exists() or target in produced):
            bad.append(text)
    return bad


def test_every_path_in_the_script_exists_or_is_built() -> None:
    iss = ISS.read_text("utf-8")
    assert len(named_paths(iss)) >= 3  # output dir, icon, the bundle
    assert unproduced_paths(iss) == []


def test_the_check_catches_a_path_that_nothing_makes() -> None:
    iss = ISS.read_text("utf-8").replace(r"icons\dingmi-desktop.ico", r"icons\missing.ico")
    assert unproduced_paths(iss) == [r"..\..\resources\icons\missing.ico"]


def test_the_installed_programs_are_the_ones_the_spec_builds() -> None:
    iss = ISS.read_text("utf-8")
    defines = dict(re.findall(r'#define (\w+) "([^"]*)"', iss))
    spec_names = set(re.findall(r'^\s*name="([^"]+)",\s*$', SPEC.read_text("utf-8"), re.MULTILINE))
    exe_names = {Path(defines["AppExe"]).stem, Path(defines["CliExe"]).stem}
    assert exe_names <= spec_names
    assert "--smoke" in iss
    version = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    assert defines["AppVersion"] == version


def test_the_windows_build_is_documented_step_by_step() -> None:
    readme = (REPO / "packaging" / "README.md").read_text("utf-8")
    assert r"ISCC.exe" in readme and r"packaging\windows\dingmi-desktop.iss" in readme
    assert r"C:\bundle-venv\Scripts\python packaging\build.py" in readme
