"""`dingmi expire`: dry run, the pass, the clock guard, condition confirmation; exit codes and JSON."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from dingmi_desktop.storage import Store
from tests.fixtures.store import TEST_TODAY
from tests.services.samples import Users, content, form_from_json

UNTIL = TEST_TODAY + timedelta(days=7)


@pytest.fixture
def items(cli_store: Path, clock) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """A dated item (解密时间 a week ahead) and a condition item, both 已定密."""
    made = []
    with Store.open(cli_store, clock=clock) as store:
        users = Users(store)
        for period in ({"until": UNTIL.isoformat()}, {"condition": "项目通过国家验收后"}):
            f = form_from_json(content(period=period, start_date=TEST_TODAY.isoformat()))
            form_id = users.to_approval(f)
            users.approve(form_id)
            made.append(form_id)
    return made[0], made[1]


def test_dry_run_then_the_pass_then_nothing_left(dingmi, items, clock) -> None:  # type: ignore[no-untyped-def]
    dated, _ = items
    assert dingmi("expire", "--dry-run", "--json", "--user", "wangwu").json()["waiting"] == []
    clock.advance(days=8)
    preview = dingmi("expire", "--dry-run", "--json", "--user", "wangwu")
    assert preview.code == 0, preview.err
    [row] = preview.json()["waiting"]
    assert (row["id"], row["declassify_on"], row["marking"]) == (dated, UNTIL.isoformat(), row["marking"])
    assert "解密时间" in row["reason"] and preview.json()["clock"] == "ok"
    text = dingmi("expire", "--dry-run", "--user", "wangwu")
    assert f"{dated}\t将解密" in text.out and "到期将解密 1 项" in text.out
    run = dingmi("expire", "--json", "--user", "zhangsan")
    assert run.code == 0, run.err
    assert [r["id"] for r in run.json()["expired"]] == [dated]
    again = dingmi("expire", "--user", "zhangsan")
    assert again.code == 0 and "期满自行解密 0 项" in again.out
    shown = dingmi("form", "show", str(dated), "--user", "wangwu", "--json").json()
    assert shown["status"] == "已解密"


def test_clock_guard_exit_codes(dingmi, items, clock) -> None:  # type: ignore[no-untyped-def]
    dated, _ = items
    assert dingmi("expire", "--user", "wangwu").code == 0  # the watermark: now
    clock.advance(days=45)
    held = dingmi("expire", "--json", "--user", "zhangsan")
    assert held.code == 1 and held.json()["clock"] == "jumped" and "--confirm-clock" in held.err
    assert [r["id"] for r in held.json()["waiting"]] == [dated]
    refused = dingmi("expire", "--confirm-clock", "--user", "zhangsan")
    assert refused.code == 3 and "定密责任人" in refused.err
    assert dingmi("expire", "--confirm-clock", "--user", "wangwu", password="wrong-Password-9").code == 3
    done = dingmi("expire", "--confirm-clock", "--json", "--user", "wangwu")
    assert done.code == 0, done.err
    assert [r["id"] for r in done.json()["expired"]] == [dated]
    clock.advance(days=-3)
    back = dingmi("expire", "--user", "wangwu")
    assert back.code == 1 and "早于上次解密检查" in back.err


def test_condition_confirmation(dingmi, items) -> None:  # type: ignore[no-untyped-def]
    _, conditional = items
    listed = dingmi("expire", "conditions", "--json", "--user", "wangwu").json()
    assert [(r["id"], r["condition"]) for r in listed] == [(conditional, "项目通过国家验收后")]
    empty = dingmi("expire", "confirm", str(conditional), "--evidence", " ", "--user", "wangwu")
    assert empty.code == 2 and "不能为空" in empty.err
    wrong_role = dingmi("expire", "confirm", str(conditional), "--evidence", "验收函", "--user", "lisi")
    assert wrong_role.code == 3
    assert dingmi("expire", "confirm", "x1", "--evidence", "验收函", "--user", "wangwu").code == 2
    ok = dingmi(
        "expire",
        "confirm",
        str(conditional),
        "--evidence",
        "验收函〔2026〕12号",
        "--user",
        "wangwu",
        "--json",
    )
    assert ok.code == 0, ok.err
    assert ok.json() == {
        "id": conditional,
        "declassified_on": TEST_TODAY.isoformat(),
        "how": "条件成就",
        "condition": "项目通过国家验收后",
    }
    twice = dingmi("expire", "confirm", str(conditional), "--evidence", "验收函", "--user", "wangwu")
    assert twice.code == 1 and "不能重复确认" in twice.err
    assert dingmi("expire", "--dry-run", "--user", "wangwu").code == 0
    assert dingmi("expire", "--dry-run", "--confirm-clock", "--user", "wangwu").code == 2
    assert dingmi("expire", "--dry-run").code == 2  # no --user
