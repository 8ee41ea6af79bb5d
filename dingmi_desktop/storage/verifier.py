"""The one verifier: whether a key, a grant, the unit's authority, a decision and a form's status are genuine.

Everything here is decided from the certificate chain (storage.certs) and the signed decisions; the
`user_keys` / `role_grants` rows and the key-slot header are caches, compared but never trusted.
`audit verify`, `check`, the history badge and `verify-sheet` all call this module, so they agree.
A store made before the trust anchor (no root) is verified by the old rule (signature under the key row).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.domain import index_terms
from dingmi_desktop.domain.categories import LEVEL_NAMES
from dingmi_desktop.domain.lifecycle import LifecycleKind, Terms
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.domain.stored_form import decode
from dingmi_desktop.domain.workflow_types import Status
from dingmi_desktop.security import signing, trust
from dingmi_desktop.security.canonical import canonical_json, digest_hex
from dingmi_desktop.storage import pretrust
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.certs import load_chain, root_public_key
from dingmi_desktop.storage.records import iso_date
from dingmi_desktop.storage.register_sql import REGISTER_STATUSES
from dingmi_desktop.storage.remit_check import outside_remit

DECIDED = Status.DECIDED.value
DECLASSIFIED = Status.DECLASSIFIED.value
CHANGING_KINDS = (LifecycleKind.CHANGE.value, LifecycleKind.EXTEND.value)
DECIDING_ACTIONS = ("approve", "record_superior_decision", "record_escalation_reply")


@dataclass
class KeySpan:
    user_id: int
    public_key: bytes
    valid_from: str
    cert_hash: str
    origin: str
    until: str | None = None

    def covers(self, time: str) -> bool:
        return self.valid_from <= time and (self.until is None or time < self.until)


@dataclass
class GrantSpan:
    user_id: int
    body: dict[str, Any]
    cert_hash: str
    revoked_at: str | None = None

    def covers(self, time: str) -> bool:
        if not (self.body["at"] <= time and (self.revoked_at is None or time < self.revoked_at)):
            return False
        term = self.body.get("term_until")
        return term is None or time[:10] <= term


@dataclass
class TrustState:
    root: bytes | None
    problems: list[str] = field(default_factory=list)
    keys: dict[int, list[KeySpan]] = field(default_factory=dict)
    grants: dict[int, list[GrantSpan]] = field(default_factory=dict)
    authority: str | None = None
    unit_name: str | None = None
    head: tuple[int, str] = (0, trust.GENESIS)
    # Founding on a store made before the anchor: the root certified its signed decisions and decided
    # forms as they were ({"decisions": {id: digest}, "forms": {id: [status, revision, hash]}}).
    pre_trust: dict[str, Any] = field(default_factory=dict)

    @property
    def rooted(self) -> bool:
        return self.root is not None

    def current_key(self, user_id: int) -> KeySpan | None:
        spans = self.keys.get(user_id, [])
        return spans[-1] if spans and spans[-1].until is None else None

    def key_by_cert(self, cert_hash: str | None) -> KeySpan | None:
        for spans in self.keys.values():
            for span in spans:
                if span.cert_hash == cert_hash:
                    return span
        return None

    def grant_at(self, user_id: int, role: str, time: str) -> GrantSpan | None:
        for span in reversed(self.grants.get(user_id, [])):
            if span.body["role"] == role and span.covers(time):
                return span
        return None


def _apply(state: TrustState, cert: trust.Certificate, by_hash: dict[str, GrantSpan]) -> str | None:
    """Adds one verified certificate to the state; a reason when it does not fit the chain's meaning."""
    body = cert.body
    if cert.kind == "user_key":
        spans = state.keys.setdefault(int(body["user_id"]), [])
        if spans and spans[-1].until is None:
            spans[-1].until = body["created_at"]
        spans.append(
            KeySpan(
                int(body["user_id"]),
                trust.unb64(body["public_key"]),
                body["created_at"],
                cert.hash,
                body["origin"],
            )
        )
    elif cert.kind == "key_change":
        current = state.current_key(int(body["user_id"]))
        if current is None or current.public_key != trust.unb64(body["old_public_key"]):
            return "更换密钥的声明不是由该用户当时有效的密钥签署"
        current.until = body["at"]
        state.keys[current.user_id].append(
            KeySpan(
                current.user_id, trust.unb64(body["new_public_key"]), body["at"], cert.hash, current.origin
            )
        )
    elif cert.kind == "grant":
        span = GrantSpan(int(body["user_id"]), body, cert.hash)
        state.grants.setdefault(span.user_id, []).append(span)
        by_hash[cert.hash] = span
    elif cert.kind == "revoke":
        target = by_hash.get(body["grant"])
        if target is None:
            return "撤销的授权证书不存在"
        target.revoked_at = body["at"]
    elif cert.kind == "authority":
        state.authority, state.unit_name = body["highest_level"], body["unit_name"]
        state.pre_trust = body.get("pre_trust") or state.pre_trust
    return None


