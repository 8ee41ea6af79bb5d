"""保管期限 (records retention, not the 保密期限) is a field of both forms in the editor."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from dingmi_desktop.domain.forms import FormKind, Retention


@pytest.mark.parametrize("kind", list(FormKind))
def test_retention_is_chosen_by_keyboard_and_kept(qtbot, _styled_app, kind: FormKind) -> None:  # type: ignore[no-untyped-def]
    from dingmi_desktop.ui.widgets.form_editor import FormEditor

    editor = FormEditor(kind, "示例单位")
    qtbot.addWidget(editor)
    combo = editor.document.retention
    assert [combo.itemText(i) for i in range(combo.count())] == ["（未填）", "永久", "定期30年", "定期10年"]
    assert editor.form().retention is None
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert editor.form().retention is Retention.THIRTY_YEARS
    form = dataclasses.replace(editor.form(), retention=Retention.TEN_YEARS)
    editor.set_form(form)  # loading a stored form shows its retention, and the next save keeps it
    assert combo.currentText() == "定期10年" and editor.form().retention is Retention.TEN_YEARS
