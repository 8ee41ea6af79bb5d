"""Refused actions audited in one place.

A refusal (no permission, bad input, an unknown account…) leaves one audit entry with result 拒绝 and its
reason, written in its own transaction (the refused one rolls back). If that audit write fails, the failure
is raised, never hidden: a refusal that cannot be recorded must not look like a recorded one.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, ParamSpec, Protocol, TypeVar

from dingmi_desktop.security.errors import (
    DingmiError,
    InvalidInput,
    NotFound,
    PasswordPolicyError,
    PermissionDenied,
)
from dingmi_desktop.storage.session import Session

# What a service raises when it refuses (as opposed to failing): each is audited as 拒绝.
REFUSALS: tuple[type[Exception], ...] = (PermissionDenied, InvalidInput, NotFound, PasswordPolicyError)

_AUDITED = "_dingmi_refusal_audited"  # set on an exception once its refusal is in the trail

P = ParamSpec("P")
R = TypeVar("R")


def already_audited(exc: BaseException) -> bool:
    return bool(getattr(exc, _AUDITED, False))


def mark_audited(exc: BaseException) -> None:
    """For code that audits its own refusals (cosign.open_root): outer guards must not audit them again."""
    setattr(exc, _AUDITED, True)


def reason_of(exc: BaseException | str) -> dict[str, str]:
    if isinstance(exc, str):
        return {"原因类别": exc}
    message = exc.message if isinstance(exc, DingmiError) else str(exc)
    return {"原因类别": type(exc).__name__, "原因": message}


def audit_refusal(
    session: Session,
    action: str,
    *,
    object_type: str = "",
    object_id: str = "",
    reason: BaseException | str,
) -> None:
    """One 拒绝 entry in its own transaction. Its own failure propagates to the caller."""
    with session.transaction() as tx:
        tx.audit.append(
            action,
            object_type=object_type,
            object_id=str(object_id),
            result="拒绝",
            detail=reason_of(reason),
        )
    if isinstance(reason, BaseException):
        mark_audited(reason)


@contextmanager
def refusals_audited(
    session: Session,
    action: str,
    *,
    object_type: str = "",
    object_id: str = "",
    refusals: tuple[type[Exception], ...] = REFUSALS,
) -> Iterator[None]:
    """Audits a refusal raised inside the block (once), then re-raises it."""
    try:
        yield
    except refusals as exc:
        if not already_audited(exc):
            audit_refusal(session, action, object_type=object_type, object_id=object_id, reason=exc)
        raise


class _HasSession(Protocol):
    session: Session


def audited_refusals(
    action: str | Callable[[dict[str, Any]], str], *, object_type: str, object_id: str = ""
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorates a service method (``self.session``): refusals are audited under ``action`` (or
    ``action(arguments)``), the object id taken from the parameter named ``object_id`` (or that text)."""

    def wrap(method: Callable[P, R]) -> Callable[P, R]:
        signature = inspect.signature(method)

        @functools.wraps(method)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            named = dict(bound.arguments)
            service: _HasSession = named["self"]
            label = action(named) if callable(action) else action
            target = str(named.get(object_id, object_id)) if object_id else ""
            with refusals_audited(service.session, label, object_type=object_type, object_id=target):
                return method(*args, **kwargs)

        return guarded

    return wrap
