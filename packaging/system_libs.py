"""The Debian-family packages the app's Qt parts need: the NEEDED entries (readelf -d) of the Qt modules,
libraries and plugins the app loads (xcb platform, printing, PDF, input methods, images), those Qt does not
ship itself, mapped to packages with `ldconfig -p` and `dpkg -S`. Run with the interpreter whose PySide6 is
checked, on a Debian-family machine that has them installed; prints one package a line.

    python packaging/system_libs.py
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import PySide6

QT = Path(PySide6.__file__).resolve().parent
USED = [
    *(f"{m}.abi3.so" for m in ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtPdf", "QtPdfWidgets")),
    *(f"Qt/lib/libQt6{m}.so.6" for m in ("Core", "Gui", "Widgets", "PrintSupport", "Pdf", "PdfWidgets")),
    *(f"Qt/lib/libQt6{m}.so.6" for m in ("DBus", "Svg", "OpenGL", "XcbQpa")),
    "Qt/plugins/platforms/libqxcb.so",
    "Qt/plugins/xcbglintegrations/*.so",
    "Qt/plugins/printsupport/*.so",
    "Qt/plugins/platforminputcontexts/libcompose*.so",
    "Qt/plugins/platforminputcontexts/libibus*.so",
    "Qt/plugins/imageformats/*.so",
    "Qt/plugins/iconengines/*.so",
]


def needed(path: Path) -> set[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, check=True).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", out))


def main() -> int:
    files = [f for pattern in USED for f in QT.glob(pattern)]
    shipped = {f.name for f in [*QT.rglob("*.so*"), *(QT.parent / "shiboken6").glob("*.so*")]}
    libraries = sorted(set().union(*(needed(f) for f in files)) - shipped)
    cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    packages, missing = set(), []
    for library in libraries:
        match = re.search(rf"^\s+{re.escape(library)} \(.*?\) => (\S+)$", cache, re.M)
        if not match:
            missing.append(library)
            continue
        path = Path(match.group(1))
        for candidate in (path, path.resolve()):
            found = subprocess.run(["dpkg", "-S", str(candidate)], capture_output=True, text=True)
            if found.returncode == 0:
                packages.add(found.stdout.split(":")[0])
                break
        else:
            missing.append(library)
    print("\n".join(sorted(packages)))
    for library in missing:
        print(f"未找到（本机未安装，无法对应到软件包）：{library}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
