"""No network (issue 16 point 8): a whole GUI session (sign in, draft, review, approve, print to PDF) runs
with network socket creation, connection and name lookup blocked by an audit hook that raises and records;
the test fails on any attempt. The smoke check also runs in a child process inside an empty network
namespace (`unshare -rn`) where the machine allows one."""

from __future__ import annotations

import _socket
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from dingmi_desktop.domain.forms import FormKind
from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.ui.dialogs.print_request import PrinterChooser, PrintRequest, PrintRequestDialog
from dingmi_desktop.ui.excepthook import ErrorDialogs
from tests.clocked import REPO, command
from tests.fixtures.store import TEST_EPOCH
from tests.gui.conftest import WAIT_MS
from tests.gui.helpers import approve, fill_secret_form, review
from tests.test_smoke import TIMEOUT_S, child_env

NAME_LOOKUPS = {
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyname_ex",
    "socket.gethostbyaddr",
    "socket.getnameinfo",
    "urllib.Request",
}
ADDRESSED = {"socket.connect", "socket.connect_ex", "socket.bind", "socket.sendto", "socket.sendmsg"}


class NetworkAttempt(RuntimeError):
    pass


class Guard:
    """An audit hook (installed once per process, inert until activated) that refuses network use."""

    installed = False
    active = False
    attempts: list[str] = []  # noqa: RUF012 - one guard per process

    @classmethod
    def hook(cls, event: str, args: tuple[Any, ...]) -> None:
        if not cls.active:
            return
        if event == "socket.__new__" and len(args) > 1 and args[1] != socket.AF_UNIX:
            cls.refuse(event, args[1:])
        elif event in ADDRESSED and len(args) > 1 and not isinstance(args[1], str | bytes):
            cls.refuse(event, args[1])  # an (host, port) address; a str/bytes one is a local socket path
        elif event in NAME_LOOKUPS:
            cls.refuse(event, args)

    @classmethod
    def refuse(cls, event: str, detail: object) -> None:
        cls.attempts.append(f"{event} {detail!r}")
        raise NetworkAttempt(f"network use blocked: {event} {detail!r}")


@pytest.fixture
def no_network() -> Iterator[list[str]]:
    if not Guard.installed:
        sys.addaudithook(Guard.hook)
        Guard.installed = True
    Guard.attempts.clear()
    Guard.active = True
    try:
        yield Guard.attempts
    finally:
        Guard.active = False


def test_the_guard_refuses_and_records_network_use(no_network: list[str]) -> None:
    with pytest.raises(NetworkAttempt):
        _socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(NetworkAttempt):
        _socket.gethostbyname("localhost")  # below pytest-socket's own patch of socket.getaddrinfo
    assert len(no_network) == 2
    left, right = socket.socketpair(socket.AF_UNIX)  # local IPC is not network use
    left.close()
    right.close()
    assert len(no_network) == 2


def test_a_whole_gui_session_opens_no_network_socket(
    gui, qtbot, tmp_path: Path, no_network: list[str]
) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    draft = gui.window.new_form(FormKind.REVIEW)
    fill_secret_form(draft)
    draft.editor.document.copies.setValue(2)  # 印制份数: what the approval allows to print
    qtbot.mouseClick(draft.buttons["submit"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: draft.status_badge.text() == "待审核", timeout=WAIT_MS)
    gui.idle()
    form_id = draft.form_id
    review(gui, qtbot, form_id)
    approve(gui, qtbot, form_id)
    gui.switch_to("zhangsan")
    page = gui.open_form(form_id)
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    PrintRequestDialog.set_next_answer(PrintRequest(copies=1, password=DEMO_PASSWORD))
    PrinterChooser.set_next_answer(printer)
    assert page.buttons["print"].isVisible()
    qtbot.mouseClick(page.buttons["print"], Qt.MouseButton.LeftButton)
    gui.idle()
    qtbot.waitUntil(lambda: page.printing.last_job is not None, timeout=WAIT_MS)
    assert ErrorDialogs.count == 0, ErrorDialogs.last_error
    assert out.read_bytes().startswith(b"%PDF-")
    assert no_network == []


def _namespace_prefix() -> list[str]:
    """`unshare -rn` (a user and an empty network namespace) when this machine allows it, else skip."""
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("unshare (util-linux) is not installed")
    probe = subprocess.run([unshare, "-rn", "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"this machine does not allow network namespaces: {probe.stderr.strip()}")
    return [unshare, "-rn"]


def test_smoke_passes_inside_an_empty_network_namespace(tmp_path: Path) -> None:
    prefix = _namespace_prefix()
    unreachable = subprocess.run(
        [
            *prefix,
            sys.executable,
            "-c",
            "import socket; socket.create_connection(('192.0.2.1', 9), timeout=2)",
        ],
        capture_output=True,
        text=True,
    )
    assert unreachable.returncode != 0 and "unreachable" in unreachable.stderr.lower()  # really no network
    result = subprocess.run(
        [*prefix, *command(TEST_EPOCH, "dingmi_desktop", "--smoke")],
        cwd=REPO,
        env=child_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )
    assert result.returncode == 0, result.stderr
    assert "DINGMI_SMOKE_OK" in result.stdout
