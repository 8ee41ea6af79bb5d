"""Ed25519 signatures over the canonical bytes of a decision (content hash, decision, actor, time)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from dingmi_desktop.security.canonical import canonical_json

SEED_BYTES = 32


def new_private_seed() -> bytes:
    key = Ed25519PrivateKey.generate()
    from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def public_key_of(seed: bytes) -> bytes:
    return (
        Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    )


def decision_bytes(content_hash: str, decision: dict[str, Any], actor: str, time: str) -> bytes:
    return canonical_json({"content_hash": content_hash, "decision": decision, "actor": actor, "time": time})


def sign(seed: bytes, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(seed).sign(message)


def verify(public_key: bytes, message: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


class Signer:
    """Proof that the user re-entered the password just now: it holds the unwrapped signing key.

    Only `Session.reauthenticate` makes one; it is meant for one service call and then dropped."""

    def __init__(self, user_id: int, username: str, seed: bytes, at: datetime) -> None:
        self.user_id = user_id
        self.username = username
        self.at = at
        self._seed = seed
        self.public_key = public_key_of(seed)

    def sign(self, message: bytes) -> bytes:
        return sign(self._seed, message)

    def __repr__(self) -> str:  # never print the key
        return f"Signer(user={self.username!r}, at={self.at.isoformat()})"
