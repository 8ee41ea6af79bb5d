"""批量导出: the approval sheets of the forms selected in a list, into one folder, with progress.

One form at a time goes through the worker (``PrintingService.export_pdf`` — one audited 导出 each — then an
atomic write), so the progress dialog stays live and 停止 takes effect before the next form; a sheet already
written stays complete. File names carry only the form number, never the title: a folder listing shows no
content of the forms.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog

from dingmi_desktop.ui.bundle import required
from dingmi_desktop.ui.dialogs.prompts import Confirm, FolderPath
from dingmi_desktop.ui.excepthook import describe_error, show_error
from dingmi_desktop.ui.file_output import FileOutputError, check_writable, write_atomically

if TYPE_CHECKING:
    from dingmi_desktop.ui.pages.queue_page import QueuePage


def _tr(text: str) -> str:
    return QCoreApplication.translate("BatchExport", text)


def sheet_file_name(form_id: int) -> str:
    return _tr("定密审批单-{0}.pdf").format(form_id)


class BatchExport:
    """Owned by a QueuePage; ``start`` asks for the folder and exports the selected forms in turn."""

    def __init__(self, page: QueuePage) -> None:
        self.page = page
        self.progress: QProgressDialog | None = None
        self.targets: list[tuple[int, Path]] = []
        self.written: list[Path] = []
        self.failures: list[str] = []
        self.running = False
        self._stopped = False
        self.last_summary = ""

    def start(self) -> None:
        page = self.page
        records = page.table.selected_records()
        if not records:
            page.say(_tr("请先选择要导出的表单（按住 Ctrl 或 Shift 可多选）。"))
            return
        chosen = FolderPath.ask(page, _tr("选择导出文件夹"), str(Path.home()))
        if not chosen:
            return
        folder = Path(chosen)
        targets = [(r.id, folder / sheet_file_name(r.id)) for r in sorted(records, key=lambda r: r.id)]
        problem = check_writable(targets[0][1])  # before any audited export
        if problem:
            self._report_error(FileOutputError(problem))
            return
        existing = [path.name for _, path in targets if path.exists()]
        if existing:
            names = "\n".join(existing[:10]) + ("\n……" if len(existing) > 10 else "")
            question = _tr("以下 {0} 个文件已存在，将被替换：\n{1}").format(len(existing), names)
            if not Confirm.ask(page, _tr("批量导出"), question):
                page.say(_tr("已取消批量导出，未导出任何表单。"))
                return
        self.targets, self.written, self.failures = targets, [], []
        self.running, self._stopped = True, False
        self.progress = QProgressDialog(_tr("正在导出审批单…"), _tr("停止"), 0, len(targets), page)
        self.progress.setObjectName("batchExportProgress")
        self.progress.setWindowTitle(_tr("批量导出"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setValue(0)
        self._next()

    def stop(self) -> None:
        """On lock: no further form is exported; the one in flight finishes or fails as a whole."""
        self._stopped = True
        if self.progress is not None:
            self.progress.close()

    @property
    def _done_count(self) -> int:
        return len(self.written) + len(self.failures)

    def _next(self) -> None:
        canceled = self._stopped or (self.progress is not None and self.progress.wasCanceled())
        if canceled or self._done_count >= len(self.targets):
            self._finish(canceled and self._done_count < len(self.targets))
            return
        form_id, path = self.targets[self._done_count]
        printing = required(self.page.bundle.printing)
        if self.progress is not None:
            self.progress.setLabelText(
                _tr("正在导出第 {0} / {1} 份：表单 {2}").format(
                    self._done_count + 1, len(self.targets), form_id
                )
            )

        def work() -> Path:
            write_atomically(path, printing.export_pdf(form_id))
            return path

        self.page.run(
            work, self._written, label="batch export", on_error=lambda exc: self._failed(form_id, exc)
        )

    def _written(self, path: Path) -> None:
        self.written.append(path)
        self._advance()

    def _failed(self, form_id: int, exc: BaseException) -> None:
        self.failures.append(_tr("表单 {0}：{1}").format(form_id, describe_error(exc)))
        if isinstance(exc, FileOutputError):  # the folder or the disk: every further form would fail too
            self._stopped = True
        self._advance()

    def _advance(self) -> None:
        if self.progress is not None:
            self.progress.setValue(self._done_count)
        self._next()

    def _finish(self, stopped: bool) -> None:
        self.running = False
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        summary = _tr("已导出 {0} 份审批单").format(len(self.written))
        if self.written:
            summary += _tr("到“{0}”").format(self.written[0].parent)
        summary += "。"
        if stopped:
            summary += _tr("已停止，其余 {0} 份未导出。").format(len(self.targets) - self._done_count)
        if self.failures:
            summary += _tr("{0} 份未导出，原因见提示。").format(len(self.failures))
        self.last_summary = summary
        self.page.say(summary)
        if self.failures:
            show_error(
                FileOutputError(_tr("以下表单未导出：\n{0}").format("\n".join(self.failures))), self.page
            )

    def _report_error(self, exc: BaseException) -> None:
        self.page.say(_tr("未导出：{0}").format(describe_error(exc)))
        show_error(exc, self.page)
