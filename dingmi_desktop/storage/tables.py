"""Typed ORM tables. Times are ISO-8601 UTC text: the exact string that hashes and signatures cover."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Meta(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Unit(Base):
    __tablename__ = "unit"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    authority: Mapped[str] = mapped_column(String(8))  # highest level the unit may classify
    authorisation_record: Mapped[str] = mapped_column(Text, default="")  # 授权记录 (who granted, when, ref)


class Department(Base):
    __tablename__ = "departments"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[str] = mapped_column(String(40))
    password_changed_at: Mapped[str] = mapped_column(String(40))


class UserKey(Base):
    """Every public key a user ever had: old decisions verify against the key of their time."""

    __tablename__ = "user_keys"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    valid_from: Mapped[str] = mapped_column(String(40))


class RoleGrant(Base):
    __tablename__ = "role_grants"
    __table_args__ = (UniqueConstraint("user_id", "role"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    officer_kind: Mapped[str | None] = mapped_column(String(8))  # 法定 / 指定 for 定密责任人
    highest_level: Mapped[str | None] = mapped_column(String(8))
    term_until: Mapped[str | None] = mapped_column(String(10))
    trained_on: Mapped[str | None] = mapped_column(String(10))
    granted_at: Mapped[str] = mapped_column(String(40))
    remit: Mapped[str | None] = mapped_column(Text)  # JSON list of departments / matters (Reg 15)


class Form(Base):
    __tablename__ = "forms"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    title: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(8), index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    drafter_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    department: Mapped[str] = mapped_column(String(200), default="")
    doc_number: Mapped[str] = mapped_column(String(100), default="")
    marking: Mapped[str] = mapped_column(String(100), default="")
    declassify_on: Mapped[str | None] = mapped_column(String(10), index=True)
    revision: Mapped[int] = mapped_column(default=1)
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40), index=True)
    # Since 0015: the item's current terms after an approved change or extension (JSON, domain Terms);
    # NULL while the decided revision's terms are in force.
    current_terms: Mapped[str | None] = mapped_column(Text, nullable=True)


class FormRevision(Base):
    __tablename__ = "form_revisions"
    __table_args__ = (UniqueConstraint("form_id", "revision"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("forms.id"))
    revision: Mapped[int]
    content: Mapped[str] = mapped_column(Text)  # canonical interchange JSON of the domain Form
    content_hash: Mapped[str] = mapped_column(String(64))
    saved_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    saved_at: Mapped[str] = mapped_column(String(40))


class Decision(Base):
    """Opinions, corrections and signatures; signed rows are checked by audit verification."""

    __tablename__ = "decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("forms.id"), index=True)
    revision: Mapped[int]
    content_hash: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(16))
    actor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    opinion: Mapped[str] = mapped_column(Text, default="")
    corrections: Mapped[str | None] = mapped_column(Text)  # canonical JSON or NULL
    time: Mapped[str] = mapped_column(String(40))
    key_id: Mapped[int | None] = mapped_column(ForeignKey("user_keys.id"))
    signature: Mapped[bytes | None] = mapped_column(LargeBinary(64))
    # Since 0005 a signature covers the whole decision (storage.decision_sig): NULL on older rows.
    status_before: Mapped[str | None] = mapped_column(String(16))
    status_after: Mapped[str | None] = mapped_column(String(16))
    prev_hash: Mapped[str | None] = mapped_column(String(64))  # the form's previous decision
    cert_hash: Mapped[str | None] = mapped_column(String(64))  # the signer's key certificate


class Certificate(Base):
    """The chained certificates of the unit trust anchor (security.trust); append-only since 0005."""

    __tablename__ = "certificates"
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    subject_user_id: Mapped[int | None] = mapped_column(index=True)
    payload: Mapped[str] = mapped_column(Text)  # canonical JSON, exactly the signed bytes
    signature: Mapped[bytes] = mapped_column(LargeBinary(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class CatalogScope(Base):
    """保密事项范围 (or the unit's own 一览表 source)."""

    __tablename__ = "catalog_scopes"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text)
    sample: Mapped[bool] = mapped_column(default=False)  # 示例: not a real catalog


