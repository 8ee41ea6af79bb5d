"""Exit codes and refusals of the form commands; escalation, dispute and reply from the command line."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests import clocked
from tests.fixtures.store import TEST_EPOCH
from tests.services.samples import SECRET, content


def _import(dingmi, tmp_path: Path, obj: object = SECRET, user: str = "zhangsan") -> int:
    path = tmp_path / "f.json"
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    r = dingmi("form", "import", str(path), "--user", user)
    assert r.code == 0, r.err
    return int(r.out.strip())


def _to_approval(dingmi, tmp_path: Path, obj: object = SECRET) -> int:
    form_id = _import(dingmi, tmp_path, obj)
    assert dingmi("form", "submit", str(form_id), "--user", "zhangsan").code == 0
    assert dingmi("form", "review", str(form_id), "--user", "lisi", "--agree").code == 0
    return form_id


def test_refusals_and_bad_input(dingmi, tmp_path: Path) -> None:
    form_id = _import(dingmi, tmp_path)
    r = dingmi("form", "submit", str(form_id), "--user", "zhangsan", password="wrong")
    assert r.code == 3 and r.err.strip()
    r = dingmi("form", "approve", str(form_id), "--user", "lisi", "--latest")
    assert r.code == 1 and "草稿" in r.err  # refused by the workflow
    assert dingmi("form", "show", "999999", "--user", "lisi").code == 2
    assert dingmi("form", "show", str(form_id), "--user", "zhaoliu").code == 3  # not their form
    assert dingmi("form", "list", "--user", "zhangsan", "--status", "完成").code == 2
    dingmi("form", "submit", str(form_id), "--user", "zhangsan")
    r = dingmi("form", "review", str(form_id), "--user", "lisi")
    assert r.code == 2  # neither --agree nor --disagree
    r = dingmi("form", "review", str(form_id), "--user", "lisi", "--disagree")
    assert r.code == 2 and "意见" in r.err
    r = dingmi("form", "review", str(form_id), "--user", "zhangsan", "--agree")
    assert r.code == 1 and "定密审核人" in r.err  # the drafter is no reviewer
    r = dingmi("form", "review", str(form_id), "--user", "lisi", "--disagree", "--opinion", "依据不对")
    assert r.code == 0
    shown = dingmi("form", "show", str(form_id), "--user", "zhangsan")
    assert shown.code == 0 and "已退回" in shown.out and "审核不同意" in shown.out


def test_approve_with_correction_and_stale_hash(dingmi, tmp_path: Path) -> None:
    form_id = _to_approval(dingmi, tmp_path)
    r = dingmi("form", "approve", str(form_id), "--user", "wangwu", "--content-hash", "0" * 64)
    assert r.code == 1 and "修改" in r.err
    r = dingmi("form", "approve", str(form_id), "--user", "wangwu", "--latest", "--period", "{bad")
    assert r.code == 2
    # a level away from the cited 依据库 item is refused (Law 19); a shorter period is a valid correction
    r = dingmi(
        "form",
        "approve",
        str(form_id),
        "--user",
        "wangwu",
        "--latest",
        "--category",
        "秘密",
        "--period",
        '{"years": 5}',
    )
    assert r.code == 1 and "保密法第十九条" in r.err
    r = dingmi("form", "approve", str(form_id), "--user", "wangwu", "--latest", "--period", '{"years": 5}')
    assert r.code == 0, r.err
    shown = dingmi("form", "show", str(form_id), "--user", "wangwu", "--json").json()
    assert shown["marking"] == "机密★5年" and shown["category"] == "机密"


def test_escalate_dispute_and_reply(dingmi, tmp_path: Path) -> None:
    unclear = content(basis={"kind": "不明确事项", "reference": "", "text": "不能判断"})
    form_id = _to_approval(dingmi, tmp_path, unclear)
    r = dingmi("form", "escalate", str(form_id), "--user", "wangwu", "--to", "上级机关")
    assert r.code == 2  # reason required
    r = dingmi(
        "form",
        "escalate",
        str(form_id),
        "--user",
        "wangwu",
        "--to",
        "保密行政管理部门",
        "--opinion",
        "报请确定",
        "--sent-on",
        "2026-11-30",
        "--received-by",
        "收文处",
    )
    assert r.code == 0 and "不明事项待定" in r.out
    shown = dingmi("form", "show", str(form_id), "--user", "wangwu", "--json").json()
    assert shown["escalation"] == {
        "to": "省级保密行政管理部门",  # resolved by Reg 25: a 设区的市级机关's 秘密 item
        "received_by": "收文处",
        "report_late": False,
        "sent_on": "2026-11-30",
        "report_due": shown["escalation"]["report_due"],
        "reply_due": "2026-12-14",
        "overdue": shown["escalation"]["overdue"],
        "claimed_levels": [],
    }
    r = dingmi(
        "form",
        "reply",
        str(form_id),
        "--user",
        "wangwu",
        "--outcome",
        "确定",
        "--opinion",
        "定为秘密",
        "--document",
        "省保〔2026〕8号",
        "--category",
        "秘密",
        "--period",
        '{"years": 3}',
    )
    assert r.code == 0, r.err
    assert (
        dingmi("form", "show", str(form_id), "--user", "zhangsan", "--json").json()["marking"] == "秘密★3年"
    )
    disputed = content(basis={"kind": "有争议事项", "reference": "", "text": "有争议"})
    other = _to_approval(dingmi, tmp_path, disputed)
    r = dingmi(
        "form", "dispute", str(other), "--user", "wangwu", "--claimed", "机密,秘密", "--opinion", "争议"
    )
    assert r.code == 0 and "争议待定" in r.out
    assert dingmi("audit", "verify", "--user", "auditor").code == 0


def test_real_entry_point(cli_store: Path) -> None:
    env = {**os.environ, "DINGMI_PASSWORD": "Dingmi@2026"}
    run = subprocess.run(
        [
            *clocked.command(TEST_EPOCH, "dingmi_desktop.cli"),
            "--data-dir",
            str(cli_store),
            "form",
            "list",
            "--user",
            "wangwu",
            "--json",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert all(
        {"id", "form", "title", "category", "marking", "status", "declassify_on"} <= set(row)
        for row in json.loads(run.stdout)
    )
