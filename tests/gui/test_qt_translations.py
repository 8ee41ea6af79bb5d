"""Qt's own strings (file, print, message and colour dialogs) follow the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo
from PySide6.QtWidgets import QMessageBox

from dingmi_desktop.ui.appearance import install_qt_translator, ui_language


def _ok_text() -> str:
    box = QMessageBox()
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    buttons = (QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Cancel)
    text = "/".join(box.button(button).text() for button in buttons)
    box.deleteLater()
    return text


def test_qt_dialogs_are_chinese_after_set_up_and_english_in_english_mode(_styled_app) -> None:  # type: ignore[no-untyped-def]
    assert ui_language() == "zh_CN"
    assert QCoreApplication.translate("QFileDialog", "Open") == "打开"
    assert QCoreApplication.translate("QPrintDialog", "Print") == "打印"
    assert QCoreApplication.translate("QColorDialog", "Select Color") == "选择颜色"
    assert _ok_text() == "确定/取消"
    try:
        assert install_qt_translator(_styled_app, "en") is None
        assert QCoreApplication.translate("QFileDialog", "Open") == "Open"
        assert _ok_text() == "OK/Cancel"
    finally:
        assert install_qt_translator(_styled_app, "zh_CN") is not None
    assert _ok_text() == "确定/取消"


def test_qtbase_zh_cn_ships_with_pyside6() -> None:
    from pathlib import Path

    directory = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (directory / "qtbase_zh_CN.qm").is_file()
