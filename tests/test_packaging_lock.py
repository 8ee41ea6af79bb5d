"""The per-target lock files (packaging/lock/): every runtime dependency pinned with one sha256, and the
platform tags each target resolves with."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

PACKAGING = Path(__file__).resolve().parent.parent / "packaging"
sys.path.insert(0, str(PACKAGING))

import dist_targets  # noqa: E402

PIN = re.compile(r"^([a-z0-9-]+)==(\S+) \\\n    --hash=sha256:([0-9a-f]{64})\n    # (\S+\.whl)$", re.M)


def _pins(target: dist_targets.Target) -> dict[str, tuple[str, str]]:
    text = target.lock_file.read_text(encoding="utf-8")
    entries = [line for line in text.splitlines() if line and not line.startswith(("#", " "))]
    found = {name: (version, wheel) for name, version, _sha, wheel in PIN.findall(text)}
    assert len(found) == len(entries), f"{target.lock_file.name}: an entry without exactly one sha256"
    return found


@pytest.mark.parametrize("name", sorted(dist_targets.TARGETS))
def test_every_runtime_dependency_is_pinned_with_a_hash(name: str) -> None:
    pins = _pins(dist_targets.TARGETS[name])
    for text in dist_targets.runtime_requirements():
        requirement = Requirement(text)
        key = dist_targets.normalise(requirement.name)
        assert key in pins, f"{name}: {requirement.name} is not locked (run packaging/lock_dependencies.py)"
        assert Version(pins[key][0]) in requirement.specifier, f"{name}: {key}=={pins[key][0]} vs {text}"


@pytest.mark.parametrize("name", sorted(dist_targets.TARGETS))
def test_locked_wheels_fit_the_target_platform(name: str) -> None:
    target = dist_targets.TARGETS[name]
    for version, wheel in _pins(target).values():
        assert wheel.split("-")[1] == version, f"{name}: {wheel} is not version {version}"
        platform = wheel.removesuffix(".whl").split("-")[-1]
        assert platform == "any" or set(platform.split(".")) & set(target.platforms), f"{name}: {wheel}"


def test_one_qt_on_every_target_as_the_constraints_say() -> None:
    pinned = {
        dist_targets.normalise(line.split("==")[0]): line.split("==")[1].strip()
        for line in dist_targets.CONSTRAINTS.read_text(encoding="utf-8").splitlines()
        if "==" in line and not line.startswith("#")
    }
    assert pinned["pyside6-essentials"] == pinned["pyside6-addons"]
    for target in dist_targets.TARGETS.values():
        pins = _pins(target)
        for key, version in pinned.items():
            assert pins[key][0] == version, f"{target.name}: {key}"


def test_manylinux_tags_reach_down_to_the_legacy_aliases() -> None:
    x86 = dist_targets.manylinux_tags((2, 28), "x86_64")
    assert x86[0] == "manylinux_2_28_x86_64" and "manylinux_2_29_x86_64" not in x86
    assert {
        "manylinux2014_x86_64",
        "manylinux1_x86_64",
        "manylinux_2_17_x86_64",
        "manylinux_2_5_x86_64",
    } <= set(x86)
    arm = dist_targets.manylinux_tags((2, 31), "aarch64")
    assert "manylinux2014_aarch64" in arm and not any("manylinux1_" in t or "2010" in t for t in arm)
