"""Sample forms and small helpers for the workflow service tests (real demo store, floor KDF)."""

from __future__ import annotations

import copy
from typing import Any

from dingmi_desktop.domain.forms import Form, form_from_json
from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.services.forms import FormServices
from dingmi_desktop.storage import Store
from tests.domain.builders import INTERFACES_EXAMPLE
from tests.fixtures.store import cosign

PASSWORD = DEMO_PASSWORD

SECRET: dict[str, Any] = copy.deepcopy(INTERFACES_EXAMPLE)  # the example of docs/interfaces.md


def content(**changes: Any) -> dict[str, Any]:
    obj = copy.deepcopy(SECRET)
    for key, value in changes.items():
        if value is None:
            obj.pop(key, None)
        else:
            obj[key] = value
    return obj


def form(**changes: Any) -> Form:
    return form_from_json(content(**changes))


def unclear() -> Form:
    return form(basis={"kind": "不明确事项", "reference": "", "text": "无法判断是否属于国家秘密"})


def top_secret() -> Form:
    return form(
        category="绝密", period={"years": 20}, basis={"kind": "超出权限", "reference": "上级范围", "text": ""}
    )


def disputed() -> Form:
    return form(basis={"kind": "有争议事项", "reference": "", "text": "业务处认为秘密，办公室认为机密"})


class Users:
    """FormServices per demo user, signed in once on the shared store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._cache: dict[str, FormServices] = {}

    def __getitem__(self, name: str) -> FormServices:
        if name not in self._cache:
            self._cache[name] = FormServices(self.store.sign_in(name, PASSWORD))
        return self._cache[name]

    def draft_and_submit(self, f: Form | None = None, drafter: str = "zhangsan") -> int:
        svc = self[drafter]
        form_id = svc.drafting.create_draft(f or form()).form_id
        svc.drafting.submit(form_id, password=PASSWORD)
        return form_id

    def to_approval(self, f: Form | None = None, drafter: str = "zhangsan") -> int:
        form_id = self.draft_and_submit(f, drafter)
        self["lisi"].review.review(form_id, agree=True, opinion="同意", password=PASSWORD)
        return form_id

    def content_hash(self, form_id: int, user: str = "wangwu") -> str:
        return self[user].history.view(form_id).summary.content_hash

    def approve(self, form_id: int, **kwargs: Any) -> Any:
        return self["wangwu"].review.approve(
            form_id, password=PASSWORD, content_hash=self.content_hash(form_id), **kwargs
        )


def grant(store: Store, username: str, role_grant: Any) -> None:
    """As secadmin: give a demo user one more role (then sessions signed in later see it)."""
    from dingmi_desktop.services.accounts import AccountService

    session = store.sign_in("secadmin", PASSWORD)
    AccountService(session).grant(username, role_grant, cosign())
    session.close()


def audit_entries(store: Store) -> list[Any]:
    from dingmi_desktop.services.accounts import AuditService

    session = store.sign_in("auditor", PASSWORD)
    entries = AuditService(session).entries()
    session.close()
    return entries
