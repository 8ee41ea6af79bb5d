"""Decisions (opinions, corrections, signatures), each bound to the revision and content hash it decides.

Signing and checking go through the one verifier (storage.verifier): since the trust anchor a decision signs
the whole decision and needs the signer's key certified by the unit root.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.security import signing
from dingmi_desktop.security.canonical import canonical_json
from dingmi_desktop.security.errors import InvalidInput, NotFound, PermissionDenied
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage import verifier
from dingmi_desktop.storage.records import DecisionRecord, UserInfo, iso, parse_iso

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
            state = self._trust()  # once per transaction, shared with the history reads
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
            **_key_made(state, row),
        )


def _key_made(state: verifier.TrustState, row: t.Decision) -> dict[str, Any]:
    """How and when the signing key was made, from its certificate (shown with the signature badge)."""
    if row.signature is None:
        return {}
    span = state.key_by_cert(row.cert_hash) if row.cert_hash else None
    if span is None:
        return {"key_origin": "pre_trust" if state.rooted else ""}
    return {"key_origin": span.origin, "key_made": parse_iso(span.valid_from)}