def load_trust(orm: OrmSession, header_root: bytes | None = None) -> TrustState:
    """The chain checked link by link (seq, prev, hash, signature); a bad certificate is named and ignored."""
    state = TrustState(root_public_key(orm))
    if header_root is not None and state.root is not None and header_root != state.root:
        state.problems.append("密钥槽文件中的单位信任根与数据库登记的不一致（可能被篡改）")
    if state.root is None:
        return state
    by_hash: dict[str, GrantSpan] = {}
    prev, expected = trust.GENESIS, 1
    for row in load_chain(orm):
        name = f"证书 {row.seq}（{row.kind}）"
        try:
            cert = trust.parse_payload(row.payload.encode("utf-8"), row.signature)
        except (ValueError, KeyError, TypeError):
            state.problems.append(f"{name}格式无效（被改动）")
            continue
        if cert.seq != expected or cert.prev != prev:
            state.problems.append(f"{name}与前一证书不相连：证书链中有记录被删除、插入或改动")
        expected, prev = cert.seq + 1, cert.hash
        if row.hash != cert.hash or row.kind != cert.kind or not cert.verify(state.root):
            state.problems.append(f"{name}的签名无效：不是由单位信任根（或原密钥）签发，已不予采信")
            continue
        try:
            reason = _apply(state, cert, by_hash)
        except (KeyError, ValueError, TypeError):
            reason = "内容不完整"
        if reason:
            state.problems.append(f"{name}：{reason}")
        state.head = (cert.seq, cert.hash)
    return state


# ---- decisions ----
def decision_bytes(row: t.Decision, actor: str) -> bytes:
    """What a decision signs since 0005: the whole decision, its place in the form's history, the signer."""
    return canonical_json(
        {
            "format": "dingmi-decision-2",
            "form_id": row.form_id,
            "revision": row.revision,
            "content_hash": row.content_hash,
            "action": row.action,
            "role": row.role,
            "opinion": row.opinion,
            "corrections": json.loads(row.corrections) if row.corrections else None,
            "status_before": row.status_before,
            "status_after": row.status_after,
            "prev_hash": row.prev_hash,
            "cert_hash": row.cert_hash,
            "actor": actor,
            "time": row.time,
        }
    )


def decision_hash(row: t.Decision) -> str:
    """Links a form's decisions: the next decision signs this."""
    fields = {
        name: getattr(row, name)
        for name in ("form_id", "revision", "content_hash", "action", "role", "actor_id", "opinion")
    }
    fields |= {"corrections": row.corrections, "time": row.time, "status_after": row.status_after}
    fields |= {"prev_hash": row.prev_hash, "signature": (row.signature or b"").hex()}
    return digest_hex(canonical_json(fields))


