"""Forms with their revisions (decisions: decisions_repo, re-exported here).

A revision no decision refers to is the drafter's working copy: draft saves amend it in place (`amend=True`),
so autosaves do not make the revision number climb. Once a decision refers to a revision (submit, review,
return, approval) it is frozen — a SQL trigger refuses to change it — and the next save appends a revision.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.security.canonical import canonical_json, digest_hex
from dingmi_desktop.security.errors import ConcurrentEdit, NotFound
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.decisions_repo import DecisionRepository
from dingmi_desktop.storage.records import (
    FormIndex,
    FormRecord,
    RevisionRecord,
    UserInfo,
    iso,
    iso_date,
    parse_date,
    parse_iso,
)
from dingmi_desktop.storage.text_search import any_like, fts_phrase, like_pattern

__all__ = ["DecisionRepository", "FormRepository"]  # DecisionRepository: its home before decisions_repo


class FormRepository:
    def __init__(self, orm: OrmSession, actor: UserInfo, clock: Callable[[], datetime]) -> None:
        self._orm, self._actor, self._clock = orm, actor, clock
        # The session's identity map holds rows weakly: keeping the rows this transaction touched lets a
        # load followed by a save read each row once.
        self._held: dict[object, object] = {}
        self._usernames: dict[int, str] = {actor.id: actor.username}

    def _row(self, form_id: int) -> t.Form:
        row = self._orm.get(t.Form, form_id)
        if row is None:
            raise NotFound(f"未找到编号为 {form_id} 的表单。")
        self._held[("form", form_id)] = row
        return row

    def _write_revision(
        self,
        row: t.Form,
        content: dict[str, Any],
        index: FormIndex,
        now: str,
        amended: t.FormRevision | None = None,
    ) -> None:
        body = canonical_json(content).decode("utf-8")
        row.kind, row.title, row.category, row.status = index.kind, index.title, index.category, index.status
        row.department, row.doc_number, row.marking = index.department, index.doc_number, index.marking
        row.declassify_on = iso_date(index.declassify_on)
        row.content_hash = digest_hex(body.encode("utf-8"))
        row.updated_at = now
        self._orm.flush()
        if amended is not None:
            amended.content, amended.content_hash, amended.saved_at = body, row.content_hash, now
        else:
            self._orm.add(
                t.FormRevision(
                    form_id=row.id,
                    revision=row.revision,
                    content=body,
                    content_hash=row.content_hash,
                    saved_by=self._actor.id,
                    saved_at=now,
                )
            )
        conn = self._orm.connection()
        conn.execute(text("DELETE FROM form_search WHERE rowid = :id"), {"id": row.id})
        conn.execute(
            text("INSERT INTO form_search(rowid, title, body) VALUES (:id, :title, :body)"),
            {"id": row.id, "title": f"{index.title} {index.doc_number}", "body": body},
        )

    def create(
        self, content: dict[str, Any], index: FormIndex, *, drafter_id: int | None = None
    ) -> FormRecord:
        """A new form drafted by the actor, or by `drafter_id` when the actor prepares it for a 承办人."""
        now = iso(self._clock())
        drafter = self._actor.id if drafter_id is None else drafter_id
        row = t.Form(drafter_id=drafter, revision=1, created_at=now, updated_at=now, content_hash="")
        self._orm.add(row)
        self._write_revision(row, content, index, now)
        return self._record(row, content)

    def save_revision(
        self,
        form_id: int,
        content: dict[str, Any],
        index: FormIndex,
        *,
        expected_revision: int | None = None,
        expected_hash: str | None = None,
        amend: bool = False,
    ) -> FormRecord:
        """Appends a revision; with `amend`, rewrites the current one instead while it is the actor's own
        and no decision refers to it. `expected_*` stale (another save came first) ⇒ ConcurrentEdit."""
        row = self._row(form_id)
        if expected_revision is not None and expected_revision != row.revision:
            raise ConcurrentEdit()
        if expected_hash is not None and expected_hash != row.content_hash:
            raise ConcurrentEdit()
        current = self._current_revision(row) if amend else None
        if current is not None and (current.saved_by != self._actor.id or self._decided(row)):
            current = None
        if current is None:
            row.revision += 1
        self._write_revision(row, content, index, iso(self._clock()), current)
        return self._record(row, content)

    def _current_revision(self, row: t.Form) -> t.FormRevision:
        key = ("revision", row.id, row.revision)
        held = self._held.get(key)
        if isinstance(held, t.FormRevision):
            return held
        revision = self._orm.scalars(
            select(t.FormRevision).where(
                t.FormRevision.form_id == row.id, t.FormRevision.revision == row.revision
            )
        ).one()
        self._held[key] = revision
        return revision

    def _decided(self, row: t.Form) -> bool:
        """A decision refers to the form's current revision (it is frozen)."""
        query = select(t.Decision.id).where(t.Decision.form_id == row.id, t.Decision.revision == row.revision)
        return self._orm.scalars(query.limit(1)).first() is not None

    def set_status(self, form_id: int, status: str) -> None:
        row = self._row(form_id)
        row.status = status
        row.updated_at = iso(self._clock())

    def get(self, form_id: int) -> FormRecord:
        row = self._row(form_id)
        return self._record(row, json.loads(self._current_revision(row).content))

    def revisions(self, form_id: int) -> list[RevisionRecord]:
        self._row(form_id)
        rows = self._orm.execute(
            select(t.FormRevision, t.User.username)
            .join(t.User, t.User.id == t.FormRevision.saved_by)
            .where(t.FormRevision.form_id == form_id)
            .order_by(t.FormRevision.revision)
        ).all()
        return [
            RevisionRecord(
                r.form_id, r.revision, json.loads(r.content), r.content_hash, name, parse_iso(r.saved_at)
            )
            for r, name in rows
        ]

    def list(
        self,
        *,
        status: str | None = None,
        drafter_id: int | None = None,
        kind: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[FormRecord]:
        query = select(t.Form).order_by(t.Form.updated_at.desc(), t.Form.id.desc())
        if status is not None:
            query = query.where(t.Form.status == status)
        if drafter_id is not None:
            query = query.where(t.Form.drafter_id == drafter_id)
        if kind is not None:
            query = query.where(t.Form.kind == kind)
        query = query.offset(offset)
        if limit is not None:
            query = query.limit(limit)
        return [self._record(row, None) for row in self._orm.scalars(query)]

    def count(self, *, status: str | None = None) -> int:
        query = select(func.count()).select_from(t.Form)
        if status is not None:
            query = query.where(t.Form.status == status)
        return int(self._orm.scalar(query) or 0)

    def search(self, text_query: str, limit: int = 100) -> builtins.list[int]:  # `list` is a method here
        """Form ids whose title, doc number or content contain `text_query` (substring, trigram FTS5)."""
        needle = text_query.strip()
        if not needle:
            return []
        conn = self._orm.connection()
        if len(needle) >= 3:
            sql = "SELECT rowid FROM form_search WHERE form_search MATCH :q ORDER BY rowid DESC LIMIT :n"
            params: dict[str, Any] = {"q": fts_phrase(needle), "n": limit}
        else:  # trigram needs 3 characters; short queries scan
            likes = any_like(("title", "body"), "q")
            sql = f"SELECT rowid FROM form_search WHERE {likes} ORDER BY rowid DESC LIMIT :n"
            params = {"q": like_pattern(needle), "n": limit}
        return [int(r[0]) for r in conn.execute(text(sql), params)]

    def _record(self, row: t.Form, content: dict[str, Any] | None) -> FormRecord:
        drafter = self._usernames.get(row.drafter_id)
        if drafter is None:
            user = self._orm.get(t.User, row.drafter_id)
            drafter = self._usernames[row.drafter_id] = user.username if user else ""
        return FormRecord(
            id=row.id,
            kind=row.kind,
            title=row.title,
            category=row.category,
            status=row.status,
            drafter_id=row.drafter_id,
            drafter=drafter,
            department=row.department,
            doc_number=row.doc_number,
            marking=row.marking,
            declassify_on=parse_date(row.declassify_on),
            revision=row.revision,
            content_hash=row.content_hash,
            content=content,
            created_at=parse_iso(row.created_at),
            updated_at=parse_iso(row.updated_at),
        )
