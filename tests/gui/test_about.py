"""Issue 11 item 2 in the window: 帮助 → 关于 shows the version, unit, 定密权限, the unit root fingerprint in
groups and the store path; the 三员 export the setup certificate from it (audited)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dingmi_desktop import __version__
from dingmi_desktop.security import trust
from dingmi_desktop.ui.dialogs.prompts import SavePath
from tests.export.pdfread import read_pages
from tests.gui.conftest import WAIT_MS


def _about(gui):  # type: ignore[no-untyped-def]
    menu = next(a for a in gui.window.menuBar().actions() if a.text() == "帮助(&H)")
    assert gui.window.action_about in menu.menu().actions()
    gui.window.action_about.trigger()
    dialog = gui.window.about_dialog
    gui.qtbot.waitUntil(lambda: dialog.info is not None, timeout=WAIT_MS)
    return dialog


def test_about_shows_the_root_fingerprint_in_groups(gui, demo_dir):  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    dialog = _about(gui)
    root = gui.controller.backend.store.slots.root_public_key
    groups = trust.fingerprint(root).split("-")
    shown = dialog.fingerprint.text()
    assert shown.split() == groups and "\n" in shown  # eight groups of four, on two lines
    assert dialog.fields["version"].text() == __version__
    assert dialog.fields["unit"].text() == "示例单位" and dialog.fields["authority"].text() == "机密"
    assert dialog.fields["path"].text() == str(demo_dir)
    assert dialog.fields["logs"].text() == str(demo_dir.parent / "logs")  # beside the store, never in it
    assert not dialog.certificate_button.isVisibleTo(dialog)  # a 承办人 does not export it


def test_secadmin_exports_the_setup_certificate(gui, tmp_path):  # type: ignore[no-untyped-def]
    gui.sign_in("secadmin")
    dialog = _about(gui)
    assert dialog.certificate_button.isVisibleTo(dialog)
    target = tmp_path / "证书.pdf"
    SavePath.set_next_answer(str(target))
    with gui.qtbot.waitSignal(dialog.exported, timeout=WAIT_MS):
        gui.qtbot.mouseClick(dialog.certificate_button, Qt.MouseButton.LeftButton)
    text = read_pages(target.read_bytes())[0].text().replace(" ", "")
    assert dialog.fingerprint.text().replace(" ", "").replace("\n", "") in text
    assert "已导出设立证书" in dialog.message.text()
