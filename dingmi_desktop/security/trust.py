"""The unit trust anchor: a root Ed25519 key that two of the 三员 must join to use, and the certificates
it signs (user keys, role grants and revocations, the unit's 定密权限, the policy).

Pure crypto: no database, no Qt. The root seed is stored once per pair of share holders, AES-GCM-wrapped
under HKDF-SHA256(share_a || share_b); each 三员 account keeps its 32-byte share inside its own key slot.
Certificates form one chain (`seq`, `prev`): deleting one in the middle breaks every later link.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import os
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from dingmi_desktop.security import signing
from dingmi_desktop.security.canonical import canonical_json
from dingmi_desktop.security.errors import DingmiError

SHARE_BYTES = 32
ROOT_KINDS = ("user_key", "grant", "revoke", "authority", "policy")
KEY_CHANGE = "key_change"
KINDS = (*ROOT_KINDS, KEY_CHANGE)
KEY_ORIGINS = ("first_run", "created", "reset", "migrated")
GENESIS = ""  # `prev` of the first certificate


class TrustError(DingmiError):
    default_message = "无法使用单位信任根：须由两名三员当面输入各自的密码。"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def fingerprint(public_key: bytes) -> str:
    """SHA-256 of the raw public key, first 16 bytes, upper-case hex in groups of 4 joined by "-"."""
    digest = hashlib.sha256(public_key).hexdigest().upper()[:32]
    return "-".join(digest[i : i + 4] for i in range(0, 32, 4))


def new_share() -> bytes:
    return os.urandom(SHARE_BYTES)


def pair_name(a: str, b: str) -> str:
    if a == b:
        raise TrustError("使用单位信任根须由两名不同的三员共同完成。")
    return "+".join(sorted((a, b)))


def _pair_key(shares: dict[str, bytes]) -> bytes:
    ordered = b"".join(shares[name] for name in sorted(shares))
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"dingmi-root-pair").derive(ordered)


def _pair_aad(store_id: str, pair: str, root_public_key: bytes) -> bytes:
    return canonical_json(
        {"purpose": "dingmi-root-seed", "store_id": store_id, "pair": pair, "root": b64(root_public_key)}
    )


def wrap_root(root_seed: bytes, store_id: str, shares: dict[str, bytes]) -> dict[str, dict[str, str]]:
    """One wrapped copy of the root seed per pair of share holders: {"a+b": {"nonce", "ciphertext"}}."""
    root_public = signing.public_key_of(root_seed)
    wraps: dict[str, dict[str, str]] = {}
    for a, b in itertools.combinations(sorted(shares), 2):
        pair = pair_name(a, b)
        nonce = os.urandom(12)
        key = _pair_key({a: shares[a], b: shares[b]})
        ciphertext = AESGCM(key).encrypt(nonce, root_seed, _pair_aad(store_id, pair, root_public))
        wraps[pair] = {"nonce": b64(nonce), "ciphertext": b64(ciphertext)}
    return wraps


def unwrap_root(
    wraps: dict[str, dict[str, str]], store_id: str, root_public_key: bytes, shares: dict[str, bytes]
) -> bytes:
    """The root seed from two holders' shares, checked against the root public key; else TrustError."""
    if len(shares) != 2:
        raise TrustError()
    a, b = sorted(shares)
    pair = pair_name(a, b)
    wrapped = wraps.get(pair)
    if wrapped is None:
        raise TrustError(f"{a} 与 {b} 不是单位信任根的共同持有人。")
    try:
        seed = AESGCM(_pair_key(shares)).decrypt(
            unb64(wrapped["nonce"]), unb64(wrapped["ciphertext"]), _pair_aad(store_id, pair, root_public_key)
        )
    except (InvalidTag, KeyError, ValueError) as exc:
        raise TrustError("单位信任根无法解开：份额不符或密钥槽文件被改动。") from exc
    if signing.public_key_of(seed) != root_public_key:
        raise TrustError("单位信任根与登记的公钥不一致（可能被篡改）。")
    return seed


@dataclass(frozen=True)
class Certificate:
    seq: int
    kind: str
    prev: str
    body: dict[str, Any]
    signature: bytes

    def payload(self) -> bytes:
        return payload_bytes(self.seq, self.kind, self.prev, self.body)

    @property
    def hash(self) -> str:
        return hashlib.sha256(self.payload() + self.signature).hexdigest()

    @property
    def signer_key(self) -> bytes | None:
        """The key that must have signed: None means the root; a key change is signed by the old key."""
        return unb64(self.body["old_public_key"]) if self.kind == KEY_CHANGE else None

    def verify(self, root_public_key: bytes) -> bool:
        if self.kind not in KINDS:
            return False
        try:
            key = self.signer_key or root_public_key
        except (KeyError, ValueError, TypeError):
            return False
        return signing.verify(key, self.payload(), self.signature)


def payload_bytes(seq: int, kind: str, prev: str, body: dict[str, Any]) -> bytes:
    return canonical_json({"format": "dingmi-cert", "seq": seq, "kind": kind, "prev": prev, "body": body})


def parse_payload(payload: bytes, signature: bytes) -> Certificate:
    import json

    obj = json.loads(payload.decode("utf-8"))
    cert = Certificate(int(obj["seq"]), str(obj["kind"]), str(obj["prev"]), dict(obj["body"]), signature)
    if cert.payload() != payload:
        raise ValueError("payload not canonical")
    return cert


def issue(root_seed: bytes, seq: int, prev: str, kind: str, body: dict[str, Any]) -> Certificate:
    if kind not in ROOT_KINDS:
        raise ValueError(f"not a root certificate kind: {kind}")
    return Certificate(seq, kind, prev, body, signing.sign(root_seed, payload_bytes(seq, kind, prev, body)))


def key_change(old_seed: bytes, seq: int, prev: str, body: dict[str, Any]) -> Certificate:
    """The user's own statement, signed by the OLD key: continuity without the root."""
    if unb64(body["old_public_key"]) != signing.public_key_of(old_seed):
        raise ValueError("key change not signed by the old key")
    return Certificate(
        seq, KEY_CHANGE, prev, body, signing.sign(old_seed, payload_bytes(seq, KEY_CHANGE, prev, body))
    )
