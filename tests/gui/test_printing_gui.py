"""Preview, print, 复印, PDF export and sheet verification through the real window (offscreen).

The system print dialog is replaced through ``PrinterChooser``'s seam by a ``QPrinter`` writing PDF to a
file under tmp_path, which is read back with pypdf; the register is read through the GUI's own services.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
import shiboken6
from PySide6.QtCore import QDir, Qt
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.ui import file_output
from dingmi_desktop.ui.dialogs.print_request import (
    PrinterChooser,
    PrintRequest,
    PrintRequestDialog,
    ReprintDialog,
    ReprintRequest,
)
from dingmi_desktop.ui.dialogs.prompts import Confirm, SavePath
from dingmi_desktop.ui.excepthook import ErrorDialogs
from tests.export.pdfread import read_pages
from tests.gui.conftest import WAIT_MS, Harness

SHOTS = os.environ.get("DINGMI_SHOTS", "")  # a folder: save screenshots of the dialogs there


@pytest.fixture(autouse=True)
def _clean_print_seams() -> Iterator[None]:
    for seam in (PrintRequestDialog, ReprintDialog, PrinterChooser):
        seam.clear_answers()
    yield
    for seam in (PrintRequestDialog, ReprintDialog, PrinterChooser):
        seam.clear_answers()


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def call(gui: Harness, fn: Callable[[], Any]) -> Any:
    """Run ``fn`` on the GUI's worker thread (the session's one thread) and return its result."""
    box: list[Any] = []
    gui.ops.run(fn, box.append)
    gui.qtbot.waitUntil(lambda: bool(box), timeout=WAIT_MS)
    return box[0]


def register(gui: Harness, form_id: int) -> list[tuple[str, int, int, str]]:
    printing = gui.window.bundle.printing
    status = call(gui, lambda: printing.print_status(form_id))
    return [(e.kind, e.copies_from, e.copies_to, e.printer) for e in status.entries]


def click(gui: Harness, page: Any, name: str) -> None:
    assert page.buttons[name].isVisible(), name
    gui.qtbot.mouseClick(page.buttons[name], Qt.MouseButton.LeftButton)
    gui.idle()


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*")} if folder.exists() else set()


def shot(widget: Any, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def open_approved(gui: Harness, form_id: int, user: str = "zhangsan") -> Any:
    gui.sign_in(user)
    return gui.open_form(form_id)


# --- which actions are offered ----------------------------------------------------------------------


def test_print_actions_follow_the_status(print_gui: Harness, approved: int) -> None:
    page = open_approved(print_gui, approved)
    assert page.status is not None and page.status.value == "已定密"
    for name in ("preview", "print", "reprint", "export"):
        assert page.buttons[name].isVisible(), name
    draft = print_gui.open_form(1)  # a demo draft of zhangsan
    assert draft.buttons["preview"].isVisible() and draft.buttons["export"].isVisible()
    assert not draft.buttons["print"].isVisible() and not draft.buttons["reprint"].isVisible()
    assert print_gui.window.action_verify_sheet.isEnabled()

    print_gui.switch_to("secadmin")  # 三员 see no forms: no print actions, no verification
    assert print_gui.window.bundle.printing is None
    assert not hasattr(print_gui.window, "action_verify_sheet")


# --- 预览 ---------------------------------------------------------------------------------------------


def test_preview_is_loaded_from_memory_and_leaves_no_temporary_file(
    print_gui: Harness, approved: int, tmp_path: Path
) -> None:
    page = open_approved(print_gui, approved)
    temp_dirs = [tmp_path / "tmp", Path(QDir.tempPath())]
    before = [files_under(d) for d in temp_dirs]
    click(print_gui, page, "preview")
    print_gui.qtbot.waitUntil(lambda: page.printing.preview_dialog is not None, timeout=WAIT_MS)
    dialog = page.printing.preview_dialog
    assert dialog.isVisible()
    document = dialog.view.document()
    assert document is dialog.pdf.document
    assert document.status() == QPdfDocument.Status.Ready and document.pageCount() >= 1
    assert document.pageCount() == dialog.pdf.page_count
    assert f"共 {document.pageCount()} 页" in dialog.info.text()
    image = document.render(0, dialog.view.size()).convertToFormat(QImage.Format.Format_Grayscale8)
    assert min(bytes(image.constBits())) < 128  # the sheet is drawn, not a blank page
    if SHOTS:
        print_gui.qtbot.wait(800)  # QPdfView renders pages in the background
        shot(dialog, "preview")
    assert [files_under(d) for d in temp_dirs] == before  # no temporary file, anywhere Qt or Python writes

    memory = dialog.pdf
    print_gui.window.action_lock.trigger()  # locking closes the preview and drops the document
    print_gui.wait_sign_in()
    assert memory._bytes.size() == 0
    print_gui.qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=WAIT_MS)


# --- 打印 ---------------------------------------------------------------------------------------------


def test_prints_the_approved_copies_to_the_chosen_printer_and_registers_them(
    print_gui: Harness, approved: int, tmp_path: Path
) -> None:
    page = open_approved(print_gui, approved)
    first, rest = tmp_path / "first.pdf", tmp_path / "rest.pdf"
    PrintRequestDialog.set_next_answer(PrintRequest(copies=2, password=DEMO_PASSWORD))
    PrinterChooser.set_next_answer(pdf_printer(first))
    click(print_gui, page, "print")
    job = page.printing.last_job
    assert job is not None and (job.kind, job.copies_from, job.copies_to) == ("印制", 1, 2)
    assert job.printer == "PDF文件" and job.pdf == b""  # the numbered PDF is not kept
    pages_per_copy = job.pages // 2
    assert pages_per_copy >= 1 and job.pages == 2 * pages_per_copy
    printed = pypdf.PdfReader(first)
    assert len(printed.pages) == job.pages
    assert all(len(p.images) == 1 for p in printed.pages)  # each page carries the rendered sheet
    assert [round(float(v)) for v in printed.pages[0].mediabox[2:]] == [595, 842]  # A4, full page
    copies = [printed.pages[i * pages_per_copy].images[0].data for i in range(2)]
    assert copies[0] != copies[1]  # 000001 and 000002: each copy is its own numbered sheet
    assert "000001—000002" in page.feedback.text()

    PrintRequestDialog.set_next_answer(PrintRequest(copies=1, password=DEMO_PASSWORD))
    PrinterChooser.set_next_answer(pdf_printer(rest))
    click(print_gui, page, "print")
    assert len(pypdf.PdfReader(rest).pages) == pages_per_copy
    assert register(print_gui, approved) == [("印制", 1, 2, "PDF文件"), ("印制", 3, 3, "PDF文件")]
    assert ErrorDialogs.count == 0


def test_the_request_dialog_offers_the_remaining_copies(print_gui: Harness, approved: int) -> None:
    page = open_approved(print_gui, approved)
    printing = print_gui.window.bundle.printing
    status = call(print_gui, lambda: printing.print_status(approved))
    assert (status.approved, status.printed, status.remaining) == (3, 0, 3)
    dialog = PrintRequestDialog(page, status, "机密★10年")
    assert dialog.copies.value() == 3 and dialog.copies.maximum() == 3
    assert "批准印制 3 份" in dialog.intro.text()
    dialog.copies.setValue(2)
    dialog._try_accept()  # no password yet: refused inline
    assert dialog.result() != dialog.DialogCode.Accepted and "密码" in dialog.message.text()
    dialog.password.setText(DEMO_PASSWORD)
    assert dialog.answer() == PrintRequest(2, DEMO_PASSWORD)
    shot(dialog, "print-request")
    dialog.deleteLater()


def test_cancelling_the_print_dialog_records_nothing(
    print_gui: Harness, approved: int, tmp_path: Path
) -> None:
    page = open_approved(print_gui, approved)
    PrintRequestDialog.set_next_answer(PrintRequest(copies=3, password=DEMO_PASSWORD))
    PrinterChooser.set_next_answer(None)
    click(print_gui, page, "print")
    assert "未登记" in page.feedback.text()
    assert page.printing.last_job is None
    assert register(print_gui, approved) == []


def test_wrong_password_is_refused_in_chinese_and_nothing_prints(
    print_gui: Harness, approved: int, tmp_path: Path
) -> None:
    page = open_approved(print_gui, approved)
    out = tmp_path / "wrong.pdf"
    PrintRequestDialog.set_next_answer(PrintRequest(copies=1, password="not-my-password"))
    PrinterChooser.set_next_answer(pdf_printer(out))
    click(print_gui, page, "print")
    assert ErrorDialogs.count == 1 and "密码" in ErrorDialogs.last_error
    assert "未打印" in page.feedback.text()
    assert not out.exists() and page.printing.last_job is None
    assert register(print_gui, approved) == []


def test_more_than_the_approved_copies_is_refused(print_gui: Harness, approved: int, tmp_path: Path) -> None:
    page = open_approved(print_gui, approved)
    PrintRequestDialog.set_next_answer(PrintRequest(copies=4, password=DEMO_PASSWORD))
    PrinterChooser.set_next_answer(pdf_printer(tmp_path / "too-many.pdf"))
    click(print_gui, page, "print")
    assert ErrorDialogs.count == 1 and "1 至 3" in ErrorDialogs.last_error
    assert register(print_gui, approved) == []

    PrintRequestDialog.set_next_answer(PrintRequest(copies=3, password=DEMO_PASSWORD))
    PrinterChooser.set_next_answer(pdf_printer(tmp_path / "all.pdf"))
    click(print_gui, page, "print")
    Confirm.set_next_answer(False)  # all printed: 打印 offers 复印 instead; the user declines
    click(print_gui, page, "print")
    assert "已印制批准的全部 3 份" in page.feedback.text()
    assert register(print_gui, approved) == [("印制", 1, 3, "PDF文件")]


def test_copies_beyond_the_approved_number_need_the_security_administrator(
    print_gui: Harness, approved: int, tmp_path: Path
) -> None:
    page = open_approved(print_gui, approved)
    click(print_gui, page, "reprint")  # approved copies remain: 复印 is not the way to print them
    assert "尚有 3 份未印制" in page.feedback.text()

    PrintRequestDialog.set_next_answer(PrintRequest(copies=3, password=DEMO_PASSWORD))
    PrinterChooser.set_next_answer(pdf_printer(tmp_path / "all.pdf"))
    click(print_gui, page, "print")
    ReprintDialog.set_next_answer(ReprintRequest(1, DEMO_PASSWORD, "wangwu", DEMO_PASSWORD))
    PrinterChooser.set_next_answer(pdf_printer(tmp_path / "refused.pdf"))
    click(print_gui, page, "reprint")
    assert "安全保密管理员" in ErrorDialogs.last_error
    assert not (tmp_path / "refused.pdf").exists()

    copy = tmp_path / "copy.pdf"
    Confirm.set_next_answer(True)  # 打印 with nothing left to print leads to the 复印 dialog
    ReprintDialog.set_next_answer(ReprintRequest(2, DEMO_PASSWORD, "secadmin", DEMO_PASSWORD))
    PrinterChooser.set_next_answer(pdf_printer(copy))
    click(print_gui, page, "print")
    job = page.printing.last_job
    assert (job.kind, job.copies_from, job.copies_to) == ("复印", 4, 5)
    assert len(pypdf.PdfReader(copy).pages) == job.pages
    assert register(print_gui, approved) == [("印制", 1, 3, "PDF文件"), ("复印", 4, 5, "PDF文件")]


# --- 导出PDF ------------------------------------------------------------------------------------------


def test_export_writes_the_sheet_atomically(print_gui: Harness, approved: int, tmp_path: Path) -> None:
    page = open_approved(print_gui, approved)
    folder = tmp_path / "exports"
    folder.mkdir()
    SavePath.set_next_answer(folder / "审批单")  # the .pdf suffix is added
    click(print_gui, page, "export")
    target = folder / "审批单.pdf"
    assert page.printing.last_export == target
    assert sorted(p.name for p in folder.iterdir()) == ["审批单.pdf"]  # no temp file left
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and len(pypdf.PdfReader(target).pages) >= 1
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert ErrorDialogs.count == 0 and "已导出" in page.feedback.text()


def test_export_into_an_unwritable_folder_fails_in_chinese_and_leaves_nothing(
    print_gui: Harness, approved: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_approved(print_gui, approved)
    missing = tmp_path / "no-such-folder" / "sheet.pdf"
    SavePath.set_next_answer(missing)
    click(print_gui, page, "export")
    assert "不存在" in ErrorDialogs.last_error and not missing.parent.exists()

    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    if os.geteuid() == 0:  # root writes anywhere: make the folder look as it does to a normal user
        real_access = os.access
        monkeypatch.setattr(
            file_output.os, "access", lambda p, mode: Path(p) != folder and real_access(p, mode)
        )
    SavePath.set_next_answer(folder / "sheet.pdf")
    click(print_gui, page, "export")
    assert ErrorDialogs.count == 2 and "没有写入权限" in ErrorDialogs.last_error
    assert "未导出" in page.feedback.text() and list(folder.iterdir()) == []
    assert page.printing.last_export is None


def test_a_failed_write_leaves_neither_temp_file_nor_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "sheet.pdf"
    target.write_bytes(b"old")

    def full_disk(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(file_output.os, "replace", full_disk)
    with pytest.raises(file_output.FileOutputError, match="磁盘空间不足"):
        file_output.write_atomically(target, b"%PDF-new")
    assert [p.name for p in folder.iterdir()] == ["sheet.pdf"] and target.read_bytes() == b"old"
    monkeypatch.undo()
    file_output.write_atomically(target, b"%PDF-new")
    assert target.read_bytes() == b"%PDF-new" and [p.name for p in folder.iterdir()] == ["sheet.pdf"]


# --- 核验审批单 ---------------------------------------------------------------------------------------


def _verify(gui: Harness, dialog: Any, code: str) -> None:
    with gui.qtbot.waitSignal(dialog.checked, timeout=WAIT_MS):
        dialog.code.setText(code)
        gui.qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)


def test_verification_code_of_an_exported_sheet(print_gui: Harness, approved: int, tmp_path: Path) -> None:
    page = open_approved(print_gui, approved)
    SavePath.set_next_answer(tmp_path / "sheet.pdf")
    click(print_gui, page, "export")
    match = re.search(
        r"核验码 (DM-\d+-[0-9A-Z]{4}-[0-9A-Z]{4})",
        read_pages((tmp_path / "sheet.pdf").read_bytes())[0].text(),
    )
    assert match, "the sheet carries its verification code"
    code = match.group(1)

    print_gui.window.action_verify_sheet.trigger()
    dialog = print_gui.window.verify_dialog
    assert dialog is not None and dialog.isVisible()
    _verify(print_gui, dialog, f"  {code.lower()} ")  # pasted with spaces, typed in lower case
    assert dialog.result_value.ok
    assert "一致" in dialog.verdict.text() and "不一致" not in dialog.verdict.text()
    assert "1e7b34" in dialog.verdict.styleSheet()  # green
    assert dialog.title.text() == "关于某项目技术方案的请示"
    assert (dialog.marking.text(), dialog.status.text()) == ("机密★10年", "已定密")
    shot(dialog, "verify-ok")

    tampered = code[:-1] + ("0" if code[-1] != "0" else "1")
    _verify(print_gui, dialog, tampered)
    assert not dialog.result_value.ok
    assert dialog.verdict.text().startswith("✘ 不一致：") and "核验码与库中" in dialog.verdict.text()
    assert "b42318" in dialog.verdict.styleSheet()  # red
    assert dialog.title.text() == "关于某项目技术方案的请示"  # what the code points at is still shown
    shot(dialog, "verify-mismatch")

    _verify(print_gui, dialog, code.replace(f"DM-{approved}-", "DM-99999-"))
    assert "没有编号为 99999 的表单" in dialog.verdict.text()

    _verify(print_gui, dialog, "DM-1-草稿")
    assert dialog.result_value is None
    assert dialog.verdict.text().startswith("核验码无法识别：") and "XXXX-XXXX" in dialog.verdict.text()
    assert dialog.title.text() == "" and ErrorDialogs.count == 0  # explained in place, no error box

    draft_code = code.replace(f"DM-{approved}-", "DM-1-")  # a draft of zhangsan: not 已定密
    _verify(print_gui, dialog, draft_code)
    assert not dialog.result_value.ok and "草稿" in dialog.verdict.text()