class CatalogList(Base):
    __tablename__ = "catalog_lists"
    id: Mapped[int] = mapped_column(primary_key=True)
    scope_id: Mapped[int] = mapped_column(ForeignKey("catalog_scopes.id"), index=True)
    code: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text)


class CatalogItem(Base):
    __tablename__ = "catalog_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("catalog_lists.id"), index=True)
    code: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(8))
    period_text: Mapped[str] = mapped_column(String(100), default="")
    # Since 0011: 知悉范围, 产生部门, and the versions that added and retired the item.
    knowers: Mapped[str] = mapped_column(Text, default="", server_default="")
    department: Mapped[str] = mapped_column(String(200), default="", server_default="")
    from_version: Mapped[int] = mapped_column(default=1, server_default="1")
    retired_in: Mapped[int | None] = mapped_column(nullable=True)


class CatalogVersion(Base):
    """One version of the 依据库 (since 0011), in force from `effective_from`; append-only (triggers)."""

    __tablename__ = "catalog_versions"
    number: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    effective_from: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    actor: Mapped[str] = mapped_column(String(64), default="", server_default="")
    recorded_at: Mapped[str] = mapped_column(String(40), default="", server_default="")


class LifecycleForm(Base):
    """Since 0015: a decision form changing, declassifying or extending a decided item (domain.lifecycle)."""

    __tablename__ = "lifecycle_forms"
    form_id: Mapped[int] = mapped_column(ForeignKey("forms.id"), primary_key=True, autoincrement=False)
    item_form_id: Mapped[int] = mapped_column(ForeignKey("forms.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # 变更 / 解密 / 延长 / 公开解密
    reason: Mapped[str] = mapped_column(Text)
    basis: Mapped[str] = mapped_column(Text)
    old_terms: Mapped[str] = mapped_column(Text)  # JSON of the terms in force when the draft was opened
    new_terms: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON of the terms decided
    opened_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    opened_at: Mapped[str] = mapped_column(String(40))
    applied_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"), nullable=True)
    decided_by: Mapped[str] = mapped_column(String(200), default="", server_default="")


class LifecycleNotice(Base):
    """Since 0015: who must be notified in writing of an applied lifecycle decision, and when they were."""

    __tablename__ = "lifecycle_notices"
    __table_args__ = (UniqueConstraint("form_id", "source", "person"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("lifecycle_forms.form_id"), index=True)
    source: Mapped[str] = mapped_column(String(8))  # 知悉范围 / 知悉人员
    person: Mapped[str] = mapped_column(Text)
    notified_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    recorded_at: Mapped[str | None] = mapped_column(String(40), nullable=True)


class PrintRecord(Base):
    __tablename__ = "print_records"
    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("forms.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(8))  # 印制 / 复印
    copies_from: Mapped[int]
    copies_to: Mapped[int]
    pages: Mapped[int]
    time: Mapped[str] = mapped_column(String(40))
    printer: Mapped[str] = mapped_column(String(200), default="", server_default="")  # since 0003
    # Since 0009: the audit chain head and unit root fingerprint printed on the sheet.
    head_seq: Mapped[int | None] = mapped_column(nullable=True)
    head_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    root: Mapped[str | None] = mapped_column(String(40), nullable=True)


class CopyEvent(Base):
    """What became of printed copies (since 0010): 分发 / 收回 / 销毁; append-only (triggers)."""

    __tablename__ = "copy_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    print_id: Mapped[int] = mapped_column(ForeignKey("print_records.id"), index=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("forms.id"))
    kind: Mapped[str] = mapped_column(String(8))
    copies_from: Mapped[int]
    copies_to: Mapped[int]
    party: Mapped[str] = mapped_column(String(200), default="", server_default="")
    witness: Mapped[str] = mapped_column(String(200), default="", server_default="")
    event_date: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[str] = mapped_column(String(40))


class Filing(Base):
    """A 备案 / 报备 to the superior (since 0012): the canonical content (the items and counts sent), its
    digest, and once the 定密责任人 signs, the signature, the key's certificate and the audit head printed
    on the covering sheet. Drafts are signed in place; a signed row is final (triggers)."""

    __tablename__ = "filings"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # 备案 / 报备
    period_from: Mapped[str] = mapped_column(String(10))
    period_to: Mapped[str] = mapped_column(String(10))
    superior: Mapped[str] = mapped_column(String(200))
    item_count: Mapped[int]
    content: Mapped[str] = mapped_column(Text)  # canonical JSON
    content_digest: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(8))  # 草稿 / 已签发
    prepared_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[str] = mapped_column(String(40))
    signer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    signed_at: Mapped[str | None] = mapped_column(String(40))
    signature: Mapped[bytes | None] = mapped_column(LargeBinary)
    cert_hash: Mapped[str | None] = mapped_column(String(64))
    key_id: Mapped[int | None] = mapped_column(ForeignKey("user_keys.id"))
    head_seq: Mapped[int | None]
    head_hash: Mapped[str | None] = mapped_column(String(128))
    root: Mapped[str | None] = mapped_column(String(64))


class SecurityPolicy(Base):
    __tablename__ = "security_policy"
    id: Mapped[int] = mapped_column(primary_key=True)
    min_length: Mapped[int]
    require_classes: Mapped[int]
    max_age_days: Mapped[int]
    lock_after_failures: Mapped[int]
    lock_minutes: Mapped[int]
    idle_lock_minutes: Mapped[int]


class Setting(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditEntry(Base):
    """Append-only; `hash` covers the canonical bytes of every other column plus `prev_hash`."""

    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    time: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    object_type: Mapped[str] = mapped_column(String(32), default="")
    object_id: Mapped[str] = mapped_column(String(64), default="")
    result: Mapped[str] = mapped_column(String(16))
    detail: Mapped[str] = mapped_column(Text, default="{}")
    algorithm: Mapped[str] = mapped_column(String(8))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # Since 0009: the acting user's signature over the entry (prev_hash included) and which key made it
    # (a key certificate hash, or "key:<user_keys.id>" for a key the root has not certified).
    signature: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    signer: Mapped[str | None] = mapped_column(String(80), nullable=True)


Index("ix_decisions_actor", Decision.actor_id)
# The queues list a user's forms, or all forms in a state, newest first: covering indexes avoid a sort.
Index("ix_forms_drafter_status_updated", Form.drafter_id, Form.status, Form.updated_at, Form.id)
Index("ix_forms_status_updated", Form.status, Form.updated_at, Form.id)


class RegisterEntry(Base):
    """The register (定密台账), one row per form on it; written only by the triggers of migration 0007
    (storage/register_sql.py), read by storage/register_repo.py."""

    __tablename__ = "register_entries"
    form_id: Mapped[int] = mapped_column(ForeignKey("forms.id"), primary_key=True, autoincrement=False)
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    doc_number: Mapped[str] = mapped_column(String(100))
    department: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(8))
    marking: Mapped[str] = mapped_column(String(100))
    period_form: Mapped[str] = mapped_column(String(8))
    period_value: Mapped[str] = mapped_column(Text)
    start_date: Mapped[str] = mapped_column(String(10))
    declassify_on: Mapped[str | None] = mapped_column(String(10))
    declassify_condition: Mapped[str] = mapped_column(Text)
    scope: Mapped[str] = mapped_column(Text)
    basis: Mapped[str] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(4))
    status: Mapped[str] = mapped_column(String(16))
    copies: Mapped[int]
    drafter_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    drafter: Mapped[str] = mapped_column(String(64))
    officer: Mapped[str] = mapped_column(String(64))
    decided_at: Mapped[str] = mapped_column(String(40))
    draft_opinion: Mapped[str] = mapped_column(Text)
    opinions: Mapped[str] = mapped_column(Text)


_REGISTER_SORTED = (
    "title kind doc_number department category marking period_form period_value start_date declassify_on "
    "declassify_condition scope basis origin status copies drafter officer decided_at drafter_id"
)
for _column in _REGISTER_SORTED.split():
    Index(f"ix_register_{_column}", getattr(RegisterEntry, _column), RegisterEntry.form_id)


class KnowerGrant(Base):
    """A person added to an item's 知悉人员 after approval (since 0013): 待批准 → 已批准 (机密/绝密, signed by
    the 定密责任人) or 已登记 at once (秘密); never deleted, frozen once decided (triggers)."""

    __tablename__ = "knower_grants"
    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("forms.id"), index=True)
    person: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(Text)
    level: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(8))
    requested_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    requested_at: Mapped[str] = mapped_column(String(40))
    approver_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    approved_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    opinion: Mapped[str] = mapped_column(Text, default="", server_default="")
    key_id: Mapped[int | None] = mapped_column(nullable=True)
    cert_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    signature: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)


