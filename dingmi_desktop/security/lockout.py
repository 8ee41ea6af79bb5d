"""Sign-in failures and lockouts, kept in the key-slot file (a wrong password decrypts nothing).

An unknown user name is counted and locked exactly like a real one, under a salted hash of the name (people
type passwords into the name field: the name itself is never stored) and audited as 未知账户. Entries waiting
for the audit trail are numbered by a counter that only grows; the database mirrors it at each sign-in
(storage.slot_guard), so a slot file rolled back or stripped of entries is noticed.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from dingmi_desktop.security.errors import AccountLocked

MAX_PENDING = 1000  # bounds the file if someone hammers the login
MAX_UNKNOWN = 1000  # lock states kept for unknown names
UNKNOWN_ACTOR = "未知账户"
UNKNOWN_PREFIX = "?"


@dataclass
class LockState:
    failures: int = 0
    locked_until: str | None = None


class LockoutMixin:
    if TYPE_CHECKING:
        slots: dict[str, Any]
        lock_states: dict[str, LockState]
        lock_after_failures: int
        lock_minutes: int
        pending_audit: list[dict[str, str]]
        pending_next: int
        name_salt: bytes

        def save(self) -> None: ...

    def lock_key(self, username: str) -> str:
        """The name itself for an account; a salted hash for anything else typed into the name field."""
        if username in self.slots:
            return username
        digest = hmac.new(self.name_salt, username.encode("utf-8", "replace"), hashlib.sha256).hexdigest()
        return UNKNOWN_PREFIX + digest[:24]

    def check_not_locked(self, username: str, now: datetime) -> None:
        until = self.locked_until(username, now)
        if until is not None:
            raise AccountLocked(until - now)

    def locked_until(self, username: str, now: datetime) -> datetime | None:
        """When this name's lockout ends, or None when it is not locked out at ``now``."""
        state = self.lock_states.get(self.lock_key(username))
        if state is None or not state.locked_until:
            return None
        until = datetime.fromisoformat(state.locked_until)
        return until if until > now else None

    def attempts_left(self, username: str) -> int:
        state = self.lock_states.get(self.lock_key(username))
        return max(0, self.lock_after_failures - (state.failures if state else 0))

    def unlock(self, username: str) -> None:
        """Clears the lockout and the failure count (an administrator's decision; the caller audits and
        saves)."""
        self.lock_states.pop(username, None)

    def record_failure(self, username: str, now: datetime) -> None:
        """Counts one failure (persisted), for an unknown name too; raises AccountLocked when this failure
        reaches the limit."""
        key = self.lock_key(username)
        known = key == username
        if not known:
            self._prune_unknown(now)
        state = self.lock_states.setdefault(key, LockState())
        if state.locked_until and datetime.fromisoformat(state.locked_until) <= now:
            state.failures, state.locked_until = 0, None  # the lock ran out: count afresh
        state.failures += 1
        locked = state.failures >= self.lock_after_failures
        actor = username if known else UNKNOWN_ACTOR
        self.note(now, actor, "登录失败", "失败", subject=key)
        if locked:
            state.locked_until = (now + timedelta(minutes=self.lock_minutes)).isoformat()
            self.note(now, actor, "账户锁定", "成功", subject=key)
        self.save()
        if locked:
            raise AccountLocked(timedelta(minutes=self.lock_minutes))

    def _prune_unknown(self, now: datetime) -> None:
        unknown = [k for k in self.lock_states if k.startswith(UNKNOWN_PREFIX)]
        if len(unknown) < MAX_UNKNOWN:
            return
        for key in unknown:
            until = self.lock_states[key].locked_until
            if not until or datetime.fromisoformat(until) <= now:
                del self.lock_states[key]

    def note(self, now: datetime, actor: str, action: str, result: str, *, subject: str = "") -> None:
        """An entry for the audit trail, appended at the next sign-in, numbered by the pending counter."""
        if len(self.pending_audit) < MAX_PENDING:
            entry = {"n": str(self.pending_next), "time": now.isoformat(), "actor": actor}
            entry |= {"action": action, "result": result, "subject": subject or actor}
            self.pending_audit.append(entry)
            self.pending_next += 1

    def record_success(self, username: str) -> None:
        if username in self.lock_states:
            del self.lock_states[username]
            self.save()
