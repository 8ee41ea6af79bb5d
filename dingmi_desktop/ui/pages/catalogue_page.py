"""依据库 (安全保密管理员): the 保密事项范围 → 一览表 → 细目 tree of the version in force; add, edit or
retire a 细目 in a new version with its effective date; import and export the JSON (catalogue.schema.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from dingmi_desktop.domain.catalogue_doc import LEVELS, ItemDoc, item_problems, read_catalogue
from dingmi_desktop.domain.errors import ValidationError
from dingmi_desktop.ui.bundle import ServiceBundle, required
from dingmi_desktop.ui.dialogs.fields_dialog import FieldsDialog, FieldSpec, parse_date
from dingmi_desktop.ui.dialogs.prompts import Confirm, OpenPath, SavePath
from dingmi_desktop.ui.excepthook import describe_error, show_error
from dingmi_desktop.ui.file_output import FileOutputError, write_atomically
from dingmi_desktop.ui.pages.base import ServicePage

if TYPE_CHECKING:
    from dingmi_desktop.ui.ops import OpRunner

MAX_FILE_BYTES = 8 * 1024 * 1024
ITEM_FIELDS = ("code", "text", "level", "period", "knowers", "department")


class CataloguePage(ServicePage):
    def __init__(
        self, bundle: ServiceBundle, ops: OpRunner, window: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("依据库"), bundle, ops, window, parent)
        self.setObjectName("cataloguePage")
        intro = QLabel(
            self.tr(
                "定密依据的保密事项范围、一览表和细目。每次添加、修改、废止或导入都生成一个新版本并记入审计；"
                "表单按其制发日引用当日生效的版本，旧版本保留可查。"
            )
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        self.version = QLabel()
        self.version.setObjectName("catalogueVersion")
        self.body.addWidget(self.version)
        bar = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("add", self.tr("添加细目…"), self.add),
            ("edit", self.tr("修改所选…"), self.edit),
            ("retire", self.tr("废止所选…"), self.retire),
            ("import", self.tr("导入 JSON…"), self.import_file),
            ("export", self.tr("导出 JSON…"), self.export_file),
        ):
            button = QPushButton(text)
            button.setObjectName(f"catalogue_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
            bar.addWidget(button)
            if key == "retire":
                bar.addStretch(1)
        self.buttons["add"].setProperty("primary", True)
        self.body.addLayout(bar)
        self.tree = QTreeWidget()
        self.tree.setObjectName("catalogueTree")
        self.tree.setHeaderLabels(
            [
                self.tr("范围 / 一览表 / 细目"),
                self.tr("事项"),
                self.tr("密级"),
                self.tr("保密期限"),
                self.tr("知悉范围"),
                self.tr("产生部门"),
                self.tr("版本"),
            ]
        )
        header = self.tree.header()  # the 事项 column takes the spare width; the others fit their text
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.body.addWidget(self.tree, 1)
        self.body.addWidget(self.feedback)
        self.items: list[Any] = []
        self.lists: list[tuple[int, str, str]] = []

    # --- loading ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        catalogue = required(self.bundle.catalog)
        self.run(
            lambda: (catalogue.versions(), catalogue.items(), catalogue.lists()),
            self._show,
            label="catalogue",
        )

    def _show(self, loaded: tuple[list[Any], list[Any], list[tuple[int, str, str]]]) -> None:
        versions, self.items, self.lists = loaded
        if versions:
            newest = versions[-1]
            self.version.setText(
                self.tr("现行：第{0}版，{1} 起生效（共 {2} 版，{3} 条细目）。").format(
                    newest.number, newest.effective_from.isoformat(), len(versions), len(self.items)
                )
            )
        else:
            self.version.setText(self.tr("依据库为空：请导入保密事项范围或一览表（JSON）。"))
        self.tree.clear()
        nodes: dict[tuple[str, ...], QTreeWidgetItem] = {}
        for item in self.items:
            scope = nodes.get((item.scope_code,))
            if scope is None:
                scope = nodes[(item.scope_code,)] = QTreeWidgetItem(self.tree, [item.scope_code])
            key = (item.scope_code, item.list_code)
            if key not in nodes:
                nodes[key] = QTreeWidgetItem(scope, [item.list_code])
            row = [item.code, item.text, item.category, item.period_text, item.knowers, item.department]
            leaf = QTreeWidgetItem(nodes[key], [*row, self.tr("第{0}版起").format(item.from_version)])
            leaf.setData(0, 256, item)  # Qt.UserRole
        self.tree.expandAll()
        self.loaded()

    def selected_item(self) -> Any:
        current = self.tree.currentItem()
        return None if current is None else current.data(0, 256)

    # --- changing -----------------------------------------------------------------------------------
    def _ask_item(self, title: str, old: Any | None) -> tuple[int | None, ItemDoc, Any, str] | None:
        list_names = [f"{scope} / {name}" for _, scope, name in self.lists]
        specs = (
            []
            if old is not None
            else [FieldSpec("list", self.tr("一览表："), kind="choice", choices=list_names)]
        )
        values = (
            []
            if old is None
            else [old.code, old.text, old.category, old.period_text, old.knowers, old.department]
        )
        labels = [self.tr("编号："), self.tr("事项内容："), self.tr("密级："), self.tr("保密期限：")]
        labels += [self.tr("知悉范围："), self.tr("产生部门：")]
        for i, (key, label) in enumerate(zip(ITEM_FIELDS, labels, strict=True)):
            default = values[i] if values else None
            if key == "level":
                specs.append(FieldSpec(key, label, kind="choice", choices=LEVELS, default=default))
            else:
                specs.append(
                    FieldSpec(key, label, default=default, required=key not in ("knowers", "department"))
                )
        specs.append(
            FieldSpec("effective", self.tr("新版本生效日期："), kind="date", default=self.bundle.today())
        )
        specs.append(FieldSpec("note", self.tr("版本说明："), required=False))

        def check(answer: dict[str, Any]) -> list[str]:
            doc = ItemDoc(*(str(answer.get(k) or "").strip() for k in ITEM_FIELDS))
            found = [p.message for p in item_problems(doc, "item")]
            return found + ([] if answer.get("effective") else [self.tr("请选择新版本的生效日期")])

        answer = FieldsDialog.ask(self, title, specs, validator=check, today=self.bundle.today)
        if not answer:
            return None
        effective = parse_date(answer.get("effective"))
        list_id = None
        if old is None:
            chosen = answer.get("list", "")
            list_id = next(
                (lid for (lid, _, _), n in zip(self.lists, list_names, strict=True) if n == chosen), None
            )
        item = ItemDoc(*(str(answer.get(k) or "").strip() for k in ITEM_FIELDS))
        return list_id, item, effective, str(answer.get("note") or "")

    def add(self) -> None:
        if not self.lists:
            self.say(self.tr("还没有一览表：请先导入依据库（JSON）。"))
            return
        answer = self._ask_item(self.tr("添加细目"), None)
        if answer is None or answer[0] is None or answer[2] is None:
            return
        list_id, item, effective, note = answer
        assert list_id is not None  # checked above; mypy does not narrow through the tuple
        catalogue = required(self.bundle.catalog)
        self._change(
            lambda: catalogue.add_item(list_id, item, effective, note),
            self.tr("已添加细目 {0}").format(item.code),
        )

    def edit(self) -> None:
        old = self.selected_item()
        if old is None:
            self.say(self.tr("请先在树中选择要修改的细目。"))
            return
        answer = self._ask_item(self.tr("修改细目 {0}").format(old.code), old)
        if answer is None or answer[2] is None:
            return
        _, item, effective, note = answer
        catalogue = required(self.bundle.catalog)
        self._change(
            lambda: catalogue.edit_item(old.id, item, effective, note),
            self.tr("已修改细目 {0}").format(old.code),
        )

    def retire(self) -> None:
        old = self.selected_item()
        if old is None:
            self.say(self.tr("请先在树中选择要废止的细目。"))
            return
        text = self.tr("自今日起的新版本中废止细目 {0}（{1}）吗？旧版本仍保留该细目。").format(
            old.code, old.text
        )
        if not Confirm.ask(self, self.tr("废止细目"), text):
            return
        catalogue = required(self.bundle.catalog)
        today = self.bundle.today()
        self._change(lambda: catalogue.retire_item(old.id, today), self.tr("已废止细目 {0}").format(old.code))

    def import_file(self) -> None:
        path = OpenPath.ask(self, self.tr("导入依据库"), str(Path.home()), self.tr("依据库 JSON (*.json)"))
        if path is None:
            return
        catalogue = required(self.bundle.catalog)

        def load() -> Any:
            with open(path, "rb") as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
            return catalogue.import_document(read_catalogue(data))

        self.run(
            load,
            lambda r: self._done(
                self.tr("已导入为第{0}版：新增或修改 {1} 条，废止 {2} 条，保留 {3} 条").format(
                    r.version, r.added, r.retired, r.kept
                )
            ),
            label="catalogue import",
            on_error=self._failed,
        )

    def export_file(self) -> None:
        path = SavePath.ask(self, self.tr("导出依据库"), "依据库.json", self.tr("依据库 JSON (*.json)"))
        if path is None:
            return
        catalogue = required(self.bundle.catalog)

        def write() -> None:
            text = json.dumps(catalogue.export_json(), ensure_ascii=False, indent=2) + "\n"
            write_atomically(Path(path), text.encode("utf-8"))

        self.run(
            write,
            lambda _r: self.say(self.tr("已导出到 {0}。").format(path)),
            label="catalogue export",
            on_error=self._failed,
        )

    def _change(self, fn: Any, text: str) -> None:
        self.run(
            fn,
            lambda version: self._done(self.tr("{0}（第{1}版）").format(text, version)),
            label="catalogue change",
            on_error=self._failed,
        )

    def _done(self, text: str) -> None:
        self.say(self.tr("{0}，并记入审计日志。").format(text))
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        """A bad file or item is explained on the page; anything else: the error dialog too."""
        if isinstance(exc, ValidationError):
            self.say(
                self.tr("未保存：{0}").format("；".join(f"{p.field}：{p.message}" for p in exc.problems))
            )
            return
        if isinstance(exc, FileOutputError | OSError):
            self.say(self.tr("未完成：{0}").format(exc))
            return
        self.say(self.tr("未保存：{0}").format(describe_error(exc)))
        show_error(exc, self)

    def clear_sensitive(self) -> None:
        self.items = []
        self.tree.clear()
        self.version.clear()