class AnnualReview(Base):
    """One item of a year's review worklist (年度审核, since 0013); the outcome is signed and final."""

    __tablename__ = "annual_reviews"
    __table_args__ = (UniqueConstraint("year", "form_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int]
    form_id: Mapped[int] = mapped_column(ForeignKey("forms.id"))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)  # None: any officer
    category: Mapped[str] = mapped_column(String(8))
    outcome: Mapped[str] = mapped_column(String(4), default="", server_default="")
    opinion: Mapped[str] = mapped_column(Text, default="", server_default="")
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    decided_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    draft_form_id: Mapped[int | None] = mapped_column(nullable=True)
    created_at: Mapped[str] = mapped_column(String(40))
    key_id: Mapped[int | None] = mapped_column(nullable=True)
    cert_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    signature: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)


Index(
    "ix_annual_reviews_year_officer",
    AnnualReview.year,
    AnnualReview.officer_id,
    AnnualReview.outcome,
    AnnualReview.id,
)
Index("ix_annual_reviews_year_outcome", AnnualReview.year, AnnualReview.outcome, AnnualReview.id)
Index("ix_annual_reviews_year_id", AnnualReview.year, AnnualReview.id)


# The expiry pass (migration 0014): its candidates are one range over (status, 解密日).
Index("ix_forms_status_declassify_on", Form.status, Form.declassify_on)


class Expiry(Base):
    """An item's 解密 by the expiry pass or a confirmed condition; the key makes it once (append-only)."""

    __tablename__ = "expiries"
    form_id: Mapped[int] = mapped_column(ForeignKey("forms.id"), primary_key=True, autoincrement=False)
    declassified_on: Mapped[str] = mapped_column(String(10))  # the day the period ended / condition confirmed
    how: Mapped[str] = mapped_column(String(16))  # domain.expiry.How
    recorded_at: Mapped[str] = mapped_column(String(40))
    recorded_by: Mapped[str] = mapped_column(String(64))
    evidence: Mapped[str] = mapped_column(Text)  # 条件成就: the officer's typed evidence; "" otherwise


class ExpiryPass(Base):
    """Every run of the expiry pass; the latest completed one is the watermark of the clock (append-only)."""

    __tablename__ = "expiry_passes"
    id: Mapped[int] = mapped_column(primary_key=True)
    ran_at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(16))  # 完成 / 待确认 / 时钟倒退
    expired: Mapped[int]


Index("ix_expiry_passes_outcome_ran_at", ExpiryPass.outcome, ExpiryPass.ran_at)
