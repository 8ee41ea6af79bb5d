"""The packaging scripts' own logic, in the default run (no frozen build needed): the glibc report reads ELF
version needs as binutils does, the .deb layout, and the smoke report without a console."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "packaging"))
sys.path.insert(0, str(REPO / "packaging" / "linux"))
import build_deb  # noqa: E402
import glibc_report  # noqa: E402

sys.path.remove(str(REPO / "packaging"))
sys.path.remove(str(REPO / "packaging" / "linux"))


def an_elf_library() -> Path:
    """A shared object every installation has: this interpreter's _ctypes extension (or libpython)."""
    import _ctypes

    return Path(_ctypes.__file__).resolve()


def test_glibc_needs_match_readelf() -> None:
    library = an_elf_library()
    needs = glibc_report.elf_version_needs(library)
    assert needs is not None and needs.highest("GLIBC") is not None
    readelf = shutil.which("readelf")
    if readelf is None:
        pytest.skip("readelf (binutils) is not installed to compare with")
    out = subprocess.run(
        [readelf, "-V", "-d", str(library)], capture_output=True, text=True, check=True
    ).stdout
    versions = set(re.findall(r"Name: (GLIBC_[0-9.]+)", out))
    assert needs.versions["GLIBC"] == versions
    assert glibc_report.needed_libraries(library) == re.findall(r"\(NEEDED\).*\[(.+)\]", out)


def test_report_names_the_file_and_judges_the_target(tmp_path: Path) -> None:
    shutil.copy2(an_elf_library(), tmp_path / "ext.so")
    (tmp_path / "notes.txt").write_text("not an ELF file")
    top = glibc_report.elf_version_needs(tmp_path / "ext.so").highest("GLIBC")  # type: ignore[union-attr]
    assert top is not None
    out = io.StringIO()
    assert glibc_report.report(tmp_path, "2.0", out) == 1  # every real library needs more than 2.0
    text = out.getvalue()
    assert "ELF 文件 1 个" in text and f"最高 GLIBC：{top}（ext.so）" in text and "不满足" in text
    out = io.StringIO()
    assert glibc_report.report(tmp_path, "99.0", out) == 0
    assert "目标 glibc 99.0：满足" in out.getvalue()


def test_deb_tree_has_the_programs_on_the_path_the_menu_entry_and_the_icons(tmp_path: Path) -> None:
    bundle = tmp_path / "dingmi-desktop"
    (bundle / "_internal").mkdir(parents=True)
    for name in ("dingmi", "dingmi-desktop"):
        (bundle / name).write_text("#!/bin/sh\n")
    root = tmp_path / "root"
    build_deb.stage(bundle, root)
    assert os.readlink(root / "usr/bin/dingmi") == "/opt/dingmi-desktop/dingmi"
    assert os.readlink(root / "usr/bin/dingmi-desktop") == "/opt/dingmi-desktop/dingmi-desktop"
    entry = (root / "usr/share/applications/dingmi-desktop.desktop").read_text("utf-8")
    assert "Exec=dingmi-desktop" in entry and "Icon=dingmi-desktop" in entry
    for size in build_deb.ICON_SIZES:
        png = root / f"usr/share/icons/hicolor/{size}x{size}/apps/dingmi-desktop.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (root / "usr/share/icons/hicolor/scalable/apps/dingmi-desktop.svg").is_file()
    control = build_deb.control("0.1.0", "amd64", 1234, ["libc6 (>= 2.28)", "libcups2"])
    assert "Depends: libc6 (>= 2.28), libcups2\n" in control and "Installed-Size: 1234\n" in control


def test_a_bundle_missing_a_program_is_refused(tmp_path: Path) -> None:
    bundle = tmp_path / "dingmi-desktop"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "dingmi-desktop").write_text("")
    with pytest.raises(build_deb.DebError, match="缺少可执行文件 dingmi"):
        build_deb.stage(bundle, tmp_path / "root")


def test_smoke_report_goes_to_a_file_without_a_console(monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    from dingmi_desktop import smoke

    monkeypatch.setattr(sys, "stdout", None)  # a windowed Windows build has neither stream
    monkeypatch.setattr(sys, "stderr", None)
    out, err = smoke.report_streams()
    print("自检报告", file=out, flush=True)
    report = Path(tempfile.gettempdir()) / smoke.REPORT_FILE
    assert out is err and report.read_text("utf-8") == "自检报告\n"
    out.close()


def test_the_icon_sizes_are_rendered_from_the_svg() -> None:
    icons = REPO / "resources" / "icons"
    assert "<svg" in (icons / "dingmi-desktop.svg").read_text("utf-8")
    for size in build_deb.ICON_SIZES:
        data = (icons / f"dingmi-desktop-{size}.png").read_bytes()
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        assert (width, height) == (size, size)
    assert (icons / "dingmi-desktop.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert sysconfig.get_platform()  # the spec picks the .ico on Windows, the PNG elsewhere


def test_every_window_carries_the_program_icon(qapp) -> None:  # type: ignore[no-untyped-def]
    from dingmi_desktop.ui.appearance import set_up_application

    set_up_application(qapp)
    sizes = {(s.width(), s.height()) for s in qapp.windowIcon().availableSizes()}
    assert {(16, 16), (48, 48), (256, 256)} <= sizes
