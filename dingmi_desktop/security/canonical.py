"""Canonical bytes: the one serialisation that hashes and signatures are computed over."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from cryptography.hazmat.primitives import hashes

HASH_ALGORITHMS = ("sha256", "sm3")


def canonical_json(obj: Any) -> bytes:
    """Sorted keys, no whitespace, UTF-8: the same rule as domain.forms.content_hash."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def digest_hex(data: bytes, algorithm: str = "sha256") -> str:
    if algorithm == "sha256":
        return hashlib.sha256(data).hexdigest()
    if algorithm == "sm3":
        h = hashes.Hash(hashes.SM3())
        h.update(data)
        return h.finalize().hex()
    raise ValueError(f"unknown hash algorithm {algorithm}")


def content_hash(content: Any) -> str:
    return digest_hex(canonical_json(content))
