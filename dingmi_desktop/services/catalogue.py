"""The 依据库 (保密事项范围 → 一览表 → 细目), managed in versions by the 安全保密管理员; read by everyone.

Every change — add, edit or retire an item, or import a whole catalogue — makes one new version with the
date it takes effect, in one transaction with one audit entry. An edit retires the item and adds it anew, so
the version in force on a form's date still reads what the form cited. Effective dates never go backwards:
the version in force on a date is the newest one effective on or before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from dingmi_desktop.domain.catalogue_doc import (
    LIMITS,
    CatalogueDoc,
    ItemDoc,
    ListDoc,
    ScopeDoc,
    catalogue_json,
    item_problems,
)
from dingmi_desktop.domain.errors import Problem, ValidationError
from dingmi_desktop.domain.json_reader import text_problem
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.storage import PermissionDenied, Session, Tx
from dingmi_desktop.storage.catalog_repo import CatalogVersionRecord
from dingmi_desktop.storage.records import CatalogItemRecord, iso

REFUSED = "只有安全保密管理员可以修改依据库（添加、修改、废止细目或导入）。"
CHANGE_ACTION = "修改依据库"
IMPORT_ACTION = "导入依据库"
EXPORT_ACTION = "导出依据库"

__all__ = ["CatalogueService", "ImportResult", "doc_of", "item_doc"]


@dataclass(frozen=True)
class ImportResult:
    version: int
    added: int
    retired: int
    kept: int


def item_doc(item: CatalogItemRecord) -> ItemDoc:
    return ItemDoc(item.code, item.text, item.category, item.period_text, item.knowers, item.department)


def doc_of(tx: Tx, version: int | None, effective: date, note: str) -> CatalogueDoc:
    """The catalogue of `version` (the newest without one) as a document, scopes and lists in stored order."""
    items = tx.catalog.items(version=version)
    scopes = []
    for scope_id, code, title, sample in tx.catalog.scopes():
        lists = [
            ListDoc(lc, lt, tuple(item_doc(i) for i in items if i.list_id == list_id))
            for list_id, sid, lc, lt in tx.catalog.lists()
            if sid == scope_id
        ]
        scopes.append(ScopeDoc(code, title, tuple(lst for lst in lists if lst.items), sample))
    return CatalogueDoc(effective, tuple(s for s in scopes if s.lists), note)


class CatalogueService:
    def __init__(self, session: Session) -> None:
        self.session = session

    @property
    def can_edit(self) -> bool:
        return Role.SECADMIN in self.session.user.roles

    # --- reading --------------------------------------------------------------------------------------
    def versions(self) -> list[CatalogVersionRecord]:
        with self.session.transaction() as tx:
            return tx.catalog.versions()

    def items(self, day: date | None = None) -> list[CatalogItemRecord]:
        """The items in force on `day` (default: the newest version's)."""
        with self.session.transaction() as tx:
            if day is None:
                return tx.catalog.items()
            version = tx.catalog.version_on(day)
            return [] if version is None else tx.catalog.items(version=version)

    def search(self, text: str, day: date | None = None) -> list[CatalogItemRecord]:
        """Items in force on `day` whose code, content, list or scope contains every word of `text`."""
        words = text.split()
        found = []
        for item in self.items(day):
            hay = " ".join((item.scope_code, item.list_code, item.code, item.text, item.department))
            if all(w in hay for w in words):
                found.append(item)
        return found

    def lists(self) -> list[tuple[int, str, str]]:
        """(list id, scope code, list code) of every 一览表, for the page's add dialog."""
        with self.session.transaction() as tx:
            scopes = {sid: code for sid, code, _, _ in tx.catalog.scopes()}
            return [(lid, scopes[sid], code) for lid, sid, code, _ in tx.catalog.lists()]

    def export_json(self) -> dict[str, Any]:
        """The newest version as the interchange document (audited: the catalogue leaves the program)."""
        with self.session.transaction() as tx:
            versions = tx.catalog.versions()
            newest = versions[-1] if versions else None
            effective = newest.effective_from if newest else self.session.today()
            doc = doc_of(tx, None, effective, newest.note if newest else "")
            number = newest.number if newest else None
            count = sum(len(lst.items) for s in doc.scopes for lst in s.lists)
            detail = {"版本": number, "细目数": count}
            tx.audit.append(EXPORT_ACTION, object_type="catalog", object_id=str(number or 0), detail=detail)
        return catalogue_json(doc, number)

    # --- changing -------------------------------------------------------------------------------------
    def add_item(self, list_id: int, item: ItemDoc, effective: date, note: str = "") -> int:
        """Adds `item` to the 一览表 `list_id` in a new version; returns the version number."""
        self._require_admin(str(list_id))
        self._check(item_problems(item, "item"), note)
        with self.session.transaction() as tx:
            if any(i.list_id == list_id and i.code == item.code for i in tx.catalog.items()):
                raise ValidationError(
                    [Problem("item.code", f"该一览表中已有现行的细目“{item.code}”；请换一个编号或修改原细目")]
                )
            version = self._new_version(tx, effective, note)
            _add_item(tx, list_id, item, version)
            self._audit(tx, CHANGE_ACTION, version, {"操作": "添加", "细目": item.code})
        return version

    def edit_item(self, item_id: int, item: ItemDoc, effective: date, note: str = "") -> int:
        """Replaces the item `item_id` by `item` from a new version on; returns the version number."""
        self._require_admin(str(item_id))
        self._check(item_problems(item, "item"), note)
        with self.session.transaction() as tx:
            old = tx.catalog.item(item_id)
            if old.retired_in is not None:
                raise ValidationError([Problem("item", f"细目“{old.code}”已废止，不能再修改")])
            if item_doc(old) == item:
                raise ValidationError([Problem("item", "细目内容没有变化，无需生成新版本")])
            clash = [i for i in tx.catalog.items() if i.list_id == old.list_id and i.code == item.code]
            if any(i.id != item_id for i in clash):
                raise ValidationError([Problem("item.code", f"该一览表中已有现行的细目“{item.code}”")])
            version = self._new_version(tx, effective, note)
            tx.catalog.retire(item_id, version)
            _add_item(tx, old.list_id, item, version)
            self._audit(tx, CHANGE_ACTION, version, {"操作": "修改", "细目": old.code})
        return version

    def retire_item(self, item_id: int, effective: date, note: str = "") -> int:
        """Retires the item `item_id` from a new version on; returns the version number."""
        self._require_admin(str(item_id))
        self._check([], note)
        with self.session.transaction() as tx:
            old = tx.catalog.item(item_id)
            if old.retired_in is not None:
                raise ValidationError([Problem("item", f"细目“{old.code}”已废止")])
            version = self._new_version(tx, effective, note)
            tx.catalog.retire(item_id, version)
            self._audit(tx, CHANGE_ACTION, version, {"操作": "废止", "细目": old.code})
        return version

    def import_document(self, doc: CatalogueDoc) -> ImportResult:
        """Makes `doc` the catalogue from its effective date: unchanged items are kept, changed ones retired
        and added anew, items missing from `doc` retired."""
        self._require_admin(doc.effective_from.isoformat())
        with self.session.transaction() as tx:
            current = {(i.scope_code, i.list_code, i.code): i for i in tx.catalog.items()}
            wanted = {
                (s.code, lst.code, i.code): (s, lst, i)
                for s in doc.scopes
                for lst in s.lists
                for i in lst.items
            }
            changed = [k for k, (_, _, i) in wanted.items() if k not in current or item_doc(current[k]) != i]
            gone = [k for k in current if k not in wanted]
            if not changed and not gone:
                raise ValidationError([Problem("文件", "文件中的依据库与现行版本相同，无需导入")])
            version = self._new_version(tx, doc.effective_from, doc.note)
            for key in gone + [k for k in changed if k in current]:
                tx.catalog.retire(current[key].id, version)
            for key in changed:
                scope, lst, item = wanted[key]
                list_id = self._list_id(tx, scope, lst)
                _add_item(tx, list_id, item, version)
            kept = len(wanted) - len(changed)
            detail = {"新增或修改": len(changed), "废止": len(gone), "保留": kept}
            self._audit(tx, IMPORT_ACTION, version, detail)
        return ImportResult(
            version, len(changed), len(gone) + len([k for k in changed if k in current]), kept
        )

    # --- helpers --------------------------------------------------------------------------------------
    @staticmethod
    def _list_id(tx: Tx, scope: ScopeDoc, lst: ListDoc) -> int:
        scope_id = next((sid for sid, code, _, _ in tx.catalog.scopes() if code == scope.code), None)
        if scope_id is None:
            scope_id = tx.catalog.add_scope(scope.code, scope.title, sample=scope.sample)
        found = next(
            (lid for lid, sid, code, _ in tx.catalog.lists() if sid == scope_id and code == lst.code), None
        )
        return found if found is not None else tx.catalog.add_list(scope_id, lst.code, lst.title)

    @staticmethod
    def _check(problems: list[Problem], note: str) -> None:
        if len(note) > LIMITS["note"]:
            problems.append(Problem("note", f"版本说明不超过{LIMITS['note']}个字"))
        elif (why := text_problem(note, "catalogue")) is not None:
            problems.append(Problem("note", f"版本说明{why}"))
        if problems:
            raise ValidationError(problems)

    def _new_version(self, tx: Tx, effective: date, note: str) -> int:
        versions = tx.catalog.versions()
        if versions and effective < versions[-1].effective_from:
            newest = versions[-1]
            raise ValidationError(
                [
                    Problem(
                        "effective_from",
                        f"生效日期 {effective.isoformat()} 早于现行第{newest.number}版的生效日期"
                        f" {newest.effective_from.isoformat()}；新版本的生效日期不能早于现行版本",
                    )
                ]
            )
        return tx.catalog.add_version(effective, note, self.session.user.username, iso(self.session.now()))

    @staticmethod
    def _audit(tx: Tx, action: str, version: int, detail: dict[str, Any]) -> None:
        tx.audit.append(
            action, object_type="catalog", object_id=str(version), detail={"版本": version, **detail}
        )

    def _require_admin(self, object_id: str) -> None:
        if self.can_edit:
            return
        try:  # a refused attempt leaves one audit entry (result 拒绝) and nothing else
            with self.session.transaction() as tx:
                tx.audit.append(
                    CHANGE_ACTION,
                    object_type="catalog",
                    object_id=object_id,
                    result="拒绝",
                    detail={"原因类别": "PermissionDenied"},
                )
        except Exception:
            pass
        raise PermissionDenied(REFUSED)


def _add_item(tx: Tx, list_id: int, item: ItemDoc, version: int) -> None:
    """One 细目 as the document states it, in force from `version`."""
    tx.catalog.add_item(
        list_id,
        item.code,
        item.text,
        item.level,
        item.period,
        knowers=item.knowers,
        department=item.department,
        version=version,
    )
