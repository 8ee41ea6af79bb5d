"""Global exception hook: log the traceback and show a dialog instead of dying."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger("dingmi_desktop")


def describe_error(exc: BaseException) -> str:
    """A short Chinese message for the user; domain and service errors already carry one."""
    if isinstance(exc, OSError):  # a full disk or a read-only place is named, never "unexpected"
        from dingmi_desktop.security.fsutil import write_error

        mapped = write_error(exc, Path(exc.filename) if isinstance(exc.filename, str) else None)
        if mapped is not None:
            return mapped.message
    text = str(exc).strip()
    known = type(exc).__module__.startswith("dingmi_desktop")
    if known and text:
        return text
    return QCoreApplication.translate("errors", "发生了意外错误：{0}").format(text or type(exc).__name__)


def show_error(exc: BaseException, parent: QWidget | None = None) -> None:
    """The one error dialog. Tests read the last message from ``last_error`` instead of clicking."""
    ErrorDialogs.last_error = describe_error(exc)
    ErrorDialogs.count += 1
    if ErrorDialogs.silent or QApplication.instance() is None:
        return
    box = QMessageBox(parent if parent is not None else QApplication.activeWindow())
    box.setObjectName("errorDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("errors", "错误"))
    box.setText(ErrorDialogs.last_error)
    details = "".join(traceback.format_exception(exc))
    if not type(exc).__module__.startswith("dingmi_desktop"):
        box.setDetailedText(details)
    box.open()


def show_fatal(exc: BaseException) -> None:
    """An error that ends the program (e.g. the store is busy or damaged): wait until it was read."""
    ErrorDialogs.last_error = describe_error(exc)
    ErrorDialogs.count += 1
    log.error("fatal: %s", ErrorDialogs.last_error, exc_info=exc)
    if ErrorDialogs.silent or QApplication.instance() is None:
        return
    box = QMessageBox(
        QMessageBox.Icon.Critical, QCoreApplication.translate("errors", "定密桌面"), ErrorDialogs.last_error
    )
    box.setObjectName("fatalErrorDialog")
    box.exec()


class ErrorDialogs:
    """Test seam: ``silent`` suppresses the dialog; ``last_error`` and ``count`` record what was shown."""

    silent = False
    last_error = ""
    count = 0

    @classmethod
    def reset(cls) -> None:
        cls.last_error = ""
        cls.count = 0


def _hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.error("unhandled exception", exc_info=(exc_type, exc, tb))
    try:
        show_error(exc)
    except Exception:
        log.exception("could not show the error dialog")


def install_excepthook() -> None:
    sys.excepthook = _hook
