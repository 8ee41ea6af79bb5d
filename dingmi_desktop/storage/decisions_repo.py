"""Decisions (opinions, corrections, signatures), each bound to the revision and content hash it decides."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.security import signing
from dingmi_desktop.security.canonical import canonical_json, digest_hex
from dingmi_desktop.security.errors import InvalidInput, NotFound, PermissionDenied
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.records import DecisionRecord, UserInfo, VerifyReport, iso, parse_iso


def _decision_payload(row: t.Decision) -> dict[str, Any]:
    return {
        "form_id": row.form_id,
        "revision": row.revision,
        "action": row.action,
        "role": row.role,
        "opinion": row.opinion,
        "corrections": json.loads(row.corrections) if row.corrections else None,
    }


def _signed_bytes(row: t.Decision, actor: str) -> bytes:
    return signing.decision_bytes(row.content_hash, _decision_payload(row), actor, row.time)


def _content_matches(row: t.Decision, content: str | None) -> bool:
    """The stored revision still hashes to what the decision signed (an edited revision does not)."""
    return content is not None and digest_hex(content.encode("utf-8")) == row.content_hash


class DecisionRepository:
    def __init__(self, orm: OrmSession, actor: UserInfo, clock: Callable[[], datetime]) -> None:
        self._orm, self._actor, self._clock = orm, actor, clock

    def add(
        self,
        form_id: int,
        *,
        action: str,
        signer: signing.Signer | None,
        role: str,
        opinion: str = "",
        corrections: dict[str, Any] | None = None,
    ) -> DecisionRecord:
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
        if signer is not None:
            if signer.user_id != self._actor.id:
                raise PermissionDenied("签名须由当前用户本人重新输入密码完成。")
            key = self._current_key(self._actor.id)
            if key.public_key != signer.public_key:
                raise PermissionDenied("签名密钥与登记的公钥不一致，请重新登录。")
            row.key_id = key.id
            row.signature = signer.sign(_signed_bytes(row, self._actor.username))
        self._orm.add(row)
        self._orm.flush()
        return self._record(row, self._actor.username)

    def actors_of(self, form_id: int, actions: tuple[str, ...]) -> frozenset[int]:
        """Who recorded any of `actions` on this form (e.g. its reviewers, who may not also approve it)."""
        return frozenset(
            self._orm.scalars(
                select(t.Decision.actor_id).where(
                    t.Decision.form_id == form_id, t.Decision.action.in_(actions)
                )
            )
        )

    def for_form(self, form_id: int) -> list[DecisionRecord]:
        """A signature counts as valid only while the revision it signed still has the signed content."""
        rows = self._orm.execute(
            select(t.Decision, t.User.username, t.FormRevision.content)
            .join(t.User, t.User.id == t.Decision.actor_id)
            .outerjoin(
                t.FormRevision,
                (t.FormRevision.form_id == t.Decision.form_id)
                & (t.FormRevision.revision == t.Decision.revision),
            )
            .where(t.Decision.form_id == form_id)
            .order_by(t.Decision.id)
        ).all()
        records = []
        for row, name, content in rows:
            record = self._record(row, name)
            if record.signature_valid and not _content_matches(row, content):
                record = dataclasses.replace(record, signature_valid=False)
            records.append(record)
        return records

    def _current_key(self, user_id: int) -> t.UserKey:
        return self._orm.scalars(
            select(t.UserKey).where(t.UserKey.user_id == user_id).order_by(t.UserKey.id.desc()).limit(1)
        ).one()

    def _valid(self, row: t.Decision, actor: str) -> bool | None:
        if row.signature is None:
            return None
        key = self._orm.get(t.UserKey, row.key_id) if row.key_id is not None else None
        if key is None or key.user_id != row.actor_id:
            return False
        return signing.verify(key.public_key, _signed_bytes(row, actor), row.signature)

    def _record(self, row: t.Decision, actor: str) -> DecisionRecord:
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
            signature_valid=self._valid(row, actor),
        )

    def verify_all(self, report: VerifyReport) -> None:
        """Every signed decision: signature valid and bound to the stored content of its revision."""
        rows = self._orm.execute(
            select(t.Decision, t.User.username, t.FormRevision.content)
            .join(t.User, t.User.id == t.Decision.actor_id)
            .outerjoin(
                t.FormRevision,
                (t.FormRevision.form_id == t.Decision.form_id)
                & (t.FormRevision.revision == t.Decision.revision),
            )
            .order_by(t.Decision.id)
        ).all()
        for row, actor, content in rows:
            report.decisions += 1
            if self._valid(row, actor) is False:
                report.problems.append(f"决定记录 {row.id}（表单 {row.form_id}）的签名无效：记录被改动或冒签")
            elif row.signature is not None and (
                content is None or digest_hex(content.encode("utf-8")) != row.content_hash
            ):
                report.problems.append(
                    f"决定记录 {row.id} 所签的表单 {row.form_id} 第 {row.revision} 版内容被改动"
                )
