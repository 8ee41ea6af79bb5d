"""Store figures: KDF as calibrated, one form save (audit + signature), SQLCipher vs plain SQLite.

The KDF is calibrated and timed in a child process: Argon2id takes as much memory as calibration gives it
(64 MiB to 1 GiB, more on faster machines by design), which is the key's strength, not the program's
footprint; it is reported in a note instead of in memory.peak_mib."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.bench.runner import BenchContext
from dingmi_desktop.security.kdf import KdfParams
from dingmi_desktop.security.passwords import PasswordPolicy
from dingmi_desktop.security.signing import Signer, new_private_seed
from dingmi_desktop.storage import schema
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.audit import AuditSigner
from dingmi_desktop.storage.directory import Tx, load_user
from dingmi_desktop.storage.engine import make_engine
from dingmi_desktop.storage.provision import add_key
from dingmi_desktop.storage.records import FormIndex, iso, utc_now

BATCH = 2000


def sample_form(i: int) -> tuple[dict[str, Any], FormIndex]:
    content: dict[str, Any] = {
        "form": "定密审核单",
        "title": f"关于第{i}号项目技术方案的请示",
        "doc_number": f"示〔2026〕{i}号",
        "department": "办公室",
        "category": "秘密",
        "period": {"years": 5},
        "start_date": "2026-11-28",
        "scope": "本单位领导班子成员及项目组",
        "knowers": ["张三", "李四"],
        "basis": {
            "kind": "确定性",
            "reference": "示例事项范围 第2条",
            "text": "示例：重要工作计划中的敏感部署",
        },
        "copies": 5,
        "opinion": f"建议定为秘密级，保密期限5年（{i}）",
    }
    index = FormIndex(
        "定密审核单", content["title"], "秘密", "草稿", "办公室", content["doc_number"], "秘密★5年"
    )
    return content, index


class BenchStore:
    """A minimal store on one engine (keyed or plain): one drafter with a signing key."""

    def __init__(self, path: Path, key: bytes | None) -> None:
        self.engine: Engine = make_engine(path, key)
        schema.upgrade(self.engine)
        self.seed = new_private_seed()
        with OrmSession(self.engine) as orm, orm.begin():
            orm.add(t.SecurityPolicy(id=1, **PasswordPolicy().to_json()))
            now = utc_now()
            user = t.User(
                username="bench",
                display_name="基准",
                active=True,
                created_at=iso(now),
                password_changed_at=iso(now),
            )
            orm.add(user)
            orm.flush()
            add_key(orm, user.id, self.seed, now)
        with OrmSession(self.engine) as orm:
            self.actor = load_user(orm, orm.scalars(select(t.User)).one())
        self.signer = Signer(self.actor.id, "bench", self.seed, utc_now())
        self.audit_signer = AuditSigner("bench", self.seed, "key:1")  # audit entries signed as in a session

    def tx(self) -> Any:
        orm = OrmSession(self.engine, expire_on_commit=False)
        return orm, Tx(orm, self.actor, utc_now, self.audit_signer)

    def populate(self, count: int) -> None:
        done = 0
        while done < count:
            orm, tx = self.tx()
            with orm, orm.begin():
                for i in range(done, min(count, done + BATCH)):
                    content, index = sample_form(i)
                    tx.forms.create(content, index)
            done = min(count, done + BATCH)

    def save_once(self, form_id: int, n: int) -> float:
        """One edited form saved: new revision, signed decision, audit entry, one commit."""
        content, index = sample_form(n)
        start = time.perf_counter()
        orm, tx = self.tx()
        with orm, orm.begin():
            tx.forms.save_revision(form_id, content, index)
            tx.decisions.add(form_id, action="edit", signer=self.signer, role="承办人")
            tx.audit.append("保存表单", object_type="form", object_id=str(form_id))
        return time.perf_counter() - start

    def close(self) -> None:
        self.engine.dispose()


def workload(store: BenchStore, saves: int) -> float:
    start = time.perf_counter()
    for n in range(saves):
        store.save_once(1 + n % 50, n)
    orm, tx = store.tx()
    with orm, orm.begin():
        tx.forms.list(limit=50)
        tx.forms.search("技术方案")
    return time.perf_counter() - start


_KDF_CHILD = """
import json, sys
from dingmi_desktop.bench.runner import median_of
from dingmi_desktop.security.kdf import calibrate, time_derivation
target, repetitions = sys.argv[1], int(sys.argv[2])
params = calibrate() if target == "default" else calibrate(float(target))
seconds = median_of(lambda: time_derivation(params), repetitions)
print(json.dumps({"params": params.to_json(), "seconds": seconds}))
"""


def kdf_in_child(kdf_target: float | None, repetitions: int) -> tuple[KdfParams, float]:
    """(calibrated parameters, median seconds of one derivation), measured in a child process."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    target = "default" if kdf_target is None else repr(kdf_target)
    done = subprocess.run(
        [sys.executable, "-c", _KDF_CHILD, target, str(repetitions)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    answer = json.loads(done.stdout)
    return KdfParams.from_json(answer["params"]), float(answer["seconds"])


def run(ctx: BenchContext, *, stored_forms: int | None = None, kdf_target: float | None = None) -> None:
    workdir = Path(ctx.workdir) / "store-bench"
    workdir.mkdir(parents=True, exist_ok=True)

    params, kdf_seconds = kdf_in_child(kdf_target, ctx.repetitions)
    ctx.record("unlock.kdf_s", kdf_seconds)
    ctx.notes.append(
        f"Argon2id 校准参数：{params.memory_kib // 1024} MiB，{params.time_cost} 轮"
        "（在子进程中测量，这部分内存不计入 memory.peak_mib）"
    )

    count = stored_forms if stored_forms is not None else ctx.stored_forms
    ctx.sizes["store.forms"] = count
    main = BenchStore(workdir / "main.db", b"\x42" * 32)
    started = time.perf_counter()
    main.populate(count)
    ctx.notes.append(f"写入 {count} 份表单用时 {time.perf_counter() - started:.1f} 秒")
    saves = [main.save_once(1 + n % max(1, min(count, 100)), n) for n in range(20 if ctx.quick else 60)]
    ctx.record("store.form_save_s", statistics.median(saves))
    main.close()

    ratio_samples: list[float] = []
    cipher = BenchStore(workdir / "ratio-cipher.db", b"\x24" * 32)
    plain = BenchStore(workdir / "ratio-plain.db", None)
    cipher.populate(60)
    plain.populate(60)
    for _ in range(ctx.repetitions):
        plain_s = workload(plain, 40)
        cipher_s = workload(cipher, 40)
        ratio_samples.append(cipher_s / plain_s)
    cipher.close()
    plain.close()
    ctx.record("store.sqlcipher_vs_sqlite_ratio", statistics.median(ratio_samples))