def _legacy_bytes(row: t.Decision, actor: str) -> bytes:
    payload = {
        "form_id": row.form_id,
        "revision": row.revision,
        "action": row.action,
        "role": row.role,
        "opinion": row.opinion,
        "corrections": json.loads(row.corrections) if row.corrections else None,
    }
    return signing.decision_bytes(row.content_hash, payload, actor, row.time)


def _level_covers(highest: str | None, category: str) -> bool:
    if category not in LEVEL_NAMES:
        return True
    return highest in LEVEL_NAMES and LEVEL_NAMES.index(highest) <= LEVEL_NAMES.index(category)


def check_decision(
    orm: OrmSession, state: TrustState, row: t.Decision, actor: str, content: str | None
) -> str | None:
    """None when the decision is genuine (or unsigned); else why not, in Chinese."""
    if row.signature is None:
        return None
    if content is None or digest_hex(content.encode("utf-8")) != row.content_hash:
        return f"所签的表单 {row.form_id} 第 {row.revision} 版内容被改动"
    if not state.rooted or row.cert_hash is None:
        if state.rooted and not pretrust.signed_before_root(orm, state, row):
            return "签名不是按本数据存储的规则（覆盖整个决定与签名人证书）作出的"
        key = orm.get(t.UserKey, row.key_id) if row.key_id is not None else None
        if key is None or key.user_id != row.actor_id:
            return "签名密钥不存在或不属于签名人"
        return (
            None if signing.verify(key.public_key, _legacy_bytes(row, actor), row.signature) else "签名无效"
        )
    span = state.key_by_cert(row.cert_hash)
    if span is None or span.user_id != row.actor_id:
        return "签名人的密钥没有单位信任根签发的有效证书"
    if not span.covers(row.time):
        return "签名时签名人的密钥不在有效期内"
    if not signing.verify(span.public_key, decision_bytes(row, actor), row.signature):
        return "签名无效：记录被改动或冒签"
    grant = state.grant_at(row.actor_id, row.role, row.time)
    if grant is None:
        return f"签名人当时没有经单位信任根授予的“{row.role}”角色"
    if row.role == Role.OFFICER and row.action == "approve" and row.status_after == DECIDED:
        category = str(json.loads(content).get("category", ""))
        if not _level_covers(grant.body.get("highest_level"), category):
            return f"签名人的定密权限（{grant.body.get('highest_level')}）不足以确定{category}级"
        if not _level_covers(state.authority, category):
            return f"本单位经认证的定密权限（{state.authority}）不足以确定{category}级"
        outside = outside_remit(grant.body, json.loads(content))
        if outside:
            return outside
    return None


def decision_rows(orm: OrmSession, form_id: int | None = None) -> list[Any]:
    query = (
        select(t.Decision, t.User.username, t.FormRevision.content)
        .join(t.User, t.User.id == t.Decision.actor_id)
        .outerjoin(
            t.FormRevision,
            (t.FormRevision.form_id == t.Decision.form_id) & (t.FormRevision.revision == t.Decision.revision),
        )
        .order_by(t.Decision.form_id, t.Decision.id)
    )
    if form_id is not None:
        query = query.where(t.Decision.form_id == form_id)
    return list(orm.execute(query).all())


