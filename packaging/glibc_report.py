"""Which glibc (and libstdc++) a folder of ELF files needs: the highest GLIBC_x.y symbol version any file asks
for, and which file, with figures. Pure Python (reads the ELF version-needs tables itself), so it runs on a
build host without binutils.

    python packaging/glibc_report.py dist/dingmi-desktop [--max 2.28]

With --max, exits 1 when some file needs a newer glibc than the target has.
"""

from __future__ import annotations

import argparse
import struct
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

SHT_GNU_VERNEED = 0x6FFFFFFE
SHT_DYNAMIC = 6
DT_NEEDED = 1
FAMILIES = ("GLIBC", "GLIBCXX", "CXXABI")


def version_key(text: str) -> tuple[int, ...]:
    """'2.28' → (2, 28); 'GLIBC_2.3.4' → (2, 3, 4)."""
    digits = text.rsplit("_", 1)[-1]
    return tuple(int(part) for part in digits.split(".") if part.isdigit())


@dataclass
class ElfNeeds:
    path: Path
    versions: dict[str, set[str]] = field(default_factory=dict)  # family → {"GLIBC_2.28", ...}

    def highest(self, family: str) -> str | None:
        names = self.versions.get(family)
        return max(names, key=version_key) if names else None


def _read_cstr(data: bytes, offset: int) -> str:
    end = data.index(b"\0", offset)
    return data[offset:end].decode("ascii", "replace")


def _read_elf(path: Path) -> bytes | None:
    try:
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                return None
        return path.read_bytes()
    except OSError:
        return None


def _sections(data: bytes) -> tuple[str, bool, list[tuple[int, ...]]]:
    """(struct byte order, 64-bit?, section headers) of an ELF image."""
    wide, endian = data[4] == 2, "<" if data[5] == 1 else ">"
    if wide:
        shoff = struct.unpack_from(endian + "Q", data, 0x28)[0]
        shentsize, shnum = struct.unpack_from(endian + "HH", data, 0x3A)
        header = endian + "IIQQQQIIQQ"
    else:
        shoff = struct.unpack_from(endian + "I", data, 0x20)[0]
        shentsize, shnum = struct.unpack_from(endian + "HH", data, 0x2E)
        header = endian + "IIIIIIIIII"
    return endian, wide, [struct.unpack_from(header, data, shoff + i * shentsize) for i in range(shnum)]


def needed_libraries(path: Path) -> list[str]:
    """The DT_NEEDED sonames of an ELF file (what the dynamic loader must find); [] for other files."""
    data = _read_elf(path)
    if data is None:
        return []
    endian, wide, sections = _sections(data)
    entry = endian + ("qQ" if wide else "iI")
    size = struct.calcsize(entry)
    names = []
    for section in sections:
        if section[1] != SHT_DYNAMIC:
            continue
        strtab = sections[section[6]][4]
        for offset in range(section[4], section[4] + section[5], size):
            tag, value = struct.unpack_from(entry, data, offset)
            if tag == 0:
                break
            if tag == DT_NEEDED:
                names.append(_read_cstr(data, strtab + value))
    return names


def elf_version_needs(path: Path) -> ElfNeeds | None:
    """The symbol versions `path` needs from other libraries; None when it is not an ELF file."""
    data = _read_elf(path)
    if data is None:
        return None
    endian, _wide, sections = _sections(data)
    needs = ElfNeeds(path)
    for section in sections:
        if section[1] != SHT_GNU_VERNEED:
            continue
        offset, link, count = section[4], section[6], section[7]
        strtab = sections[link][4]
        for _ in range(count):
            _version, aux_count, _file, aux, next_need = struct.unpack_from(endian + "HHIII", data, offset)
            aux_offset = offset + aux
            for _ in range(aux_count):
                _hash, _flags, _other, name, next_aux = struct.unpack_from(endian + "IHHII", data, aux_offset)
                symbol = _read_cstr(data, strtab + name)
                family = symbol.split("_", 1)[0]
                if family in FAMILIES:
                    needs.versions.setdefault(family, set()).add(symbol)
                aux_offset += next_aux
                if not next_aux:
                    break
            offset += next_need
            if not next_need:
                break
    return needs


def scan(folder: Path) -> list[ElfNeeds]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            needs = elf_version_needs(path)
            if needs is not None:
                found.append(needs)
    return found


def report(folder: Path, limit: str | None = None, out: object = sys.stdout) -> int:
    """Prints the report; returns the number of files needing more than `limit` (0 without a limit)."""
    files = scan(folder)
    write = out.write  # type: ignore[attr-defined]
    write(f"glibc 需求报告：{folder}\n")
    write(f"  ELF 文件 {len(files)} 个，合计 {sum(f.path.stat().st_size for f in files) / 1e6:.1f} MB\n")
    over = 0
    for family in FAMILIES:
        users = [(f, f.highest(family)) for f in files if f.highest(family)]
        if not users:
            continue
        top_file, top = max(users, key=lambda pair: version_key(pair[1] or ""))
        write(f"  最高 {family}：{top}（{top_file.path.relative_to(folder)}）\n")
        spread = Counter(version for _, version in users)
        figures = "，".join(
            f"{name.split('_', 1)[1]}：{spread[name]} 个"
            for name in sorted(spread, key=version_key, reverse=True)[:6]
        )
        write(f"    各文件所需最高版本的分布（前 6）：{figures}\n")
        if family == "GLIBC" and limit is not None:
            too_new = sorted(
                (f for f, v in users if version_key(v or "") > version_key(limit)),
                key=lambda f: version_key(f.highest("GLIBC") or ""),
                reverse=True,
            )
            over = len(too_new)
            verdict = "满足" if not too_new else f"不满足：{over} 个文件需要更高版本"
            write(f"  目标 glibc {limit}：{verdict}\n")
            for f in too_new[:15]:
                write(f"    {f.highest('GLIBC')}  {f.path.relative_to(folder)}\n")
    return over


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="报告目录中 ELF 文件所需的最高 glibc 符号版本")
    parser.add_argument("folder", type=Path, help="打包输出目录，例如 dist/dingmi-desktop")
    parser.add_argument("--max", metavar="版本", help="目标系统的 glibc 版本（如 2.28）；超出则退出码为 1")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"目录不存在：{args.folder}", file=sys.stderr)
        return 2
    return 1 if report(args.folder, args.max) else 0


if __name__ == "__main__":
    raise SystemExit(main())
