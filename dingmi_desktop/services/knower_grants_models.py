"""Values of the widening of the circle (扩大知悉范围): a grant as lists show it, an item's knower list, and
a person the circle was widened to (what the lifecycle's notice list joins)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.storage.signed_records import GRANT_APPROVED, GRANT_RECORDED, NEEDS_APPROVAL

PENDING, APPROVED, RECORDED = "待批准", GRANT_APPROVED, GRANT_RECORDED  # the last two: storage.signed_records


@dataclass(frozen=True)
class GrantedKnower:
    """A person the item's circle was widened to (approved, or recorded for 秘密)."""

    grant_id: int
    person: str
    added_at: datetime  # approval (or recording) time, UTC
    approved_by: str  # display name of the approving officer; "" for a recorded 秘密 addition
    reason: str


@dataclass(frozen=True)
class KnowerGrantView:
    id: int
    form_id: int
    person: str
    reason: str
    level: str
    status: str
    requested_by: str
    requested_at: datetime
    approved_by: str
    approved_at: datetime | None
    opinion: str
    signature_valid: bool | None  # None: not signed (pending, or a 秘密 recording)

    @property
    def shown_status(self) -> str:
        """The status as lists show it: an approval without a valid signature is flagged, never counted."""
        if self.status == APPROVED and self.signature_valid is not True:
            return f"{APPROVED}（签名无效，不计入）"
        if self.status == RECORDED and Category(self.level) in NEEDS_APPROVAL:
            return f"{RECORDED}（未经批准，不计入）"
        return self.status

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "form_id": self.form_id,
            "person": self.person,
            "reason": self.reason,
            "level": self.level,
            "status": self.status,
            "shown_status": self.shown_status,
            "requested_by": self.requested_by,
            "requested_at": self.requested_at.isoformat(),
            "approved_by": self.approved_by,
            "approved_at": self.approved_at.isoformat() if self.approved_at else None,
            "opinion": self.opinion,
            "signature_valid": self.signature_valid,
        }


@dataclass(frozen=True)
class KnowerList:
    form_id: int
    level: str
    original: tuple[str, ...]  # the 知悉人员 of the decided form
    grants: list[KnowerGrantView]  # every addition, pending ones included, oldest first

    def to_json(self) -> dict[str, object]:
        return {
            "form_id": self.form_id,
            "level": self.level,
            "original": list(self.original),
            "grants": [g.to_json() for g in self.grants],
        }