def check_form(
    orm: OrmSession, state: TrustState, form: t.Form, rows: list[Any], *, with_index: bool = True
) -> list[str]:
    """Links between the form's decisions, its status against the decisions that justify it, and its index
    columns (`with_index`; the whole-store pass checks those in one query, index_problems)."""
    problems: list[str] = []
    prev = ""
    for row, _, _ in rows:
        if row.status_after is not None and row.prev_hash is not None and row.prev_hash != prev:
            problems.append(f"表单 {form.id} 的决定记录 {row.id} 之前的决定记录被删除或改动")
        prev = decision_hash(row)
    if not state.rooted:
        return problems
    if with_index:
        problems.extend(index_problems(orm, form.id))
    if form.status != DECIDED:
        return problems
    changes = [(r, actor, content) for r, actor, content in rows if r.status_after is not None]
    newest = orm.scalar(
        select(t.FormRevision.revision)
        .where(t.FormRevision.form_id == form.id)
        .order_by(t.FormRevision.revision.desc())
        .limit(1)
    )
    if not changes and pretrust.decided_before_root(state, form, newest):
        return problems  # decided before the root was founded, as the founding certified it
    last = changes[-1] if changes else None
    if last is None or last[0].status_after != DECIDED or last[0].action not in DECIDING_ACTIONS:
        problems.append(f"表单 {form.id} 的状态为已定密，但没有对应的定密决定（状态被改动或决定被删除）")
        return problems
    row, actor, content = last
    if row.signature is None or check_decision(orm, state, row, actor, content) is not None:
        problems.append(f"表单 {form.id} 的状态为已定密，但其定密决定（记录 {row.id}）没有有效签名")
    if form.revision != row.revision or newest != row.revision or form.content_hash != row.content_hash:
        problems.append(f"表单 {form.id} 的现行版本不是定密决定（记录 {row.id}）所批准的第 {row.revision} 版")
    return problems


_INDEXED = (
    t.Form.id,
    t.Form.kind,
    t.Form.title,
    t.Form.category,
    t.Form.status,
    t.Form.department,
    t.Form.doc_number,
    t.Form.marking,
    t.Form.declassify_on,
    t.Form.current_terms,
    t.FormRevision.content,
)


@dataclass(frozen=True)
class _Applied:
    """An item's last applied lifecycle decision form: its kind, the terms it recorded, its current revision
    (which check_form of that form verifies against its signed decision)."""

    form_id: int
    kind: str
    new_terms: Any
    content: str | None


def _applied(orm: OrmSession, item_id: int | None) -> dict[int, _Applied]:
    last = (
        select(t.LifecycleForm.item_form_id, func.max(t.LifecycleForm.decision_id).label("decision_id"))
        .where(t.LifecycleForm.decision_id.is_not(None))
        .group_by(t.LifecycleForm.item_form_id)
    )
    if item_id is not None:
        last = last.where(t.LifecycleForm.item_form_id == item_id)
    newest = last.subquery()
    query = (
        select(t.LifecycleForm, t.FormRevision.content)
        .join(newest, newest.c.decision_id == t.LifecycleForm.decision_id)
        .join(t.Form, t.Form.id == t.LifecycleForm.form_id)
        .outerjoin(
            t.FormRevision,
            (t.FormRevision.form_id == t.Form.id) & (t.FormRevision.revision == t.Form.revision),
        )
    )
    return {
        row.item_form_id: _Applied(row.form_id, row.kind, json.loads(row.new_terms or "null"), content)
        for row, content in orm.execute(query)
    }


def index_problems(orm: OrmSession, form_id: int | None = None) -> list[str]:
    """Register items' index columns (what the register, the statistics, the filing and the expiry pass
    read) against the signed revision, or the terms an applied lifecycle decision put in force; and a
    已解密 item's declassification on record. `form_id` None: every item, in one streamed pass."""
    decision_forms = select(t.LifecycleForm.form_id)
    expired = select(t.Expiry.form_id)
    query = (
        select(*_INDEXED)
        .join(
            t.FormRevision,
            (t.FormRevision.form_id == t.Form.id) & (t.FormRevision.revision == t.Form.revision),
            isouter=True,
        )
        .where(t.Form.status.in_(REGISTER_STATUSES), t.Form.id.not_in(decision_forms))
        .order_by(t.Form.id)
    )
    if form_id is not None:
        query = query.where(t.Form.id == form_id)
        expired = expired.where(t.Expiry.form_id == form_id)
    applied = _applied(orm, form_id)
    on_record = set(orm.scalars(expired))
    problems: list[str] = []
    for row in orm.execute(query.execution_options(yield_per=1000)):
        problems.extend(_item_problems(row, applied.get(row.id), row.id in on_record))
    return problems


