"""Build the wheelhouse for one target: every locked wheel (hashes enforced), the project's own wheel, and a
SHA256SUMS that `sha256sum -c SHA256SUMS` checks on the terminal.

    python packaging/build_wheelhouse.py --target linux-x86_64|linux-aarch64|win-amd64 [--out DIR]
    python packaging/build_wheelhouse.py --target win-amd64 --list     # the files it will hold, offline

On the terminal (no network): pip install --no-index --find-links DIR dingmi-desktop
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dist_targets import ROOT, TARGETS, Target
from wheel_facts import download_locked

SUMS = "SHA256SUMS"


def project_wheel_name() -> str:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return f"{project['name'].replace('-', '_')}-{project['version']}-py3-none-any.whl"


def planned_files(target: Target) -> list[str]:
    """The wheelhouse's wheels, read from the lock alone (no network), plus the project's and SHA256SUMS."""
    locked = re.findall(r"^    # (\S+\.whl)$", target.lock_file.read_text(encoding="utf-8"), re.M)
    return [*sorted([*locked, project_wheel_name()], key=str.lower), SUMS]


def write_sums(folder: Path) -> Path:
    lines = []
    for wheel in sorted(folder.glob("*.whl"), key=lambda p: p.name.lower()):
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        lines.append(f"{digest}  {wheel.name}\n")
    sums = folder / SUMS
    sums.write_text("".join(lines), encoding="utf-8")
    return sums


def build(target: Target, out: Path, python: str = sys.executable) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    for stale in [*out.glob("*.whl"), out / SUMS]:
        stale.unlink(missing_ok=True)  # a wheelhouse holds one build, never leftovers of an older one
    download_locked(target, out, python)
    command = [python, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT)]
    subprocess.run(command, check=True, cwd=ROOT)
    write_sums(out)
    present = sorted(p.name for p in out.iterdir())
    expected = sorted(planned_files(target))
    if present != expected:
        raise SystemExit(f"wheelhouse differs from the lock: extra {set(present) - set(expected)}, "
                         f"missing {set(expected) - set(present)}")  # fmt: skip
    return [out / name for name in planned_files(target)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build one target's wheelhouse (see packaging/README.md)")
    parser.add_argument("--target", required=True, choices=sorted(TARGETS))
    parser.add_argument("--out", type=Path, help="default: dist/wheelhouse/<target>")
    parser.add_argument("--list", action="store_true", help="print the files it will hold and stop")
    args = parser.parse_args(argv)
    target = TARGETS[args.target]
    if args.list:
        print("\n".join(planned_files(target)))
        return 0
    out = args.out or ROOT / "dist" / "wheelhouse" / target.name
    files = build(target, out)
    size = sum(f.stat().st_size for f in files)
    print(f"{out}: {len(files) - 1} wheels, {size / 1e6:.0f} MB, {SUMS} written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
