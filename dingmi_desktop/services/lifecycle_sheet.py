"""Markings follow a decision's life on the printed sheet (docs/rules.md §6, §8).

A decision form (变更/解密/延长) prints under its own title with the item's old marking struck through
beside the new one (解密 with the date for a declassification) and a band naming the item, reason and
basis. An item changed after approval prints its decided marking struck through beside the current one;
a declassified item shows 解密 with the date. The signed content and its verification code are unchanged.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dingmi_desktop.domain.lifecycle import LifecycleKind, Terms
from dingmi_desktop.domain.marking import DECLASSIFIED, format_date
from dingmi_desktop.domain.workflow import Status
from dingmi_desktop.export.sheet_data import SheetData, SheetField, SheetSection
from dingmi_desktop.services.form_access import FormAccess, Loaded
from dingmi_desktop.services.lifecycle import repo
from dingmi_desktop.storage import Tx

DECLASSIFYING = (LifecycleKind.DECLASSIFY, LifecycleKind.PUBLICATION)


def declassified_text(day: date | None) -> str:
    return f"{DECLASSIFIED}（{format_date(day)}）" if day else DECLASSIFIED


def adjust(tx: Tx, access: FormAccess, loaded: Loaded, data: SheetData) -> SheetData:
    lifecycle = repo(tx, access)
    row = lifecycle.get(loaded.record.id)
    if row is not None:
        kind = LifecycleKind(row.kind)
        old = Terms.from_json(row.old_terms).marking
        if kind in DECLASSIFYING and row.applied_at:  # the item's 解密日 is the local day it took effect
            new = declassified_text(tx.forms.get(row.item_form_id).declassify_on)
        elif kind in DECLASSIFYING:
            new = f"{DECLASSIFIED}（批准后生效）"
        else:
            new = data.marking
        band = SheetSection(
            title=kind.title,
            rows=(
                (SheetField("原事项编号", str(row.item_form_id)), SheetField("决定种类", kind.value)),
                (SheetField("原密级标志", old), SheetField("新密级标志", new)),
                (SheetField("理由", row.reason),),
                (SheetField("依据", row.basis),),
                (SheetField("决定机关", row.decided_by or "（批准后填写）"),),
            ),
        )
        return replace(
            data, form_title=kind.title, old_marking=old, marking=new, sections=(band, *data.sections)
        )
    stored = lifecycle.current_terms(loaded.record.id)
    if stored is None:
        return data
    current = Terms.from_json(stored)
    new = current.marking
    if loaded.status is Status.DECLASSIFIED:
        new = declassified_text(loaded.record.declassify_on)
    done = [r for r in lifecycle.of_item(loaded.record.id) if r.applied_at]
    rows = tuple((SheetField(f"{r.kind}（决定单 {r.form_id}）", r.reason),) for r in done)
    band = SheetSection(title="定密事项的变更、解密和延长", rows=rows)
    return replace(data, old_marking=data.marking, marking=new, sections=(*data.sections, band))
