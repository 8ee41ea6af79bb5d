"""The store state a sheet carries (audit chain head, unit root fingerprint) and what a sheet's claimed
state says about the store now: rolled back, rewritten, or another store (issue 11 item 6)."""

from __future__ import annotations

from dingmi_desktop.export.verification import NO_ROOT, SheetHead, head_check
from dingmi_desktop.storage import Tx
from dingmi_desktop.storage.audit_verifier import chain_head, hash_at, root_fingerprint

PLACEHOLDER_HASH = "0" * 64


def current_head(tx: Tx) -> SheetHead | None:
    """The newest entry and the root; None for an empty trail (nothing to anchor to)."""
    seq, hash_ = chain_head(tx.orm)
    return SheetHead(seq, hash_, root_fingerprint(tx.orm) or NO_ROOT) if seq else None


def next_head(tx: Tx) -> SheetHead:
    """The shape of the head the job's own entry will have: to lay the sheet out before writing it."""
    seq, _ = chain_head(tx.orm)
    return SheetHead(seq + 1, PLACEHOLDER_HASH, root_fingerprint(tx.orm) or NO_ROOT)


def head_reason(tx: Tx, claimed: SheetHead | None = None, seq: int | None = None, check: str = "") -> str:
    """Why the store is not the one (or no longer the state) the sheet was made from; "" when it is.
    `claimed`: the full head from the QR code; else `seq` and the four-character `check` of a short code."""
    if claimed is not None:
        seq = claimed.seq
    if seq is None:
        return ""
    root = root_fingerprint(tx.orm) or NO_ROOT
    store_seq, _ = chain_head(tx.orm)
    entry = hash_at(tx.orm, seq)
    expected = head_check(SheetHead(seq, entry or PLACEHOLDER_HASH, root))
    if (claimed.root != root) if claimed is not None else (check[2:] != expected[2:]):
        return (
            "此文书上的单位信任根指纹与本数据存储的不符：文书不是由本数据存储印制，"
            "或本数据存储的信任根已被替换。"
        )
    if seq > store_seq or entry is None:
        return (
            f"数据存储比此文书旧，可能已被回退到旧副本（文书印制时审计链已到第 {seq} 条，"
            f"库中现仅到第 {store_seq} 条）。"
        )
    if (claimed.hash != entry) if claimed is not None else (check[:2] != expected[:2]):
        return (
            f"审计链在第 {seq} 条之后被改写：库中第 {seq} 条审计记录与此文书印制时的不符"
            "（记录被改动后重新计算了哈希，或数据存储被替换）。"
        )
    return ""
