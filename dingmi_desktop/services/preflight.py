"""The early-warning check (domain.preflight) fed from the store: the unit, its officers, the 依据库."""

from __future__ import annotations

from datetime import date

from dingmi_desktop.domain.authority import OfficerAppointment, UnitAuthority
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.forms import Form
from dingmi_desktop.domain.preflight import CatalogEntry, EarlyWarning, preflight
from dingmi_desktop.domain.workflow import Status
from dingmi_desktop.services.form_access import appointment_of
from dingmi_desktop.storage import Tx

CHECKED = frozenset({Status.DRAFT, Status.RETURNED, Status.IN_REVIEW, Status.AWAITING_APPROVAL})


def catalog_entries(tx: Tx, day: date | None = None) -> list[CatalogEntry]:
    """Each item of the version in force on `day` (the newest without one), cited either by its list or by
    its scope ("示例一览表 第1条" / "示例事项范围 第1条"). Before the first version nothing is in force."""
    version = None if day is None else tx.catalog.version_on(day)
    if day is not None and version is None:
        return []
    entries: list[CatalogEntry] = []
    for item in tx.catalog.items(version=version):
        try:
            category: Category | None = Category(item.category)
        except ValueError:
            category = None
        references = (f"{item.list_code} {item.code}", f"{item.scope_code} {item.code}")
        entries.append(CatalogEntry(references, category, item.period_text or ""))
    return entries


def officers(tx: Tx) -> list[OfficerAppointment]:
    """Appointments of the active accounts holding 定密责任人."""
    found = [appointment_of(u) for u in tx.users.list() if u.active]
    return [a for a in found if a is not None]


def warnings_in(tx: Tx, form: Form, unit: UnitAuthority, today: date) -> list[EarlyWarning]:
    return preflight(form, unit, officers(tx), catalog_entries(tx, today), today)
