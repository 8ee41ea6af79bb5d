"""`dingmi filing make|sign|export|list`: the officer issues in one step, the 保密员 drafts and the officer
signs; bad input, wrong role and wrong password write nothing; `list --json` verifies each signature."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest

from dingmi_desktop.storage import Store
from dingmi_desktop.storage.records import RoleGrant
from tests.export.pdfread import read_pages
from tests.fixtures.store import TEST_TODAY
from tests.services.samples import Users, grant
from tests.services.test_register import decided

FROM, TO = (TEST_TODAY - timedelta(days=30)).isoformat(), TEST_TODAY.isoformat()


@pytest.fixture
def items(cli_store: Path) -> list[int]:
    store = Store.open(cli_store)
    try:
        users = Users(store)
        found = [decided(users, title="报备测试事项")]
        grant(store, "lisi", RoleGrant("保密员"))
        return found
    finally:
        store.close()


def _make(dingmi, tmp_path: Path, *more: str, user: str = "wangwu", **kw):  # type: ignore[no-untyped-def]
    base = ["filing", "make", "--from", FROM, "--to", TO, "--superior", "某市国家保密局", "--kind", "备案"]
    return dingmi(*base, "--out", str(tmp_path / "备案.pdf"), *more, "--user", user, **kw)


def test_the_officer_makes_a_signed_filing_with_pdf_and_xlsx(dingmi, items, tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = _make(dingmi, tmp_path, "--xlsx", str(tmp_path / "备案.xlsx"))
    assert r.code == 0, r.err
    assert "已由 王五（wangwu） 电子签名签发" in r.out
    pages = read_pages((tmp_path / "备案.pdf").read_bytes())
    assert "定密事项备案表" in pages[0].text() and "报备测试事项" in "".join(p.text() for p in pages)
    assert openpyxl.load_workbook(tmp_path / "备案.xlsx")["备案表"]["A1"].value.startswith("密级：")
    [listed] = dingmi("filing", "list", "--json", "--user", "wangwu").json()
    assert (listed["status"], listed["signature_valid"], listed["signer"]) == ("已签发", True, "wangwu")
    assert listed["item_count"] >= 1 and listed["superior"] == "某市国家保密局"
    again = dingmi(
        "filing", "export", str(listed["id"]), "--out", str(tmp_path / "再次.pdf"), "--user", "lisi"
    )
    assert again.code == 0 and (tmp_path / "再次.pdf").exists()


def test_the_clerk_drafts_and_the_officer_signs_the_draft(dingmi, items, tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = _make(dingmi, tmp_path, user="lisi")
    assert r.code == 0, r.err
    assert "草稿，待定密责任人签发" in r.out
    [draft] = dingmi("filing", "list", "--json", "--user", "lisi").json()
    assert draft["status"] == "草稿" and draft["signature_valid"] is None
    out = str(tmp_path / "签发.pdf")
    refused = dingmi("filing", "sign", str(draft["id"]), "--out", out, "--user", "lisi")
    assert refused.code == 3 and "只有定密责任人可以签发" in refused.err
    stale = dingmi("filing", "sign", str(draft["id"]), "--digest", "0" * 64, "--out", out, "--user", "wangwu")
    assert stale.code == 2 and "内容摘要与您核对的不符" in stale.err
    signed = dingmi(
        "filing",
        "sign",
        str(draft["id"]),
        "--digest",
        draft["content_digest"],
        "--out",
        out,
        "--user",
        "wangwu",
    )
    assert signed.code == 0, signed.err
    assert dingmi("filing", "list", "--json", "--user", "wangwu").json()[0]["signature_valid"] is True


def test_bad_input_wrong_role_and_wrong_password_record_nothing(dingmi, items, tmp_path) -> None:  # type: ignore[no-untyped-def]
    def make(*args: str, user: str = "wangwu", password: str | None = None):  # type: ignore[no-untyped-def]
        out = ["--out", str(tmp_path / "x.pdf"), "--user", user]
        return dingmi("filing", "make", *args, *out, **({} if password is None else {"password": password}))

    ok = ("--superior", "某局", "--kind", "备案")
    cases = [
        (make("--from", TO, "--to", FROM, *ok), 2, "晚于止日"),
        (make(*ok), 2, "起止日期"),
        (make("--from", "2026-02-30", "--to", TO, *ok), 2, "--from"),
        (make("--from", "2001-01-01", "--to", "2001-12-31", *ok), 2, "没有已定密的事项"),
        (make("--from", FROM, "--to", TO, "--kind", "备查", "--superior", "某局"), 2, "“备案”或“报备”"),
        (make("--from", FROM, "--to", TO, "--kind", "备案"), 2, "上级机关名称"),
        (make("--from", FROM, "--to", TO, *ok, user="zhangsan"), 3, "只有保密员和定密责任人"),
        (make("--from", FROM, "--to", TO, *ok, password="wrong"), 3, ""),
        (make("--from", FROM, "--to", TO, *ok, user="auditor"), 3, ""),
        (
            dingmi(
                "filing",
                "make",
                "--from",
                FROM,
                "--to",
                TO,
                *ok,
                "--out",
                str(tmp_path / "x.doc"),
                "--user",
                "wangwu",
            ),
            2,
            ".pdf",
        ),
        (dingmi("filing", "sign", "99", "--out", str(tmp_path / "y.pdf"), "--user", "wangwu"), 2, "99"),
    ]
    for result, code, words in cases:
        assert result.code == code, (words, result.err)
        assert words in result.err and "Traceback" not in result.err
    assert dingmi("filing", "list", "--json", "--user", "wangwu").json() == []
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "x.doc").exists()
