"""Delivery targets and their pip platform tags: one place for the lock, the reach check, the wheelhouse.

pip's `--platform manylinux_2_28_x86_64` matches only that exact tag, not the older manylinux tags a glibc
2.28 system also accepts (rl-accel ships manylinux_2_17 only), so each Linux target lists every tag from
manylinux_2_5 up to its glibc, with the legacy aliases (manylinux1/2010/2014).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK_DIR = ROOT / "packaging" / "lock"
CONSTRAINTS = LOCK_DIR / "constraints.txt"
PYTHON_VERSION = "3.11"

# PEP 600 aliases: manylinux1 and manylinux2010 were defined for x86 only, manylinux2014 for every CPU.
_LEGACY = {(2, 5): ("manylinux1", {"x86_64"}), (2, 12): ("manylinux2010", {"x86_64"})}
_LEGACY_ALL = {(2, 17): "manylinux2014"}


def manylinux_tags(glibc: tuple[int, int], arch: str) -> tuple[str, ...]:
    """Every manylinux tag a system with this glibc accepts, newest first (pip tries them in order)."""
    major, newest = glibc
    tags: list[str] = []
    for minor in range(newest, 4, -1):
        tags.append(f"manylinux_{major}_{minor}_{arch}")
        alias, arches = _LEGACY.get((major, minor), (_LEGACY_ALL.get((major, minor)), {arch}))
        if alias and arch in arches:
            tags.append(f"{alias}_{arch}")
    return tuple(tags)


@dataclass(frozen=True)
class Target:
    name: str
    os: str  # what the README promises
    cpu: str
    glibc: tuple[int, int] | None  # None: Windows
    platforms: tuple[str, ...]

    @property
    def lock_file(self) -> Path:
        return LOCK_DIR / f"{self.name}.txt"

    def pip_platform_args(self) -> list[str]:
        args = ["--only-binary=:all:", "--python-version", PYTHON_VERSION, "--implementation", "cp"]
        for tag in self.platforms:
            args += ["--platform", tag]
        return args


TARGETS: dict[str, Target] = {
    t.name: t
    for t in (
        Target(
            "linux-x86_64",
            "统信 UOS V20、麒麟 Kylin V10、Debian 10+ 等",
            "x86_64",
            (2, 28),
            manylinux_tags((2, 28), "x86_64"),
        ),
        Target(
            "linux-aarch64",
            "统信 UOS V20、麒麟 Kylin V10（飞腾、鲲鹏）等",
            "aarch64 (ARM64)",
            (2, 31),
            manylinux_tags((2, 31), "aarch64"),
        ),
        Target("win-amd64", "Windows 10 / 11", "x86_64 (x64)", None, ("win_amd64",)),
    )
}


def runtime_requirements() -> list[str]:
    """The project's runtime dependencies, exactly as pyproject.toml declares them."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [str(req) for req in project["dependencies"]]


def requirement_name(requirement: str) -> str:
    """Normalised distribution name (PEP 503) of a requirement string such as `rl-accel>=0.9.1`."""
    name = requirement.split(";")[0]
    for stop in "<>=!~[ ":
        name = name.split(stop)[0]
    return normalise(name)


def normalise(name: str) -> str:
    import re

    return re.sub(r"[-_.]+", "-", name).lower()
