"""SIGKILL in the middle of writes, at least 50 times: the store and the audit chain stay intact."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dingmi_desktop.storage.integrity import database_problems, verify_trail
from dingmi_desktop.storage.store import Store
from tests import clocked
from tests.fixtures.store import DEMO_PASSWORD, TEST_EPOCH

REPO = Path(__file__).resolve().parents[2]
KILLS = 50

# The child checks the store it finds (what the previous kill left), reports, then writes until killed.
CHILD = """
import sys
from pathlib import Path
from dingmi_desktop.storage import FormIndex, Store
from dingmi_desktop.storage.integrity import database_problems, verify_trail

store = Store.open(Path(sys.argv[1]))
session = store.sign_in("zhangsan", "Dingmi@2026")
with store.orm_transaction() as orm:
    problems = database_problems(orm) + verify_trail(orm, store.slots).problems
with session.transaction() as tx:
    count = tx.forms.count()
print("BAD " + "; ".join(problems) if problems else f"OK {count}", flush=True)
i = 0
while True:
    i += 1
    with session.transaction() as tx:
        index = FormIndex("定密审核单", f"k{i}", "秘密", "草稿")
        rec = tx.forms.create({"i": i, "pad": "x" * (i % 50) * 40}, index)
        tx.audit.append("新建表单", object_type="form", object_id=str(rec.id))
        if i % 3 == 0:
            tx.forms.save_revision(rec.id, {"i": -i}, index)
            tx.decisions.add(rec.id, action="submit", signer=None, role="承办人")
    if i % 10 == 0:
        store.slots.save()  # atomic rewrite of the slot file, also under the kills
"""


@pytest.mark.slow
def test_kill_loop(demo_store, store_dir, clock):
    demo_store.close()
    rng = random.Random(20261128)
    counts: list[int] = []
    for round_no in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", clocked.prelude(TEST_EPOCH) + CHILD, str(store_dir)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        line = child.stdout.readline().strip()
        if not line.startswith("OK "):
            child.kill()
            pytest.fail(f"round {round_no}: {line or child.stderr.read() if child.stderr else ''}")
        counts.append(int(line.split()[1]))
        time.sleep(rng.uniform(0.01, 0.25))
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL
        if child.stderr:
            child.stderr.close()
        child.stdout.close()
    assert counts == sorted(counts) and counts[-1] > counts[0]  # writes happened and were kept

    with Store.open(store_dir, clock=clock) as store:
        store.sign_in("zhangsan", DEMO_PASSWORD)
        with store.orm_transaction() as orm:
            assert database_problems(orm) == []
            report = verify_trail(orm, store.slots)
            assert report.ok, report.problems
            assert report.entries > KILLS
