"""A password change or reset SIGKILLed at each step: afterwards exactly one of the old and the new password
opens the account, the one the database agrees with, and the audit trail has the change iff it took effect."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from dingmi_desktop.security.errors import WrongPassword
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.integrity import verify_trail
from dingmi_desktop.storage.store import Store
from tests import clocked
from tests.fixtures.store import DEMO_PASSWORD, TEST_EPOCH

NEW_PASSWORD = "Qx7#mLp2vR9t"

# The child stops at the step named in argv[2] (announcing it), and waits there for the SIGKILL.
CHILD = """
import sys, time
from pathlib import Path
from dingmi_desktop.security.keyslots import SlotFile
from dingmi_desktop.storage import keychange
from dingmi_desktop.storage.store import Store
from dingmi_desktop.services.accounts import AccountService

where, step, op, new = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]

def halt(name):
    if name == step:
        print("AT " + name, flush=True)
        time.sleep(120)

save, mark, promote = SlotFile.save, keychange.mark, SlotFile.promote
def staged_save(self):
    save(self)
    if self.staged:
        halt("slot_file_written")
def marked(orm, username, change):
    mark(orm, username, change)
    halt("before_commit")
def promoting(self, username, share=None):
    halt("after_commit")
    promote(self, username, share)
SlotFile.save, keychange.mark, SlotFile.promote = staged_save, marked, promoting

store = Store.open(where)
if op == "change":
    store.sign_in("zhangsan", "Dingmi@2026").change_password("Dingmi@2026", new)
else:
    AccountService(store.sign_in("sysadmin", "Dingmi@2026")).reset_password("zhangsan", new)
print("DONE", flush=True)
"""


def _changes(store: Store, action: str) -> int:
    with store.orm_transaction() as orm:
        entry = t.AuditEntry
        query = select(func.count()).where(entry.action == action, entry.object_id == "zhangsan")
        return int(orm.scalar(query) or 0)


@pytest.mark.parametrize("op", ["change", "reset"])
@pytest.mark.parametrize("step", ["slot_file_written", "before_commit", "after_commit"])
@pytest.mark.parametrize("losing_first", [True, False])
def test_kill_during_key_change(demo_store, store_dir, clock, op, step, losing_first):
    action = "修改密码" if op == "change" else "重置密码"
    demo_store.sign_in("auditor", DEMO_PASSWORD)
    before = _changes(demo_store, action)
    demo_store.close()
    child = subprocess.Popen(
        [sys.executable, "-c", clocked.prelude(TEST_EPOCH) + CHILD, str(store_dir), step, op, NEW_PASSWORD],
        cwd=clocked.REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stderr is not None
    line = child.stdout.readline().strip()
    if line != f"AT {step}":
        child.kill()
        pytest.fail(f"child did not reach {step}: {line} {child.stderr.read()}")
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    child.stdout.close()
    child.stderr.close()

    clock.advance(minutes=1)  # past the child's entries (its clock ran on while it worked)
    took_effect = step == "after_commit"
    winning, losing = (NEW_PASSWORD, DEMO_PASSWORD) if took_effect else (DEMO_PASSWORD, NEW_PASSWORD)
    with Store.open(store_dir, clock=clock) as store:
        if losing_first:
            with pytest.raises(WrongPassword):
                store.sign_in("zhangsan", losing)
        store.sign_in("zhangsan", winning)
        with pytest.raises(WrongPassword):
            store.sign_in("zhangsan", losing)
        assert store.slots.staged == {}
        assert _changes(store, action) == before + (1 if took_effect else 0)
        with store.orm_transaction() as orm:
            assert verify_trail(orm, store.slots).problems == []
    with Store.open(store_dir, clock=clock) as again:  # the reconciliation was saved
        assert again.slots.staged == {}
        again.sign_in("zhangsan", winning)
