"""Filling the form from 依据库 items chosen in the picker: the reference, the items' text, and the level and
period they give together (several items: the highest level and the longest period, marking.compilation)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from dingmi_desktop.domain.catalogue_doc import resolve
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import DomainError
from dingmi_desktop.domain.marking import period_text


class BasisChoice:
    """Remembers the level a pick filled, so a later pick may replace it but never the clerk's own choice."""

    def __init__(self) -> None:
        self.picked_level: Category | None = None

    def apply(self, editor: Any, answer: Any, today: date) -> str:
        """Fills `editor` from the picker's answer (one item or a list); returns a message for the page."""
        chosen = answer if isinstance(answer, list) else [answer]
        reference = "；".join(f"{c.list_code} {c.code}".strip() for c in chosen)
        text = "\n".join(c.text for c in chosen)
        try:
            level, period = resolve([(c.category, c.period_text) for c in chosen], today)
        except (DomainError, ValueError) as exc:
            editor.basis.set_catalog_entry(reference, text, False)
            why = getattr(exc, "message", str(exc))
            return QCoreApplication.translate(
                "FormPage", "所选条目的密级或期限无法合并：{0}。请由定密责任人确定。"
            ).format(why)
        editor.basis.set_catalog_entry(reference, text, any(c.period_text == "长期" for c in chosen))
        classification = editor.classification
        if classification.category_value() in (Category.NON_SECRET, self.picked_level):
            classification.set_category(level)
            self.picked_level = level
        if period is not None:
            classification.prefill_period(period_text(period))
        return ""
