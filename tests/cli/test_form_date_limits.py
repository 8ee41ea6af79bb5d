"""`dingmi form import` refuses implausible dates as the GUI does (issue 10 point 5): exit 2, no form kept."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from dingmi_desktop.domain.dates import MAX_DAYS_AHEAD
from tests.fixtures.store import TEST_TODAY
from tests.services.samples import content


def _ids(dingmi) -> list[int]:  # type: ignore[no-untyped-def]
    r = dingmi("form", "list", "--user", "zhangsan", "--json")
    assert r.code == 0, r.err
    return sorted(row["id"] for row in r.json())


def _import(dingmi, tmp_path: Path, objects: list[object]):  # type: ignore[no-untyped-def]
    path = tmp_path / "forms.json"
    path.write_text(json.dumps(objects, ensure_ascii=False), encoding="utf-8")
    return dingmi("form", "import", str(path), "--user", "zhangsan")


def test_import_refuses_a_far_future_start_date_and_stores_nothing(dingmi, tmp_path: Path) -> None:
    before = _ids(dingmi)
    latest = TEST_TODAY + timedelta(days=MAX_DAYS_AHEAD)
    r = _import(
        dingmi,
        tmp_path,
        [
            content(start_date=latest.isoformat()),  # the bound itself is fine
            content(start_date="2099-11-30"),
            content(drafted_on=(TEST_TODAY + timedelta(days=1)).isoformat(), start_date=None),
        ],
    )
    assert r.code == 2, (r.out, r.err)
    assert "第2个表单：start_date：制发日2099-11-30" in r.err and latest.isoformat() in r.err
    assert "第3个表单：drafted_on：拟稿日期" in r.err and TEST_TODAY.isoformat() in r.err
    assert "第1个表单" not in r.err
    assert _ids(dingmi) == before  # all or nothing


def test_import_accepts_plausible_dates(dingmi, tmp_path: Path) -> None:
    before = _ids(dingmi)
    r = _import(
        dingmi, tmp_path, [content(drafted_on=TEST_TODAY.isoformat(), start_date=TEST_TODAY.isoformat())]
    )
    assert r.code == 0, r.err
    assert len(_ids(dingmi)) == len(before) + 1
