"""Fetching a target's locked wheels and the figures the reach check prints about them."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

from dist_targets import ROOT, Target

_MANYLINUX = re.compile(r"manylinux_(\d+)_(\d+)_|manylinux(1|2010|2014)_")
_LEGACY_GLIBC = {"1": (2, 5), "2010": (2, 12), "2014": (2, 17)}
_GLIBC_SYMBOL = re.compile(rb"GLIBC_(\d+)\.(\d+)(?:\.\d+)?\x00")


def download_locked(target: Target, dest: Path, python: str = sys.executable) -> list[Path]:
    """Every wheel of the target's lock into `dest`, hashes enforced; the list of wheel files."""
    dest.mkdir(parents=True, exist_ok=True)
    command = [
        python, "-m", "pip", "download", "--quiet", "--no-deps", "--require-hashes",
        "-r", str(target.lock_file), "-d", str(dest), *target.pip_platform_args(),
    ]  # fmt: skip
    subprocess.run(command, check=True, cwd=ROOT)
    return sorted(dest.glob("*.whl"))


def wheel_glibc(filename: str) -> tuple[int, int] | None:
    """The oldest glibc any of a wheel's platform tags allows (one match installs it); None: no manylinux."""
    tags = filename.removesuffix(".whl").split("-")[-1].split(".")
    found = []
    for tag in tags:
        match = _MANYLINUX.match(tag)
        if match and match.group(3):
            found.append(_LEGACY_GLIBC[match.group(3)])
        elif match:
            found.append((int(match.group(1)), int(match.group(2))))
    return min(found) if found else None


def elf_glibc(wheel: Path) -> tuple[tuple[int, int], str] | None:
    """The newest GLIBC_x.y symbol version any ELF file inside the wheel asks for, and that file's name."""
    best: tuple[tuple[int, int], str] | None = None
    with zipfile.ZipFile(wheel) as archive:
        for member in archive.namelist():
            if not re.search(r"\.so(\.[\d.]+)?$|/Qt/libexec/|/Qt/bin/", member):
                continue
            with archive.open(member) as handle:
                data = handle.read()
            if not data.startswith(b"\x7fELF"):
                continue
            for match in _GLIBC_SYMBOL.finditer(data):
                version = (int(match.group(1)), int(match.group(2)))
                if best is None or version > best[0]:
                    best = (version, member.rsplit("/", 1)[-1])
    return best


def folder_glibc(folder: Path) -> tuple[tuple[int, int], str] | None:
    """The same for every ELF file under a folder (a frozen bundle), with that file's path."""
    best: tuple[tuple[int, int], str] | None = None
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        for match in _GLIBC_SYMBOL.finditer(path.read_bytes()):
            version = (int(match.group(1)), int(match.group(2)))
            if best is None or version > best[0]:
                best = (version, str(path.relative_to(folder)))
    return best


def glibc_text(version: tuple[int, int] | None) -> str:
    return "—" if version is None else f"{version[0]}.{version[1]}"
