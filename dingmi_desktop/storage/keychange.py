"""Key changes that survive a crash at any point: the slot file and the database move together.

A password change or reset (1) seals the new slot and saves it *beside* the one in force (staged, with a
random change id), (2) commits the database change with its audit entry and a marker row holding that id,
(3) promotes the staged slot. A kill between (1) and (2) leaves the marker absent: the staged slot is dropped
at the next sign-in and the old password still works. A kill between (2) and (3) leaves the marker present:
the staged slot is promoted at the next sign-in. Both slots unwrap until then, so nobody is locked out.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.security.errors import DingmiError
from dingmi_desktop.security.keyslots import Slot, SlotFile
from dingmi_desktop.storage import tables as t

log = logging.getLogger("dingmi_desktop")
MARKER = "slot_change:"


def mark(orm: OrmSession, username: str, change: str) -> None:
    """In the transaction of the change: the database now says which staged slot is the true one."""
    orm.merge(t.Meta(key=(MARKER + username)[:64], value=change))
    orm.flush()


@contextlib.contextmanager
def staged(slots: SlotFile, username: str, slot: Slot, share: bytes | None = None) -> Iterator[str]:
    """Stages `slot` (saved before the body runs), yields its change id for mark(); promotes after the body
    (which commits the database change), drops it when the body fails."""
    change = slots.stage(username, slot)
    try:
        slots.save()
    except BaseException:
        slots.drop_staged(username)
        raise
    try:
        yield change
    except BaseException:
        slots.drop_staged(username)
        with contextlib.suppress(DingmiError, OSError):
            slots.save()  # if this fails too, the next sign-in drops it (no marker in the database)
        raise
    slots.promote(username, share)
    try:
        slots.save()
    except (DingmiError, OSError):
        log.warning("key change of %s committed; slot promotion deferred to the next sign-in", username)


def reconcile(orm: OrmSession, slots: SlotFile) -> dict[str, bool]:
    """Promotes each staged slot whose marker is in the database, drops the others (the caller saves).
    Returns user -> whether the change had taken effect."""
    outcome: dict[str, bool] = {}
    for username, (change, _) in sorted(slots.staged.items()):
        row = orm.get(t.Meta, (MARKER + username)[:64])
        took_effect = row is not None and row.value == change
        if took_effect:
            slots.promote(username)
        else:
            slots.drop_staged(username)
        outcome[username] = took_effect
    return outcome


def behind_in(meta: dict[str, str], slots: SlotFile) -> dict[str, str]:
    """Users whose slot in force is older than the last key change the database recorded (a slot file
    restored from an older copy brings back a password since changed) -> that change's id. `meta`: the
    meta rows read by the caller (keys other than the markers are ignored)."""
    found = {key[len(MARKER) :]: value for key, value in meta.items() if key.startswith(MARKER)}
    return {
        user: change
        for user, change in found.items()
        if user in slots.slots and user not in slots.staged and slots.applied.get(user) != change
    }
