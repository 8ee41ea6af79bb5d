"""Forms with every saved revision kept, and decisions signed over the content they decide."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.security import signing
from dingmi_desktop.security.canonical import canonical_json, digest_hex
from dingmi_desktop.security.errors import ConcurrentEdit, InvalidInput, NotFound, PermissionDenied
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage import verifier
from dingmi_desktop.storage.records import (
    DecisionRecord,
    FormIndex,
    FormRecord,
    RevisionRecord,
    UserInfo,
    iso,
    iso_date,
    parse_date,
    parse_iso,
)


class FormRepository:
    def __init__(self, orm: OrmSession, actor: UserInfo, clock: Callable[[], datetime]) -> None:
        self._orm, self._actor, self._clock = orm, actor, clock

    def _row(self, form_id: int) -> t.Form:
        row = self._orm.get(t.Form, form_id)
        if row is None:
            raise NotFound(f"未找到编号为 {form_id} 的表单。")
        return row

    def _write_revision(self, row: t.Form, content: dict[str, Any], index: FormIndex, now: str) -> None:
        body = canonical_json(content).decode("utf-8")
        row.kind, row.title, row.category, row.status = index.kind, index.title, index.category, index.status
        row.department, row.doc_number, row.marking = index.department, index.doc_number, index.marking
        row.declassify_on = iso_date(index.declassify_on)
        row.content_hash = digest_hex(body.encode("utf-8"))
        row.updated_at = now
        self._orm.flush()
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

    def create(self, content: dict[str, Any], index: FormIndex) -> FormRecord:
        now = iso(self._clock())
        row = t.Form(drafter_id=self._actor.id, revision=1, created_at=now, updated_at=now, content_hash="")
        self._orm.add(row)
        self._write_revision(row, content, index, now)
        return self._record(row, content)

    def save_revision(
        self, form_id: int, content: dict[str, Any], index: FormIndex, *, expected_revision: int | None = None
    ) -> FormRecord:
        row = self._row(form_id)
        if expected_revision is not None and expected_revision != row.revision:
            raise ConcurrentEdit()
        row.revision += 1
        self._write_revision(row, content, index, iso(self._clock()))
        return self._record(row, content)

    def set_status(self, form_id: int, status: str) -> None:
        row = self._row(form_id)
        row.status = status
        row.updated_at = iso(self._clock())

    def get(self, form_id: int) -> FormRecord:
        row = self._row(form_id)
        rev = self._orm.scalars(
            select(t.FormRevision).where(
                t.FormRevision.form_id == form_id, t.FormRevision.revision == row.revision
            )
        ).one()
        return self._record(row, json.loads(rev.content))

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

    def search(self, text_query: str, limit: int = 100) -> list[int]:
        """Form ids whose title, doc number or content contain `text_query` (substring, trigram FTS5)."""
        needle = text_query.strip()
        if not needle:
            return []
        conn = self._orm.connection()
        if len(needle) >= 3:
            phrase = '"' + needle.replace('"', '""') + '"'
            sql = "SELECT rowid FROM form_search WHERE form_search MATCH :q ORDER BY rowid DESC LIMIT :n"
            params: dict[str, Any] = {"q": phrase, "n": limit}
        else:  # trigram needs 3 characters; short queries scan
            escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            sql = (
                "SELECT rowid FROM form_search WHERE title LIKE :q ESCAPE '\\' OR body LIKE :q ESCAPE '\\' "
                "ORDER BY rowid DESC LIMIT :n"
            )
            params = {"q": f"%{escaped}%", "n": limit}
        return [int(r[0]) for r in conn.execute(text(sql), params)]

    def _record(self, row: t.Form, content: dict[str, Any] | None) -> FormRecord:
        drafter = self._orm.get(t.User, row.drafter_id)
        return FormRecord(
            id=row.id,
            kind=row.kind,
            title=row.title,
            category=row.category,
            status=row.status,
            drafter_id=row.drafter_id,
            drafter=drafter.username if drafter else "",
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


UNCONFIRMED_KEY = "密钥尚未经第二名三员当面确认，不能签名"


class DecisionRepository:
    def __init__(self, orm: OrmSession, actor: UserInfo, clock: Callable[[], datetime]) -> None:
        self._orm, self._actor, self._clock = orm, actor, clock
        self._state: verifier.TrustState | None = None

    def add(
        self,
        form_id: int,
        *,
        action: str,
        signer: signing.Signer | None,
        role: str,
        opinion: str = "",
        corrections: dict[str, Any] | None = None,
        status_before: str | None = None,
        status_after: str | None = None,
    ) -> DecisionRecord:
        """A decision; signed ones since the trust anchor need the signer's key certified (confirmed)."""
        form = self._orm.get(t.Form, form_id)
        if form is None:
            raise NotFound(f"未找到编号为 {form_id} 的表单。")
        if not action:
            raise InvalidInput("决定的动作不能为空。")
        row = t.Decision(
            form_id=form_id,
            revision=form.revision,
            content_hash=form.content_hash,
            action=action,
            role=role,
            actor_id=self._actor.id,
            opinion=opinion,
            corrections=canonical_json(corrections).decode("utf-8") if corrections is not None else None,
            time=iso(self._clock()),
        )
        row.status_before = status_before or form.status
        row.status_after = status_after or form.status
        previous = self._orm.scalars(
            select(t.Decision).where(t.Decision.form_id == form_id).order_by(t.Decision.id.desc()).limit(1)
        ).first()
        row.prev_hash = verifier.decision_hash(previous) if previous is not None else ""
        if signer is not None:
            if signer.user_id != self._actor.id:
                raise PermissionDenied("签名须由当前用户本人重新输入密码完成。")
            key = self._current_key(self._actor.id)
            if key.public_key != signer.public_key:
                raise PermissionDenied("签名密钥与登记的公钥不一致，请重新登录。")
            state = verifier.load_trust(self._orm)
            if state.rooted:
                span = state.current_key(self._actor.id)
                if span is None or span.public_key != signer.public_key:
                    raise PermissionDenied(UNCONFIRMED_KEY)
                row.cert_hash = span.cert_hash
            else:
                row.status_before = row.status_after = row.prev_hash = None  # the old rule, no root yet
            row.key_id = key.id
            row.signature = signer.sign(
                verifier.decision_bytes(row, self._actor.username)
                if state.rooted
                else verifier._legacy_bytes(row, self._actor.username)
            )
        self._orm.add(row)
        self._orm.flush()
        return self._record(row, self._actor.username, self._trust())

    def for_form(self, form_id: int) -> list[DecisionRecord]:
        """`signature_valid` is the one verifier's answer (storage.verifier), with the form's status."""
        state = self._trust()
        rows = verifier.decision_rows(self._orm, form_id)
        form = self._orm.get(t.Form, form_id)
        status_problems = verifier.check_form(self._orm, state, form, rows) if form is not None else []
        records = []
        for row, name, content in rows:
            record = self._record(row, name, state, content)
            if record.signature_valid and status_problems and row.status_after == verifier.DECIDED:
                record = dataclasses.replace(record, signature_valid=False)
            records.append(record)
        return records

    def _trust(self) -> verifier.TrustState:
        if self._state is None:
            self._state = verifier.load_trust(self._orm)
        return self._state

    def _current_key(self, user_id: int) -> t.UserKey:
        return self._orm.scalars(
            select(t.UserKey).where(t.UserKey.user_id == user_id).order_by(t.UserKey.id.desc()).limit(1)
        ).one()

    def _record(
        self, row: t.Decision, actor: str, state: verifier.TrustState, content: str | None = None
    ) -> DecisionRecord:
        if content is None:
            content = self._orm.scalar(
                select(t.FormRevision.content).where(
                    t.FormRevision.form_id == row.form_id, t.FormRevision.revision == row.revision
                )
            )
        valid = (
            None
            if row.signature is None
            else verifier.check_decision(self._orm, state, row, actor, content) is None
        )
        return DecisionRecord(
            id=row.id,
            form_id=row.form_id,
            revision=row.revision,
            content_hash=row.content_hash,
            action=row.action,
            role=row.role,
            actor_id=row.actor_id,
            actor=actor,
            opinion=row.opinion,
            corrections=json.loads(row.corrections) if row.corrections else None,
            time=parse_iso(row.time),
            signed=row.signature is not None,
            signature_valid=valid,
        )
