"""Build everything that goes on the disc for a Linux terminal, in order, printing sizes:

    python packaging/build.py [--out dist] [--glibc 2.28] [--no-deb]

1. the frozen bundle: PyInstaller with packaging/pyinstaller/dingmi-desktop.spec → dist/dingmi-desktop/
   (`dingmi-desktop` and `dingmi`), debug sections stripped (binutils `strip --strip-debug`);
2. the frozen smoke check: `dist/dingmi-desktop/dingmi-desktop --smoke`;
3. the glibc report (packaging/glibc_report.py) against the target's glibc;
4. the .deb (packaging/linux/build_deb.py).

Run it with a Python that has the project and PyInstaller installed (see packaging/README.md). On Windows it
builds the bundle only; the installer is made by Inno Setup (packaging/windows/dingmi-desktop.iss).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "linux"))

BUDGET_MB = 250  # issue 16 point 4: the unpacked bundle


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"\x7fELF"
    except OSError:
        return False


def strip_debug(bundle: Path) -> None:
    """Debug sections only (symbols stay): libpython and sqlcipher3 ship with them, tens of MB."""
    strip = shutil.which("strip")
    if strip is None or sys.platform == "win32":
        print("  未找到 strip（binutils），跳过去除调试信息")
        return
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)]
    subprocess.run([strip, "--strip-debug", *map(str, files)], check=True)


def build_bundle(out: Path) -> Path:
    work = Path(tempfile.mkdtemp(prefix="dingmi-pyinstaller-"))
    spec = HERE / "pyinstaller" / "dingmi-desktop.spec"
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN"]
    subprocess.run([*cmd, "--distpath", str(out), "--workpath", str(work), str(spec)], check=True, cwd=REPO)
    shutil.rmtree(work, ignore_errors=True)
    bundle = out / "dingmi-desktop"
    before = folder_mb(bundle)
    strip_debug(bundle)
    after = folder_mb(bundle)
    verdict = "在预算内" if after <= BUDGET_MB else "超出预算"
    print(
        f"打包目录：{bundle}（{before:.0f} MB → 去除调试信息后 {after:.0f} MB，"
        f"预算 {BUDGET_MB} MB，{verdict}）"
    )
    for part in sorted((bundle / "_internal").iterdir(), key=lambda p: -_size(p))[:8]:
        print(f"  {_size(part) / 2**20:6.1f} MB  {part.name}")
    return bundle


def _size(path: Path) -> float:
    if path.is_symlink():
        return 0
    return path.stat().st_size if path.is_file() else folder_mb(path) * 2**20


def frozen_smoke(bundle: Path) -> None:
    exe = bundle / ("dingmi-desktop.exe" if sys.platform == "win32" else "dingmi-desktop")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "TMPDIR": tmp}
        env.pop("QT_QPA_PLATFORM", None)
        result = subprocess.run([str(exe), "--smoke"], env=env, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"冻结版自检失败（退出码 {result.returncode}）")
    print(f"冻结版自检通过（{time.perf_counter() - started:.0f} 秒）")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="打包：PyInstaller 打包目录 → 自检 → glibc 报告 → .deb")
    parser.add_argument("--out", type=Path, default=REPO / "dist", help="输出目录（默认 dist/）")
    parser.add_argument("--glibc", default="2.28", help="目标终端的 glibc 版本（默认 2.28）")
    parser.add_argument("--no-deb", action="store_true", help="不生成 .deb")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    bundle = build_bundle(out)
    frozen_smoke(bundle)
    if sys.platform == "win32":
        print(
            "Windows：下一步用 Inno Setup 编译 packaging/windows/dingmi-desktop.iss（见 packaging/README.md）"
        )
        return 0
    from glibc_report import report

    over = report(bundle, args.glibc)
    if over:
        print(
            f"注意：本机构建的打包目录不能在 glibc {args.glibc} 的终端上运行；"
            "请在 packaging/README.md 所述的构建机上构建。"
        )
    if not args.no_deb:
        from build_deb import DebError, build_deb

        try:
            build_deb(bundle, out)
        except DebError as exc:
            print(f"生成 .deb 失败：{exc}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
