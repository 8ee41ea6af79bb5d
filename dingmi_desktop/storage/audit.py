"""The append-only audit trail: each entry hashed (SHA-256 or SM3) over its canonical bytes and the
previous entry's hash, so an edited, deleted, reordered or inserted entry breaks the chain.

Since 0009 an entry written in a user's session is also signed with that user's key over the same bytes
(prev_hash included): an insider who rewrites an entry and recomputes every later hash cannot redo the
other users' signatures (storage.verifier checks them)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.security import signing
from dingmi_desktop.security.canonical import HASH_ALGORITHMS, canonical_json, digest_hex
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.records import AuditRecord, VerifyReport, iso, parse_iso

GENESIS = "0" * 64
NEW_CERTIFICATE = "dingmi.new_certificate"  # set by storage.certs when a certificate is appended
CERTIFICATE_KEY = "证书"  # the audit detail naming the newest certificate: "<seq>:<hash>"
ALGORITHM_SETTING = "audit.hash_algorithm"


def entry_bytes(row: t.AuditEntry) -> bytes:
    return canonical_json(
        {
            "seq": row.seq,
            "time": row.time,
            "actor": row.actor,
            "action": row.action,
            "object_type": row.object_type,
            "object_id": row.object_id,
            "result": row.result,
            "detail": row.detail,
            "algorithm": row.algorithm,
            "prev_hash": row.prev_hash,
        }
    )


def signed_bytes(row: t.AuditEntry) -> bytes:
    """What the acting user signs: the hashed bytes (prev_hash included) and the signing key's id."""
    return b"dingmi-audit/1\n" + entry_bytes(row) + b"\n" + (row.signer or "").encode("utf-8")


class AuditSigner:
    """A session's signing key for its audit entries; `key_ref` names the key (certificate hash, or
    "key:<user_keys.id>" when the root has not certified it)."""

    def __init__(self, username: str, seed: bytes, key_ref: str) -> None:
        self.username = username
        self.key_ref = key_ref
        self._seed = seed

    def sign(self, message: bytes) -> bytes:
        return signing.sign(self._seed, message)

    def __repr__(self) -> str:  # never print the key
        return f"AuditSigner(user={self.username!r}, key={self.key_ref!r})"


def entry_hash(row: t.AuditEntry) -> str:
    if row.algorithm not in HASH_ALGORITHMS:
        raise ValueError(row.algorithm)
    return digest_hex(entry_bytes(row), row.algorithm)


class AuditWriter:
    """Appends entries inside the caller's transaction (BEGIN IMMEDIATE makes head-read + insert atomic)."""

    def __init__(
        self,
        orm: OrmSession,
        actor: str,
        clock: Callable[[], datetime],
        signer: AuditSigner | None = None,
        algorithm: Callable[[], str] | None = None,
    ) -> None:
        self._orm = orm
        self._actor = actor
        self._clock = clock
        self._algorithm = algorithm  # the transaction's settings reader, when it has one
        self._signer = signer if signer is not None and signer.username == actor else None

    def append(
        self,
        action: str,
        *,
        object_type: str = "",
        object_id: str = "",
        result: str = "成功",
        detail: dict[str, Any] | None = None,
        actor: str | None = None,
        time: datetime | None = None,
    ) -> int:
        head = self._orm.execute(
            select(t.AuditEntry.seq, t.AuditEntry.hash).order_by(t.AuditEntry.seq.desc()).limit(1)
        ).first()
        seq, prev = (head[0] + 1, head[1]) if head else (1, GENESIS)
        newest_certificate = self._orm.info.pop(NEW_CERTIFICATE, None)
        if newest_certificate is not None:  # storage.cert_references: the chain may not be cut back past it
            detail = {**(detail or {}), CERTIFICATE_KEY: f"{newest_certificate[0]}:{newest_certificate[1]}"}
        if self._algorithm is not None:
            algorithm = self._algorithm()
        else:
            setting = self._orm.get(t.Setting, ALGORITHM_SETTING)
            algorithm = setting.value if setting else "sha256"
        row = t.AuditEntry(
            seq=seq,
            time=iso(time or self._clock()),
            actor=actor if actor is not None else self._actor,
            action=action,
            object_type=object_type,
            object_id=str(object_id),
            result=result,
            detail=canonical_json(detail or {}).decode("utf-8"),
            algorithm=algorithm,
            prev_hash=prev,
            hash="",
        )
        if self._signer is not None and row.actor == self._actor:
            row.signer = self._signer.key_ref
            row.signature = self._signer.sign(signed_bytes(row))
        row.hash = entry_hash(row)
        self._orm.add(row)
        self._orm.flush()
        return seq


def to_record(row: t.AuditEntry) -> AuditRecord:
    return AuditRecord(
        seq=row.seq,
        time=parse_iso(row.time),
        actor=row.actor,
        action=row.action,
        object_type=row.object_type,
        object_id=row.object_id,
        result=row.result,
        detail=json.loads(row.detail),
        algorithm=row.algorithm,
        prev_hash=row.prev_hash,
        hash=row.hash,
    )


def iter_rows(orm: OrmSession) -> Iterator[t.AuditEntry]:
    yield from orm.scalars(select(t.AuditEntry).order_by(t.AuditEntry.seq).execution_options(yield_per=2000))


def verify_chain(orm: OrmSession, report: VerifyReport) -> None:
    expected_seq, prev = 1, GENESIS
    for row in iter_rows(orm):
        report.entries += 1
        problem = None
        if row.seq != expected_seq:
            problem = f"审计记录第 {expected_seq} 条缺失或顺序被改动（实际为第 {row.seq} 条）"
        elif row.prev_hash != prev:
            problem = f"审计记录第 {row.seq} 条与前一条的链接不符（前面的记录被删除、插入或改动）"
        else:
            try:
                ok = entry_hash(row) == row.hash
            except ValueError:
                ok = False
            if not ok:
                problem = f"审计记录第 {row.seq} 条的内容与其哈希不符（记录被改动）"
        if problem:
            report.problems.append(problem)
            if report.first_bad_seq is None:
                report.first_bad_seq = row.seq
            return  # after the first break everything later is suspect: name the first bad record
        expected_seq, prev = row.seq + 1, row.hash


CSV_COLUMNS = (
    "seq",
    "time",
    "actor",
    "action",
    "object_type",
    "object_id",
    "result",
    "detail",
    "algorithm",
    "prev_hash",
    "hash",
)


def export_csv_bytes(orm: OrmSession) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in iter_rows(orm):
        writer.writerow([getattr(row, name) for name in CSV_COLUMNS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: opens correctly in WPS / Excel
