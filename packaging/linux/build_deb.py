"""Build the .deb from the frozen bundle (`packaging/build.py` runs this after PyInstaller):

    python packaging/linux/build_deb.py dist/dingmi-desktop --out dist

The package installs the bundle under /opt/dingmi-desktop, links `dingmi` and `dingmi-desktop` into /usr/bin,
adds the menu entry and the icon (hicolor, PNG sizes and SVG), and declares as Depends the system packages
that own every library the bundle's ELF files need but do not carry (found with ldconfig and `dpkg -S` on
the build host, plus libc6 at the glibc version the bundle needs). The package names are the build host's:
build on the oldest release of the target family (see packaging/README.md).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from glibc_report import elf_version_needs, needed_libraries, version_key

REPO = Path(__file__).resolve().parents[2]
PACKAGE = "dingmi-desktop"
PREFIX = Path("opt") / PACKAGE
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Provided by libc6 itself (its Depends line carries the version instead).
LIBC_SONAMES = re.compile(r"^(libc|libm|libdl|libpthread|librt|libutil|libresolv|ld-linux[-\w]*)\.so")


class DebError(RuntimeError):
    """A problem the packager must fix; str() is Chinese."""


def project_version() -> str:
    return str(tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["version"])


def architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def system_libraries() -> dict[str, str]:
    """soname → path of the host's libraries of this architecture (ldconfig's cache)."""
    out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    found: dict[str, str] = {}
    for line in out.splitlines()[1:]:
        name, _, rest = line.strip().partition(" (")
        if "=>" in rest and ("x86-64" in rest or "AArch64" in rest or "64bit" not in rest):
            found.setdefault(name, rest.split("=>", 1)[1].strip())
    return found


def owning_package(path: str) -> str | None:
    real = os.path.realpath(path)
    candidates = [path, real]
    for p in (path, real):  # usr-merged systems: dpkg may know only one of /lib and /usr/lib
        if p.startswith("/usr/lib/"):
            candidates.append(p[len("/usr") :])
        elif p.startswith("/lib/"):
            candidates.append("/usr" + p)
    for candidate in candidates:
        out = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if out.returncode == 0:
            return out.stdout.split(":", 1)[0].strip()
    return None


def bundle_requirements(bundle: Path) -> tuple[set[str], str]:
    """(sonames needed but not carried by the bundle, highest GLIBC_x.y needed)."""
    carried = {p.name for p in bundle.rglob("*") if p.is_file() or p.is_symlink()}
    needed: set[str] = set()
    glibc = "GLIBC_2.2.5"
    for path in bundle.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        needed.update(needed_libraries(path))
        needs = elf_version_needs(path)
        if needs is not None and (top := needs.highest("GLIBC")) and version_key(top) > version_key(glibc):
            glibc = top
    return {name for name in needed if name not in carried}, glibc


def depends(bundle: Path) -> list[str]:
    missing, glibc = bundle_requirements(bundle)
    libraries = system_libraries()
    packages: set[str] = set()
    unknown: list[str] = []
    for soname in sorted(missing):
        if LIBC_SONAMES.match(soname):
            continue
        path = libraries.get(soname)
        package = owning_package(path) if path else None
        if package is None:
            unknown.append(soname)
        else:
            packages.add(package.split(":")[0])
    if unknown:
        raise DebError(
            "构建机上找不到以下系统库所属的软件包，无法写出依赖："
            + "、".join(unknown)
            + "。请在构建机上安装提供它们的软件包（例如 apt-get install libxcb-cursor0）后重试。"
        )
    packages.discard("libc6")
    return [f"libc6 (>= {glibc.split('_', 1)[1]})", *sorted(packages)]


def control(version: str, arch: str, installed_kb: int, deps: list[str]) -> str:
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        "Section: utils\n"
        "Priority: optional\n"
        f"Architecture: {arch}\n"
        "Maintainer: dingmi-desktop <noreply@invalid>\n"
        f"Installed-Size: {installed_kb}\n"
        f"Depends: {', '.join(deps)}\n"
        "Description: Dingmi desktop - classification work on air-gapped terminals\n"
        " 定密桌面：涉密终端上的定密拟稿、审核、签发与登记（离线、加密存储、审计）。\n"
        " Installs under /opt/dingmi-desktop; commands dingmi and dingmi-desktop.\n"
    )


def stage(bundle: Path, root: Path) -> None:
    shutil.copytree(bundle, root / PREFIX, symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for name in ("dingmi", "dingmi-desktop"):
        if not (root / PREFIX / name).is_file():
            raise DebError(f"打包目录中缺少可执行文件 {name}：{bundle}")
        (bin_dir / name).symlink_to(Path("/") / PREFIX / name)
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy2(REPO / "packaging" / "linux" / "dingmi-desktop.desktop", apps / "dingmi-desktop.desktop")
    icons = REPO / "resources" / "icons"
    for size in ICON_SIZES:
        target = root / "usr/share/icons/hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy2(icons / f"dingmi-desktop-{size}.png", target / "dingmi-desktop.png")
    scalable = root / "usr/share/icons/hicolor/scalable/apps"
    scalable.mkdir(parents=True)
    shutil.copy2(icons / "dingmi-desktop.svg", scalable / "dingmi-desktop.svg")
    debian = root / "DEBIAN"
    debian.mkdir()
    # Menus and icon caches refresh when their tools exist (a minimal terminal may have neither).
    refresh = (
        "#!/bin/sh\nset -e\n"
        "command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q || true\n"
        "command -v gtk-update-icon-cache >/dev/null 2>&1 && "
        "gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true\n"
        "exit 0\n"
    )
    for script in ("postinst", "postrm"):
        (debian / script).write_text(refresh, "utf-8")
        (debian / script).chmod(0o755)


def build_deb(bundle: Path, out_dir: Path) -> Path:
    bundle = bundle.resolve()
    if not (bundle / "_internal").is_dir():
        raise DebError(f"不是 PyInstaller 打包目录（缺少 _internal）：{bundle}，请先运行 packaging/build.py")
    version, arch = project_version(), architecture()
    work = out_dir / "deb-root"
    shutil.rmtree(work, ignore_errors=True)
    stage(bundle, work)
    size_kb = sum(p.stat().st_size for p in work.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    deps = depends(bundle)
    (work / "DEBIAN" / "control").write_text(control(version, arch, size_kb, deps), "utf-8")
    deb = out_dir / f"{PACKAGE}_{version}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(work), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(work)
    print(f".deb：{deb}（{deb.stat().st_size / 1e6:.1f} MB，安装后 {size_kb / 1024:.0f} MB）")
    print(f"  Depends：{', '.join(deps)}")
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="由 PyInstaller 打包目录生成 .deb 安装包")
    parser.add_argument("bundle", type=Path, help="打包目录，例如 dist/dingmi-desktop")
    parser.add_argument("--out", type=Path, default=REPO / "dist", help="输出目录（默认 dist/）")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        build_deb(args.bundle, args.out)
    except DebError as exc:
        print(f"生成 .deb 失败：{exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
