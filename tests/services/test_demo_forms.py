"""The demo forms cover every state of the workflow table and keep the audit chain valid."""

from __future__ import annotations

from dingmi_desktop.domain.workflow import Status
from dingmi_desktop.services.accounts import AuditService
from dingmi_desktop.services.demo_forms import fill_demo_forms
from dingmi_desktop.services.forms import FormServices
from tests.services.samples import PASSWORD


def test_every_state_and_category(demo_store) -> None:
    made = fill_demo_forms(demo_store)
    assert set(made) == {s.value for s in Status} - {Status.DECLASSIFIED.value}  # reached by expiry only
    session = demo_store.sign_in("wangwu", PASSWORD)
    rows = FormServices(session).queues.visible()
    decided = [r for r in rows if r.status is Status.DECIDED]
    assert {r.kind for r in decided} == {"送审签发单", "定密审核单"}
    assert {r.category for r in decided} >= {"机密", "秘密", "内部", "非密"}
    markings = {r.marking for r in decided}
    assert {"机密★10年", "秘密★1年", "内部", ""} <= markings
    above = [r for r in rows if r.status is Status.AWAITING_SUPERIOR]
    assert above and above[0].category == "绝密"
    auditor = demo_store.sign_in("auditor", PASSWORD)
    report = AuditService(auditor).verify()
    assert report.ok, report.problems
