"""`dingmi-desktop --smoke`: one whole pass through the program, for a freshly installed copy (frozen or not).

It builds a fresh store (the demo's users and catalogue) in a temporary folder, drafts a form, submits,
reviews and approves it, renders the sheet to PDF, reads the sheet back with the reader the caller passes
(the GUI passes QtPdf, so the Qt libraries are exercised too) and checks its verification code against the
store. Anything missing from an installation (migrations, fonts, a module imported by name, a Qt library)
fails one named step: reported on stderr with the step, and a non-zero exit. Never a dialog.

Core layer: no Qt here; the caller supplies `pdf_text` (PDF bytes → text of page 1).
"""

from __future__ import annotations

import importlib
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

SMOKE_OK = "DINGMI_SMOKE_OK"
EXIT_SMOKE_FAILED = 3
# The short verification code printed on a sheet, e.g. DM-12-ABCD-EFGH-345-JKMN (export/verification.py).
CODE_PATTERN = re.compile(r"DM-\d+(?:-[0-9A-Z]+)+")

PdfText = Callable[[bytes], str]


class SmokeFailure(RuntimeError):
    """One step failed; `step` names it in Chinese for the report."""

    def __init__(self, step: str, detail: str) -> None:
        super().__init__(f"{step}：{detail}")
        self.step = step


def smoke_form(today_iso: str) -> dict[str, Any]:
    """A 秘密 review form citing the demo catalogue's item of that level (Law 19: the basis decides it)."""
    return {
        "form": "定密审核单",
        "title": "自检：安装后运行检查",
        "doc_number": "",
        "department": "办公室",
        "category": "秘密",
        "period": {"years": 5},
        "start_date": today_iso,
        "scope": "本单位领导班子成员",
        "knowers": ["张三", "王五"],
        "basis": {
            "kind": "确定性",
            "reference": "示例事项范围 第2条",
            "text": "示例：重要工作计划中的敏感部署",
        },
        "copies": 1,
        "opinion": "",
    }


class _Steps:
    """Runs named steps, printing each with its duration, and turns any exception into SmokeFailure."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        except SmokeFailure:
            raise
        except BaseException as exc:
            raise SmokeFailure(name, f"{type(exc).__name__}: {exc}") from exc
        print(f"  [通过] {name}（{time.perf_counter() - started:.2f} 秒）", file=self.out, flush=True)


# Third-party modules the store, the keys and the sheet load (some only by name), checked before any of ours.
REQUIRED_MODULES = (
    "sqlcipher3",
    "argon2",
    "cryptography.hazmat.primitives.ciphers.aead",
    "alembic",
    "reportlab.graphics.barcode.qr",
    "_rl_accel",
)


def _import_problem(name: str) -> str | None:
    try:
        importlib.import_module(name)
    except ImportError as exc:
        return f"模块 {name}（{exc}）"
    return None


def check_installation() -> list[str]:
    """Parts loaded by name, which a frozen build leaves out unless told: what is missing, by name."""
    missing = [problem for name in REQUIRED_MODULES if (problem := _import_problem(name))]
    if missing:
        return missing
    from dingmi_desktop.cli import COMMAND_MODULES
    from dingmi_desktop.storage.schema import MIGRATIONS_DIR, head_revision

    missing = [problem for name in COMMAND_MODULES if (problem := _import_problem(name))]
    if not (MIGRATIONS_DIR / "env.py").is_file() or not any((MIGRATIONS_DIR / "versions").glob("0*.py")):
        missing.append(f"数据库迁移脚本目录 {MIGRATIONS_DIR}")
    else:
        head_revision()  # parses every migration script
    return missing


def run_smoke(pdf_text: PdfText, out: TextIO | None = None) -> None:
    """The whole pass; raises SmokeFailure naming the failed step."""
    from dingmi_desktop.security.kdf import KdfParams

    out = out or sys.stdout
    steps = _Steps(out)
    with steps.step("检查按名称加载的模块与迁移脚本"):
        missing = check_installation()
        if missing:
            raise SmokeFailure("检查按名称加载的模块与迁移脚本", "缺少 " + "；".join(missing))
    with tempfile.TemporaryDirectory(prefix="dingmi-smoke-") as folder:
        with steps.step("在临时目录新建加密存储"):
            from dingmi_desktop.services.demo import DEMO_PASSWORD, build_demo

            store = build_demo(Path(folder) / "store", kdf=KdfParams.FLOOR)
        try:
            _workflow(steps, store, DEMO_PASSWORD, pdf_text)
        finally:
            store.close()


def _workflow(steps: _Steps, store: Any, password: str, pdf_text: PdfText) -> None:
    from dingmi_desktop.domain.forms import form_from_json
    from dingmi_desktop.services.forms import FormServices
    from dingmi_desktop.services.printing import PrintingService

    with steps.step("拟稿并提交"):
        drafter = FormServices(store.sign_in("zhangsan", password))
        form = form_from_json(smoke_form(drafter.session.today().isoformat()))
        form_id = drafter.drafting.create_draft(form).form_id
        drafter.drafting.submit(form_id, password=password)
    with steps.step("审核并审批"):
        FormServices(store.sign_in("lisi", password)).review.review(
            form_id, agree=True, opinion="同意", password=password
        )
        officer = FormServices(store.sign_in("wangwu", password))
        seen = officer.history.view(form_id).summary.content_hash
        officer.review.approve(form_id, password=password, content_hash=seen)
    printing = PrintingService(drafter.session)
    with steps.step("生成审批单 PDF（字体、二维码）"):
        pdf = printing.export_pdf(form_id)
        if not pdf.startswith(b"%PDF-"):
            raise SmokeFailure("生成审批单 PDF（字体、二维码）", "输出不是 PDF 文件")
    with steps.step("读取审批单并核验"):
        text = pdf_text(pdf)
        found = CODE_PATTERN.search(text.replace(" ", ""))
        if found is None:
            raise SmokeFailure("读取审批单并核验", "审批单上找不到核验码（DM-…）")
        check = printing.verify_code(found.group(0))
        if not check.ok:
            raise SmokeFailure("读取审批单并核验", f"核验码 {found.group(0)} 未通过：{check.reason}")


REPORT_FILE = "dingmi-smoke.txt"  # in the temporary folder, when there is no console (Windows GUI build)


def report_streams() -> tuple[TextIO, TextIO]:
    """stdout and stderr; no console (Windows GUI): the report goes to %TEMP%\\dingmi-smoke.txt."""
    if sys.stdout is not None and sys.stderr is not None:
        return sys.stdout, sys.stderr
    report = (Path(tempfile.gettempdir()) / REPORT_FILE).open("w", encoding="utf-8")
    return sys.stdout or report, sys.stderr or report


def main(pdf_text: PdfText, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Exit code for `--smoke`: 0 and SMOKE_OK on stdout, else EXIT_SMOKE_FAILED with the reason on stderr."""
    if out is None or err is None:
        out, err = report_streams()
    print("定密桌面 自检开始", file=out, flush=True)
    try:
        run_smoke(pdf_text, out)
    except SmokeFailure as exc:
        traceback.print_exception(exc.__cause__ or exc, file=err)
        print(f"自检失败：{exc}", file=err, flush=True)
        print("请检查安装是否完整（重新安装本程序），或把以上信息交给系统管理员。", file=err, flush=True)
        return EXIT_SMOKE_FAILED
    print(f"{SMOKE_OK} 自检通过", file=out, flush=True)
    return 0