def _item_problems(row: Any, applied: _Applied | None, expired: bool) -> list[str]:
    if row.content is None:
        return [f"表单 {row.id} 的现行版本缺失"]
    signed = decode(json.loads(row.content))
    problems: list[str] = []
    stored = json.loads(row.current_terms) if row.current_terms else None
    if stored is not None:
        expected = index_terms.of_current_terms(stored)
        if applied is None or applied.new_terms != stored:
            problems.append(f"表单 {row.id} 的现行密级和期限没有对应的已生效变更、解密或延长决定（被改动）")
        elif applied.kind in CHANGING_KINDS and applied.content is not None:
            decided = decode(json.loads(applied.content))
            terms = Terms.from_json(stored)
            if (terms.category, terms.period, terms.scope) != (
                decided.category,
                decided.period,
                decided.scope,
            ):
                problems.append(
                    f"表单 {row.id} 的现行密级和期限与决定单 {applied.form_id} 批准的不一致（被改动）"
                )
    else:
        if applied is not None:
            problems.append(f"表单 {row.id} 的变更、解密或延长决定已生效，但其现行密级和期限缺失（被改动）")
        expected = index_terms.of_form(signed)
    columns = {
        "密级": (row.category, expected.category),
        "国家秘密标志": (row.marking, expected.marking),
        "解密日期": (row.declassify_on, iso_date(expected.declassify_on)),
        "标题": (row.title, signed.title),
        "文种": (row.kind, signed.form.value),
        "文号": (row.doc_number, signed.doc_number),
        "部门": (row.department, signed.department),
    }
    differ = [name for name, (column, wanted) in columns.items() if column != wanted]
    if differ:
        problems.append(f"表单 {row.id} 的{'、'.join(differ)}与其签名内容不一致（被改动）")
    if row.status == DECLASSIFIED and not (expired or (stored and stored.get("declassified_on"))):
        problems.append(f"表单 {row.id} 的状态为已解密，但没有到期解密记录或解密决定（状态被改动）")
    return problems


def verify_decisions(orm: OrmSession, state: TrustState) -> tuple[int, list[str]]:
    """(decisions checked, problems) over the whole store."""
    problems: list[str] = []
    by_form: dict[int, list[Any]] = {}
    count = 0
    for row, actor, content in decision_rows(orm):
        count += 1
        by_form.setdefault(row.form_id, []).append((row, actor, content))
        reason = check_decision(orm, state, row, actor, content)
        if reason:
            problems.append(f"决定记录 {row.id}（表单 {row.form_id}）：{reason}")
    for form in orm.scalars(select(t.Form).order_by(t.Form.id)):
        problems.extend(check_form(orm, state, form, by_form.get(form.id, []), with_index=False))
    if state.rooted:
        problems.extend(index_problems(orm))
    return count, problems


def verify_cached_rows(orm: OrmSession, state: TrustState, header_authority: str | None) -> list[str]:
    """The caches the UI reads must agree with the certified data."""
    if not state.rooted:
        return []
    problems: list[str] = []
    unit = orm.get(t.Unit, 1)
    if state.authority is None:
        problems.append("没有经单位信任根认证的本单位定密权限")
    else:
        if unit is not None and unit.authority != state.authority:
            problems.append(
                f"数据库中的本单位定密权限（{unit.authority}）与认证的（{state.authority}）不一致"
            )
        if header_authority is not None and header_authority != state.authority:
            problems.append(
                f"密钥槽文件中的本单位定密权限（{header_authority}）与认证的（{state.authority}）不一致（被改动）"
            )
    for user in orm.scalars(select(t.User).order_by(t.User.id)):
        certified = {(g.body["role"]) for g in state.grants.get(user.id, []) if g.revoked_at is None}
        rows = orm.scalars(select(t.RoleGrant.role).where(t.RoleGrant.user_id == user.id))
        for role in rows:
            if role not in certified:
                problems.append(
                    f"用户 {user.username} 的角色“{role}”没有经单位信任根签发的授权（可能被私自添加）"
                )
    return problems
