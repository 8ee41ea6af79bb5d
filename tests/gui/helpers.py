"""Filling forms through the real editor widgets."""

from __future__ import annotations

from datetime import date

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.forms import BasisKind

TITLE = "关于某项目技术方案的请示"


def fill_secret_form(page, title: str = TITLE, basis: BasisKind = BasisKind.DEFINITE) -> None:  # type: ignore[no-untyped-def]
    """A complete 机密★10年 proposal, entered field by field."""
    editor = page.editor
    editor.document.title.setText(title)
    editor.document.doc_number.setText("示〔2026〕12号")
    editor.classification.set_category(Category.SECRET)
    editor.classification.years.setValue(10)
    editor.classification.start_date.set_value(date(2026, 11, 28))
    editor.classification.scope.setText("本单位领导班子成员及项目组")
    editor.classification.knowers.entry.setText("张三、李四")
    editor.classification.knowers.add_button.click()
    kinds = list(BasisKind)
    editor.basis.kind.setCurrentIndex(kinds.index(basis))
    editor.basis.reference.setText("示例一览表 第1条")
    editor.basis.text.setPlainText("示例：尚未公布的重大项目技术方案")
    editor.drafting.opinion.setPlainText("建议定为机密级，保密期限10年")
