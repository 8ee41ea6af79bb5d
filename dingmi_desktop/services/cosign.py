"""Using the unit trust root: the acting 三员 and a second 三员, both present, each typing a password.

Each 三员's key slot holds a share of the root (security.trust); two shares unwrap the root seed, which
signs the certificate and is then dropped. A refusal (no co-signer, wrong password, not a 三员) is audited.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dingmi_desktop.domain.roles import Role
from dingmi_desktop.security import trust
from dingmi_desktop.security.errors import (
    AccountLocked,
    DingmiError,
    NotFound,
    PermissionDenied,
    WrongPassword,
)
from dingmi_desktop.services.refusals import mark_audited
from dingmi_desktop.storage.session import Session

THREE = (Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR)
COSIGNER_REQUIRED = "此操作须由第二名三员当面确认：请提供 --cosigner（第二名三员的用户名与密码）"


class CosignerRequired(PermissionDenied):
    default_message = COSIGNER_REQUIRED + "。"


@dataclass(frozen=True)
class CoSign:
    """The acting 三员's own password typed again, and the second 三员's user name and password."""

    password: str = field(repr=False)
    cosigner: str
    cosigner_password: str = field(repr=False)


@dataclass(frozen=True)
class RootUse:
    seed: bytes = field(repr=False)
    confirmed_by: list[str]


def open_root(
    session: Session, cosign: CoSign | None, *, action: str, object_type: str, object_id: str
) -> RootUse:
    """The root seed for one certificate, or the audited refusal (result 失败 for a wrong password)."""
    try:
        return _open(session, cosign)
    except DingmiError as exc:
        failed = isinstance(exc, (WrongPassword, AccountLocked, trust.TrustError))
        detail = {"原因": exc.message, "第二名三员": cosign.cosigner if cosign else ""}
        with session.transaction() as tx:
            tx.audit.append(
                action,
                object_type=object_type,
                object_id=object_id,
                result="失败" if failed else "拒绝",
                detail=detail,
            )
        mark_audited(exc)  # outer refusal guards must not audit it twice
        raise


def _open(session: Session, cosign: CoSign | None) -> RootUse:
    if cosign is None or not cosign.cosigner.strip():
        raise CosignerRequired()
    store, actor = session.store, session.user.username
    slots = store.slots
    if slots.root_public_key is None:
        raise trust.TrustError("本数据存储建立于单位信任根之前，没有信任根，无法签发证书。")
    name = cosign.cosigner.strip()
    if name == actor:
        raise PermissionDenied("第二名三员须是另一名三员本人，不能由当前用户兼任：请填写另一名三员的用户名。")
    with session.transaction() as tx:
        try:
            other = tx.users.by_username(name)
        except NotFound:
            other = None
    if other is None or not other.active or not other.roles & set(THREE):
        raise PermissionDenied(
            f"{name} 不是在用的三员账户，不能作为第二名三员确认：请由另一名三员输入其用户名和密码。"
        )
    shares: dict[str, bytes] = {}
    for who, password, label in (
        (actor, cosign.password, "当前用户"),
        (name, cosign.cosigner_password, "第二名三员"),
    ):
        slots.forget_share(who)
        try:
            store.unwrap_checked(who, password)
        except WrongPassword as exc:
            raise WrongPassword(
                f"{label} {who} 的密码错误。", attempts_left=exc.attempts_left, lock_minutes=exc.lock_minutes
            ) from exc
        share = slots.share_after_unwrap(who)
        slots.forget_share(who)
        if share is None:
            raise trust.TrustError(
                f"{who} 的密钥槽中没有单位信任根份额（其密码曾被他人重置），不能参与确认：请换另一名三员。"
            )
        shares[who] = share
    for who in shares:
        slots.record_success(who)
    assert slots.root_public_key is not None
    seed = trust.unwrap_root(slots.root_wraps, slots.store_id, slots.root_public_key, shares)
    return RootUse(seed, sorted(shares))
