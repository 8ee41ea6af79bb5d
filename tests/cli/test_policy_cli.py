"""`dingmi policy set review-step on|off`: only the 安全保密管理员, audited, and it changes the route."""

from __future__ import annotations

import json
from pathlib import Path

from dingmi_desktop.services.demo import DEMO_PASSWORD
from tests.services.samples import content


def _submit(dingmi, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    path = tmp_path / "form.json"
    path.write_text(json.dumps(content(), ensure_ascii=False), encoding="utf-8")
    r = dingmi("form", "import", str(path), "--user", "zhangsan")
    assert r.code == 0, r.err
    form_id = r.out.strip()
    r = dingmi("form", "submit", form_id, "--user", "zhangsan")
    assert r.code == 0, r.err
    return form_id


def _status(dingmi, form_id: str) -> str:  # type: ignore[no-untyped-def]
    return dingmi("form", "show", form_id, "--user", "zhangsan", "--json").json()["status"]


def test_review_step_off_sends_submissions_straight_to_approval(dingmi, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DINGMI_COSIGNER_PASSWORD", DEMO_PASSWORD)
    assert _status(dingmi, _submit(dingmi, tmp_path)) == "待审核"
    alone = dingmi("policy", "set", "review-step", "off", "--user", "secadmin")
    assert alone.code != 0 and "--cosigner" in alone.err  # the root is used by two of the 三员, never one
    r = dingmi("policy", "set", "review-step", "off", "--user", "secadmin", "--cosigner", "sysadmin")
    assert r.code == 0, r.err
    assert "直接进入“待审批”" in r.out
    assert _status(dingmi, _submit(dingmi, tmp_path)) == "待审批"
    r = dingmi("policy", "set", "review-step", "on", "--user", "secadmin", "--cosigner", "sysadmin")
    assert r.code == 0, r.err
    assert _status(dingmi, _submit(dingmi, tmp_path)) == "待审核"


def test_only_the_security_admin_may_switch_it(dingmi, tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = dingmi("policy", "set", "review-step", "off", "--user", "zhangsan")
    assert r.code == 3
    assert r.err.strip() and "Traceback" not in r.err
    assert _status(dingmi, _submit(dingmi, tmp_path)) == "待审核"
    bad = dingmi("policy", "set", "review-step", "maybe", "--user", "secadmin")
    assert bad.code == 2


def test_expiring_window_is_set_by_the_security_admin_within_its_range(dingmi) -> None:  # type: ignore[no-untyped-def]
    r = dingmi("policy", "set", "expiring-window", "60", "--user", "secadmin")
    assert r.code == 0, r.err
    assert "首页解密提醒天数" in r.out and "60" in r.out
    bad = dingmi("policy", "set", "expiring-window", "400", "--user", "secadmin")
    assert bad.code == 2 and "1 到 365 之间的整数" in bad.err
    assert dingmi("policy", "set", "expiring-window", "60", "--user", "wangwu").code == 3
