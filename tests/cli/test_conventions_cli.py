"""Issue 16 point 7: --version on both commands (from the package metadata), Chinese argparse help and
errors, and a log file beside the store that records command kinds and timings, never form contents."""

from __future__ import annotations

import json
import logging
import sys
import tomllib
from pathlib import Path

import pytest

from dingmi_desktop.app import parse_args
from dingmi_desktop.cli import main
from dingmi_desktop.logging_setup import ContentFreeFormatter
from dingmi_desktop.security.errors import PermissionDenied
from tests.services.samples import content

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
ARGPARSE_ENGLISH = (
    "usage:",
    "options:",
    "positional arguments",
    "show this help message",
    "optional arguments",
)
TITLE = "关于青龙七号试验基地选址的请示"


def _exit_output(capsys: pytest.CaptureFixture[str], call) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    capsys.readouterr()
    with pytest.raises(SystemExit) as done:
        call()
    out, err = capsys.readouterr()
    return int(done.value.code or 0), out, err


def test_both_commands_print_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert _exit_output(capsys, lambda: main(["--version"]))[:2] == (0, f"dingmi {VERSION}\n")
    assert _exit_output(capsys, lambda: parse_args(["--version"]))[:2] == (0, f"dingmi-desktop {VERSION}\n")


@pytest.mark.parametrize(
    "argv", [["--help"], ["form", "--help"], ["form", "submit", "--help"], ["about", "-h"]]
)
def test_help_has_no_english_argparse_words(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, _ = _exit_output(capsys, lambda: main(argv))
    assert code == 0 and out.startswith("用法：dingmi")
    assert "显示本帮助并退出" in out and "选项" in out
    assert not [word for word in ARGPARSE_ENGLISH if word in out.lower()], out


def test_usage_errors_are_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _exit_output(capsys, lambda: main(["form", "submit"]))
    assert code == 2 and "缺少必需的参数：id, --user" in err and "required" not in err
    code, _, err = _exit_output(capsys, lambda: main(["form", "bogus"]))
    assert code == 2 and "无效的取值 'bogus'" in err and "invalid choice" not in err
    code, _, err = _exit_output(capsys, lambda: main(["--no-such-option"]))
    assert code == 2 and "无法识别的参数：--no-such-option" in err


def test_the_log_holds_command_kinds_and_never_form_contents(dingmi, cli_store: Path, tmp_path: Path) -> None:
    form_file = tmp_path / "form.json"
    form_file.write_text(json.dumps(content(title=TITLE), ensure_ascii=False), encoding="utf-8")
    form_id = dingmi("form", "import", str(form_file), "--user", "zhangsan").out.strip()
    assert dingmi("form", "submit", form_id, "--user", "zhangsan").code == 0
    assert dingmi("form", "review", form_id, "--user", "lisi", "--agree", "--opinion", "同意").code == 0
    assert dingmi("form", "approve", form_id, "--user", "wangwu", "--latest", "--opinion", "同意").code == 0
    assert dingmi("export-pdf", form_id, "--user", "wangwu", "--out", str(tmp_path / "单.pdf")).code == 0
    refused = dingmi("form", "import", str(form_file), "--user", "no-such-user")  # an error, logged
    assert refused.code != 0
    log = (cli_store.parent / "logs" / "dingmi.log").read_text(encoding="utf-8")
    assert "command form (cmd_" in log and "command export-pdf" in log and "exit 0 in" in log
    for secret in (TITLE, "青龙", "本单位领导班子成员及项目组", "示〔2026〕12号", str(form_file)):
        assert secret not in log


def test_about_names_the_log_folder(dingmi, cli_store: Path) -> None:
    shown = dingmi("about", "--user", "zhangsan")
    assert shown.code == 0 and f"日志目录：{cli_store.parent / 'logs'}" in shown.out


def test_our_exception_messages_stay_out_of_the_file() -> None:
    try:
        raise PermissionDenied(f"无权查看“{TITLE}”")
    except PermissionDenied:
        record = logging.LogRecord("dingmi_desktop", logging.ERROR, __file__, 1, "op failed", None, None)
        record.exc_info = sys.exc_info()
    text = ContentFreeFormatter().format(record)
    assert "PermissionDenied: <message withheld>" in text and TITLE not in text
    assert "test_our_exception_messages_stay_out_of_the_file" in text  # the traceback itself is kept
