"""`dingmi-desktop --smoke` (issue 16 point 4), run unfrozen in a child process on the test's clock: it passes
on a complete installation, and fails loudly (stderr, exit 3, never a dialog that would hang the child) when a
part that a frozen build can leave out is missing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from dingmi_desktop.smoke import CODE_PATTERN, EXIT_SMOKE_FAILED, SMOKE_OK, smoke_form
from tests.clocked import REPO, command, prelude
from tests.fixtures.store import TEST_EPOCH

TIMEOUT_S = 180  # a modal dialog would block the child: the timeout turns that into a failure


def child_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # --smoke must choose offscreen itself
    env["TMPDIR"] = str(tmp_path)
    env["DINGMI_DATA_DIR"] = str(tmp_path / "data")  # never touched; a store there would be a bug
    return env


def run_smoke_child(tmp_path: Path, breakage: str = "") -> subprocess.CompletedProcess[str]:
    if not breakage:
        argv = command(TEST_EPOCH, "dingmi_desktop", "--smoke")
    else:
        code = (
            prelude(TEST_EPOCH)
            + breakage
            + "from dingmi_desktop.app import main\nraise SystemExit(main(['--smoke']))\n"
        )
        argv = [sys.executable, "-c", code]
    return subprocess.run(
        argv, cwd=REPO, env=child_env(tmp_path), capture_output=True, text=True, timeout=TIMEOUT_S
    )


def test_smoke_passes_and_leaves_nothing_behind(tmp_path: Path) -> None:
    result = run_smoke_child(tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].startswith(SMOKE_OK)
    passed = [line.split("] ", 1)[1].rsplit("（", 1)[0] for line in lines if "[通过]" in line]
    assert passed == [
        "检查按名称加载的模块与迁移脚本",
        "在临时目录新建加密存储",
        "拟稿并提交",
        "审核并审批",
        "生成审批单 PDF（字体、二维码）",
        "读取审批单并核验",
    ]
    assert not (tmp_path / "data").exists()
    assert list(tmp_path.glob("dingmi-smoke-*")) == []  # the temporary store is removed


def test_missing_migrations_fail_loudly_without_a_dialog(tmp_path: Path) -> None:
    breakage = (
        "from pathlib import Path\n"
        "import dingmi_desktop.storage.schema as schema\n"
        f"schema.MIGRATIONS_DIR = Path({str(tmp_path / 'no-migrations')!r})\n"
    )
    result = run_smoke_child(tmp_path, breakage)
    assert result.returncode == EXIT_SMOKE_FAILED
    assert SMOKE_OK not in result.stdout
    assert "自检失败：检查按名称加载的模块与迁移脚本：缺少 数据库迁移脚本目录" in result.stderr
    assert "no-migrations" in result.stderr


def test_a_module_missing_from_the_bundle_is_named(tmp_path: Path) -> None:
    breakage = "import sys\nsys.modules['sqlcipher3'] = None  # as if the bundle had left it out\n"
    result = run_smoke_child(tmp_path, breakage)
    assert result.returncode == EXIT_SMOKE_FAILED
    assert "缺少 模块 sqlcipher3" in result.stderr


def test_missing_fonts_fail_at_the_store_or_sheet_step(tmp_path: Path) -> None:
    breakage = (
        "from pathlib import Path\n"
        "import dingmi_desktop.paths as paths\n"
        f"paths.resources_root = lambda: Path({str(tmp_path / 'no-resources')!r})\n"
    )
    result = run_smoke_child(tmp_path, breakage)
    assert result.returncode == EXIT_SMOKE_FAILED
    assert "自检失败" in result.stderr and "no-resources" in result.stderr


def test_the_smoke_form_is_valid_and_the_code_pattern_reads_a_printed_code() -> None:
    from dingmi_desktop.domain.forms import form_from_json

    assert form_from_json(smoke_form("2026-11-28")).title == "自检：安装后运行检查"
    found = CODE_PATTERN.search("核验码：DM-12-ABCD-EFGH-345-JKMN 请妥善保管")
    assert found is not None and found.group(0) == "DM-12-ABCD-EFGH-345-JKMN"
