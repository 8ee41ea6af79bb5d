"""Bulk generator of decided items for the bench and the 100,000-item acceptance run.

The workflow makes an item in dozens of statements with a signature per decision; 100,000 of them would take
an hour. This writes the same tables in one transaction with executemany: the decided form, its revision,
the form's own search row and one approving decision; then each batch's register rows by the very SELECT the
register triggers run (storage.register_sql.row_select), whose insert fires the existing FTS5 trigger and
notes the row for the index of characters and pairs, which the transaction's commit fills
(storage.register_grams). The tests compare the result with a recomputation and an FTS rebuild, as for items
made by the workflow.

These items are bench data, never decisions: the approval is unsigned and says so in its opinion, so `audit
verify` and `check` report every one of them on any store with a trust root ("已定密，但其定密决定没有有效
签名"). And the generator only writes into a store that `bench_store` made for the bench, in the system's
temporary directory, marked in `meta`; any other store is refused.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from dingmi_desktop.bench.bulk_content import ItemContent, item_content
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.domain.workflow_types import Status
from dingmi_desktop.security.canonical import canonical_json, digest_hex
from dingmi_desktop.security.kdf import KdfParams
from dingmi_desktop.services.demo import build_demo
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.records import iso
from dingmi_desktop.storage.register_sql import INSERT_COLUMNS, row_select
from dingmi_desktop.storage.store import Store

BENCH_MARK_KEY = "bench_data"
BENCH_MARK = "基准测试生成的数据，不是真实的定密决定"
BENCH_NOTE = "（基准测试生成，未签名，不是真实的定密决定）"
DRAFTERS = ("zhangsan", "zhaoliu")
OFFICER = "wangwu"
CHUNK = 5000
BULK_CACHE_KIB = 256 * 1024
YEARS_BACK = 5  # decisions spread over the five years before the clock's now


class BenchStoreRefused(Exception):
    """The generator was pointed at a store not made for the bench."""


def _in_temp_dir(path: Path) -> bool:
    return Path(tempfile.gettempdir()).resolve() in Path(path).resolve().parents


def bench_store(data_dir: Path, clock: Callable[[], datetime]) -> Store:
    """A new demo store (real users, keys and trust root) marked as bench data; only under the temp dir."""
    if not _in_temp_dir(data_dir):
        raise BenchStoreRefused(
            f"基准数据只能写入系统临时目录（{tempfile.gettempdir()}）下新建的数据目录，"
            f"不能写入 {data_dir}：请换用临时目录。"
        )
    store = build_demo(data_dir, kdf=KdfParams.FLOOR, clock=clock)
    with store.orm_transaction() as orm:
        orm.add(t.Meta(key=BENCH_MARK_KEY, value=BENCH_MARK))
    return store


def check_bench_store(store: Store) -> None:
    """Refuses (BenchStoreRefused, in Chinese) a store that `bench_store` did not make."""
    with store.orm_transaction() as orm:
        marked = orm.get(t.Meta, BENCH_MARK_KEY) is not None
    if not marked or not _in_temp_dir(store.data_dir):
        raise BenchStoreRefused(
            f"{store.data_dir} 不是为基准测试新建的数据目录，拒绝写入生成的定密事项："
            "生成的数据没有签名，写入真实数据会被审计校验报告为伪造。请用 `dingmi bench` 自建的临时数据目录。"
        )


def _user_ids(orm: Any, names: tuple[str, ...]) -> list[int]:
    rows = dict(orm.execute(select(t.User.username, t.User.id).where(t.User.username.in_(names))).all())
    return [rows[name] for name in names]


def generate(store: Store, count: int, *, clock: Callable[[], datetime], seed: int = 2026) -> range:
    """Writes `count` decided items into the bench store in one transaction; returns their form ids."""
    check_bench_store(store)
    rng = random.Random(seed)
    now = clock()
    span_minutes = YEARS_BACK * 365 * 24 * 60
    with store.orm_transaction() as orm:
        drafters = _user_ids(orm, DRAFTERS)
        (officer,) = _user_ids(orm, (OFFICER,))
        first = int(orm.scalar(select(func.max(t.Form.id))) or 0) + 1
        cursor = orm.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        # The per-row refresh triggers compute each row three times over (form, revision, decision); the
        # same SELECT run once over the whole batch is 1.5x cheaper. They are set aside inside this
        # transaction and restored verbatim from sqlite_master before it commits (a failure rolls both back).
        refresh = cursor.execute(_REFRESH_TRIGGERS).fetchall()
        for name, _ in refresh:
            cursor.execute(f"DROP TRIGGER {name}")
        # The register's and the forms' secondary indexes (the SELECT below reads neither) are built once
        # from sorted data after the load instead of row by row.
        indexes = cursor.execute(_INDEXES).fetchall()
        cache = cursor.execute("PRAGMA cache_size").fetchone()[0]
        cursor.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")  # fewer pages spilled and re-encrypted
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {name}")
        for start in range(first, first + count, CHUNK):
            ids = range(start, min(first + count, start + CHUNK))
            batch: list[list[tuple[Any, ...]]] = [[], [], [], []]
            for form_id in ids:
                decided = now - timedelta(minutes=rng.randint(60, span_minutes))
                item = item_content(rng, form_id, decided, BENCH_NOTE)
                item_rows = _rows(item, form_id, drafters[form_id % len(drafters)], officer, rng)
                for into, row in zip(batch, item_rows, strict=True):
                    into.append(row)
            for sql, rows in zip(_INSERTS, batch, strict=True):
                cursor.executemany(sql, rows)
            # the register rows by the triggers' own SELECT; register_fts_ins indexes each one
            cursor.execute(_REGISTER_ROWS, (ids.start, ids.stop - 1))
        for _, sql in indexes + refresh:
            cursor.execute(sql)
        cursor.execute(f"PRAGMA cache_size = {int(cache)}")
    return range(first, first + count)


_FORM_COLUMNS = (
    "id, kind, title, category, status, drafter_id, department, doc_number, marking, declassify_on, "
    "revision, content_hash, created_at, updated_at"
)
_DECISION_COLUMNS = (
    "form_id, revision, content_hash, action, role, actor_id, opinion, time, status_before, status_after"
)
# key_id, signature, prev_hash and cert_hash stay NULL: an unsigned approval, reported by verification
_REFRESH_TRIGGERS = (
    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name <> 'register_entries' "
    "AND name LIKE 'register%' ORDER BY name"
)
_REGISTER_ROWS = (
    f"INSERT INTO register_entries ({INSERT_COLUMNS}) {row_select('f.id')} AND f.id BETWEEN ? AND ?"
)
_INDEXES = (
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN "
    "('forms', 'register_entries') ORDER BY name"
)
_INSERTS = (
    f"INSERT INTO forms ({_FORM_COLUMNS}) VALUES ({', '.join('?' * 14)})",
    "INSERT INTO form_revisions (form_id, revision, content, content_hash, saved_by, saved_at) "
    "VALUES (?, 1, ?, ?, ?, ?)",
    "INSERT INTO form_search (rowid, title, body) VALUES (?, ?, ?)",
    f"INSERT INTO decisions ({_DECISION_COLUMNS}) VALUES (?, 1, ?, 'approve', ?, ?, ?, ?, ?, ?)",
)


def _rows(
    item: ItemContent, form_id: int, drafter: int, officer: int, rng: random.Random
) -> tuple[tuple[Any, ...], ...]:
    """The rows of one item for _INSERTS: form, revision, search row, approving decision."""
    body = canonical_json(item.content).decode("utf-8")
    digest = digest_hex(body.encode("utf-8"))
    created = iso(item.decided_at - timedelta(minutes=rng.randint(30, 60 * 24 * 20)))
    decided = iso(item.decided_at)
    form = (
        form_id,
        item.kind,
        item.title,
        item.category,
        Status.DECIDED.value,
        drafter,
        item.department,
        item.doc_number,
        item.marking,
        item.declassify_on,
        1,
        digest,
        created,
        decided,
    )
    revision = (form_id, body, digest, drafter, created)
    search = (form_id, f"{item.title} {item.doc_number}", body)
    decision = (
        form_id,
        digest,
        Role.OFFICER.value,
        officer,
        item.officer_opinion,
        decided,
        Status.AWAITING_APPROVAL.value,
        Status.DECIDED.value,
    )
    return form, revision, search, decision
