"""Target reach, measured: resolve each target's whole locked tree with that target's platform tags and print
the figures (packages, total size, the most demanding manylinux tag, the newest GLIBC symbol any ELF file in
those wheels needs).

    python packaging/check_targets.py [--target NAME ...] [--cache DIR]

Downloads run with `--only-binary=:all: --platform ... --python-version 3.11 --implementation cp` and
`--require-hashes` against packaging/lock/<target>.txt: a wheel missing for a target, or one whose hash
differs from the lock, fails the check. Needs network (or a warm --cache).
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dist_targets import ROOT, TARGETS
from wheel_facts import download_locked, elf_glibc, folder_glibc, glibc_text, wheel_glibc


def measure(name: str, cache: Path) -> dict[str, str]:
    target = TARGETS[name]
    wheels = download_locked(target, cache / name)
    locked = target.lock_file.read_text(encoding="utf-8").count("--hash=sha256:")
    size = sum(w.stat().st_size for w in wheels)
    tags = [(wheel_glibc(w.name), w.name.split("-")[0]) for w in wheels]
    tag_glibc, tag_wheel = max(((g, n) for g, n in tags if g), default=(None, "—"))
    row = {
        "target": name,
        "packages": f"{len(wheels)}/{locked}",
        "size": f"{size / 1e6:.0f} MB",
        "manylinux": f"{glibc_text(tag_glibc)} ({tag_wheel})",
        "elf": "—",
        "promise": glibc_text(target.glibc),
    }
    if target.glibc:
        elves = [(found, w.name.split("-")[0]) for w in wheels if (found := elf_glibc(w))]
        (version, library), wheel = max(elves, default=((None, "—"), "—"))
        row["elf"] = f"{glibc_text(version)} ({wheel}: {library})"
        if (tag_glibc and tag_glibc > target.glibc) or (version and version > target.glibc):
            row["verdict"] = "不满足"
        else:
            row["verdict"] = "满足"
    else:
        row["verdict"] = "满足（Windows：无 glibc）"
    if len(wheels) != locked:
        row["verdict"] = f"缺少 {locked - len(wheels)} 个"
    return row


def _width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", action="append", choices=sorted(TARGETS), help="default: every target")
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "targets", help="download folder")
    parser.add_argument(
        "--bundle", type=Path, help="only report the newest GLIBC symbol any ELF file here needs"
    )
    args = parser.parse_args(argv)
    if args.bundle:
        found = folder_glibc(args.bundle)
        version, where = (glibc_text(found[0]), found[1]) if found else ("—", "无 ELF 文件")
        print(f"{args.bundle}: 最高 GLIBC 符号 {version}（{where}）")
        return 0
    rows = [measure(name, args.cache) for name in args.target or sorted(TARGETS)]
    headers = {
        "target": "目标",
        "packages": "包数（下载/锁定）",
        "size": "合计大小",
        "promise": "承诺 glibc",
        "manylinux": "最高 manylinux 标签（glibc）",
        "elf": "ELF 所需最高 GLIBC 符号",
        "verdict": "结论",
    }
    widths = {k: max(_width(h), *(_width(r[k]) for r in rows)) for k, h in headers.items()}
    print(" | ".join(_pad(h, widths[k]) for k, h in headers.items()))
    print("-+-".join("-" * widths[k] for k in headers))
    for row in rows:
        print(" | ".join(_pad(row[k], widths[k]) for k in headers))
    return 0 if all(r["verdict"].startswith("满足") for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
