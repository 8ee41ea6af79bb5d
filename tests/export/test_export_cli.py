"""`dingmi export-pdf` and `dingmi verify-sheet` end to end on a real demo store."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dingmi_desktop.cli import main
from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.storage import Store
from tests.export.pdfread import read_pages
from tests.export.test_printing import Office


@pytest.fixture
def approved_store(
    demo_store: Store, store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, int, str]:
    office = Office(demo_store)
    form_id = office.approved()
    job = office.printing().print_copies(form_id, printer="P1", password=DEMO_PASSWORD, copies=1)
    code = re.search(r"核验码 (DM-\d+-[0-9A-Z]{4}-[0-9A-Z]{4})", read_pages(job.pdf)[0].text())
    assert code
    demo_store.close()  # the CLI opens the store itself (one process at a time)
    monkeypatch.setenv("DINGMI_PASSWORD", DEMO_PASSWORD)
    return store_dir, form_id, code.group(1)


def test_export_pdf_writes_the_sheet(approved_store, tmp_path: Path, capsys) -> None:
    data_dir, form_id, _code = approved_store
    out = tmp_path / "sheet.pdf"
    args = ["--data-dir", str(data_dir), "export-pdf", str(form_id), "--user", "zhangsan", "--out", str(out)]
    assert main(args) == 0
    pages = read_pages(out.read_bytes())
    assert "机密★10年" in pages[0].text() and "定密审核单" in pages[0].text()
    assert out.stat().st_mode & 0o077 == 0
    assert not list(tmp_path.glob(".*.tmp"))
    assert "已导出" in capsys.readouterr().out


def test_export_pdf_refuses_bad_input(approved_store, tmp_path: Path, capsys) -> None:
    data_dir, _form_id, _code = approved_store
    base = ["--data-dir", str(data_dir), "export-pdf"]
    assert main([*base, "abc", "--user", "zhangsan", "--out", str(tmp_path / "x.pdf")]) == 2
    assert main([*base, "99999", "--user", "zhangsan", "--out", str(tmp_path / "x.pdf")]) == 2
    assert main([*base, "1", "--user", "zhangsan", "--out", str(tmp_path / "no" / "x.pdf")]) == 2
    assert main([*base, "1", "--user", "auditor", "--out", str(tmp_path / "x.pdf")]) == 3
    assert not (tmp_path / "x.pdf").exists()
    assert "Traceback" not in capsys.readouterr().err


def test_verify_sheet_accepts_the_printed_code_and_rejects_others(approved_store, capsys) -> None:
    data_dir, _form_id, code = approved_store
    base = ["--data-dir", str(data_dir), "verify-sheet"]
    assert main([*base, code, "--user", "lisi"]) == 0
    assert "核验通过" in capsys.readouterr().out
    wrong = code[:-4] + ("AAAA" if code[-4:] != "AAAA" else "BBBB")
    assert main([*base, wrong, "--user", "lisi"]) == 1
    assert "核验失败" in capsys.readouterr().out
    assert main([*base, "not-a-code", "--user", "lisi"]) == 2
