"""The key-slot file: the data key and each user's signing key, wrapped under that user's password.

Format (JSON, versioned, written atomically): a header readable before sign-in (store id, unit name and
authority for the login dialog, the lockout numbers mirrored from the policy), one slot per user, and the
failure counters. A wrong password decrypts nothing, so the counters must live here, outside the database;
offline guessing is bounded by Argon2id, not by the counter (docs/CONTRACTS.md).
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from dingmi_desktop.security.canonical import canonical_json
from dingmi_desktop.security.errors import SlotFileDamaged, SlotFileMissing, WrongPassword
from dingmi_desktop.security.fsutil import atomic_write
from dingmi_desktop.security.kdf import SALT_BYTES, KdfParams, derive_key
from dingmi_desktop.security.lockout import LockoutMixin, LockState
from dingmi_desktop.security.signing import SEED_BYTES, public_key_of
from dingmi_desktop.security.trust import SHARE_BYTES

FORMAT = "dingmi-keyslots"
VERSION = 2  # 2: optional 三员 share in the payload, root public key bound into each slot (reads 1)
READABLE_VERSIONS = (1, 2)
DATA_KEY_BYTES = 32


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass
class Slot:
    username: str
    salt: bytes
    kdf: KdfParams
    nonce: bytes
    ciphertext: bytes
    public_key: bytes
    must_change: bool
    created_at: str
    version: int = VERSION

    def aad(self, store_id: str, root_public_key: bytes | None = None) -> bytes:
        """Binds the wrapped keys to this store, this user and these parameters (v2: and the unit root, so
        a root key swapped in the header breaks every other user's unwrap)."""
        extra: dict[str, Any] = {}
        if self.version >= 2:
            extra["root_public_key"] = _b64(root_public_key) if root_public_key else ""
        return canonical_json(
            {
                **extra,
                "format": FORMAT,
                "version": self.version,
                "store_id": store_id,
                "user": self.username,
                "kdf": self.kdf.to_json(),
                "salt": _b64(self.salt),
                "public_key": _b64(self.public_key),
                "must_change": self.must_change,
                "created_at": self.created_at,
            }
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "salt": _b64(self.salt),
            "kdf": self.kdf.to_json(),
            "nonce": _b64(self.nonce),
            "ciphertext": _b64(self.ciphertext),
            "public_key": _b64(self.public_key),
            "must_change": self.must_change,
            "created_at": self.created_at,
            "version": self.version,
        }

    @classmethod
    def from_json(cls, username: str, obj: dict[str, Any]) -> Slot:
        version = int(obj.get("version", 1))
        if version not in READABLE_VERSIONS:
            raise SlotFileDamaged("密钥槽文件版本不受支持，请升级程序。")
        return cls(
            username=username,
            salt=_unb64(obj["salt"]),
            kdf=KdfParams.from_json(obj["kdf"]),
            nonce=_unb64(obj["nonce"]),
            ciphertext=_unb64(obj["ciphertext"]),
            public_key=_unb64(obj["public_key"]),
            must_change=bool(obj["must_change"]),
            created_at=str(obj["created_at"]),
            version=version,
        )


@dataclass
class SlotFile(LockoutMixin):
    path: Path
    store_id: str
    unit_name: str
    authority: str
    kdf_default: KdfParams
    lock_after_failures: int = 5
    lock_minutes: int = 10
    slots: dict[str, Slot] = field(default_factory=dict)
    lock_states: dict[str, LockState] = field(default_factory=dict)
    # Sign-in failures and locks happen before the database can be opened: they wait here and are
    # appended to the audit trail at the next successful sign-in.
    pending_audit: list[dict[str, str]] = field(default_factory=list)
    # The number the next pending entry gets (monotonic; mirrored into the database at each sign-in, so a
    # rolled-back slot file or deleted entries show), and the salt that keys unknown user names.
    pending_next: int = 1
    name_salt: bytes = field(default_factory=lambda: os.urandom(16))
    # The unit trust anchor (security.trust): its public key and the root seed wrapped once per pair of
    # share holders. None/empty for a store made before the anchor existed.
    root_public_key: bytes | None = None
    root_wraps: dict[str, dict[str, str]] = field(default_factory=dict)
    # A key change written but not yet known to be committed (storage.keychange): user -> (change id, slot).
    # Both the slot in force and the staged one unwrap until the next sign-in reconciles them.
    staged: dict[str, tuple[str, Slot]] = field(default_factory=dict)
    # The change id of the key change each slot in force came from (the database keeps the same id).
    applied: dict[str, str] = field(default_factory=dict)
    # Shares unwrapped at sign-in, in memory only: the acting 三员's half of a root use.
    _shares: dict[str, bytes] = field(default_factory=dict, repr=False)
    _staged_shares: dict[str, bytes] = field(default_factory=dict, repr=False)

    # ---- file I/O ----
    @classmethod
    def load(cls, path: Path) -> SlotFile:
        try:
            raw = path.read_bytes()
        except FileNotFoundError as exc:
            raise SlotFileMissing() from exc
        except OSError as exc:
            raise SlotFileDamaged(f"无法读取密钥槽文件：{exc.strerror}。") from exc
        return cls.load_bytes(path, raw)

    @classmethod
    def load_bytes(cls, path: Path, raw: bytes) -> SlotFile:
        try:
            obj = json.loads(raw.decode("utf-8"))
            if obj.get("format") != FORMAT:
                raise ValueError("format")
            if obj.get("version") not in READABLE_VERSIONS:
                raise SlotFileDamaged("密钥槽文件版本不受支持，请升级程序。")
            header = obj["header"]
            policy = header["lockout"]
            trust = header.get("trust") or {}
            root = trust.get("root_public_key")
            return cls(
                path=path,
                store_id=str(header["store_id"]),
                unit_name=str(header["unit_name"]),
                authority=str(header["authority"]),
                kdf_default=KdfParams.from_json(header["kdf"]),
                lock_after_failures=int(policy["lock_after_failures"]),
                lock_minutes=int(policy["lock_minutes"]),
                slots={name: Slot.from_json(name, s) for name, s in obj["slots"].items()},
                lock_states={
                    name: LockState(int(s["failures"]), s["locked_until"])
                    for name, s in obj["lockout"].items()
                },
                pending_audit=[{str(k): str(v) for k, v in e.items()} for e in obj["pending_audit"]],
                applied={str(k): str(v) for k, v in (obj.get("applied") or {}).items()},
                staged={
                    str(name): (str(s["change"]), Slot.from_json(str(name), s["slot"]))
                    for name, s in (obj.get("staged") or {}).items()
                },
                pending_next=int(obj.get("pending_next", 1)),
                name_salt=_unb64(header["name_salt"]) if header.get("name_salt") else os.urandom(16),
                root_public_key=_unb64(root) if root else None,
                root_wraps={
                    str(pair): {"nonce": str(w["nonce"]), "ciphertext": str(w["ciphertext"])}
                    for pair, w in (trust.get("wraps") or {}).items()
                },
            )
        except SlotFileDamaged:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise SlotFileDamaged() from exc

    def to_bytes(self) -> bytes:
        obj = {
            "format": FORMAT,
            "version": VERSION,
            "header": {
                "store_id": self.store_id,
                "unit_name": self.unit_name,
                "authority": self.authority,
                "name_salt": _b64(self.name_salt),
                "kdf": self.kdf_default.to_json(),
                "lockout": {
                    "lock_after_failures": self.lock_after_failures,
                    "lock_minutes": self.lock_minutes,
                },
                "trust": {
                    "root_public_key": _b64(self.root_public_key) if self.root_public_key else None,
                    "wraps": self.root_wraps,
                },
            },
            "slots": {name: slot.to_json() for name, slot in sorted(self.slots.items())},
            "lockout": {
                name: {"failures": s.failures, "locked_until": s.locked_until}
                for name, s in sorted(self.lock_states.items())
            },
            "pending_audit": self.pending_audit,
            "pending_next": self.pending_next,
            "applied": dict(sorted(self.applied.items())),
            "staged": {
                name: {"change": change, "slot": slot.to_json()}
                for name, (change, slot) in sorted(self.staged.items())
            },
        }
        return json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")

    def save(self) -> None:
        atomic_write(self.path, self.to_bytes())

    # ---- slots ----
    def seal(
        self,
        username: str,
        password: str,
        data_key: bytes,
        seed: bytes,
        *,
        must_change: bool,
        now: datetime,
        params: KdfParams | None = None,
        share: bytes | None = None,
    ) -> Slot:
        """A new slot for `username`, not yet in force (wrap() or stage() puts it in place)."""
        params = params or self.kdf_default
        slot = Slot(
            username=username,
            salt=os.urandom(SALT_BYTES),
            kdf=params,
            nonce=os.urandom(12),
            ciphertext=b"",
            public_key=public_key_of(seed),
            must_change=must_change,
            created_at=now.isoformat(),
        )
        wrapping_key = derive_key(password, slot.salt, params)
        if share is not None and len(share) != SHARE_BYTES:
            raise ValueError("share size")
        payload = data_key + seed + (share or b"")
        aad = slot.aad(self.store_id, self.root_public_key)
        slot.ciphertext = AESGCM(wrapping_key).encrypt(slot.nonce, payload, aad)
        return slot

    def wrap(
        self,
        username: str,
        password: str,
        data_key: bytes,
        seed: bytes,
        *,
        must_change: bool,
        now: datetime,
        params: KdfParams | None = None,
        share: bytes | None = None,
    ) -> Slot:
        """Writes (in memory) a new slot for `username`; call save() to persist. `share`: a 三员's root
        share (security.trust), kept only when given: a reset by someone else drops it."""
        slot = self.seal(
            username, password, data_key, seed, must_change=must_change, now=now, params=params, share=share
        )
        self.slots[username] = slot
        if share is not None:
            self._shares[username] = share
        else:
            self._shares.pop(username, None)
        return slot

    def stage(self, username: str, slot: Slot) -> str:
        """Puts `slot` beside the one in force, under a fresh change id (the caller saves)."""
        change = os.urandom(16).hex()
        self.staged[username] = (change, slot)
        return change

    def promote(self, username: str, share: bytes | None = None) -> None:
        """The staged slot takes effect (its database change committed); the lockout is cleared.
        `share`: the root share sealed into it, when the caller still has it in hand."""
        change, slot = self.staged.pop(username)
        self.slots[username] = slot
        self.applied[username] = change
        share = share or self._staged_shares.pop(username, None)
        if share is not None:
            self._shares[username] = share
        else:
            self._shares.pop(username, None)
        self.lock_states.pop(username, None)

    def drop_staged(self, username: str) -> None:
        self.staged.pop(username, None)
        self._staged_shares.pop(username, None)

    def unwrap(self, username: str, password: str) -> tuple[bytes, bytes]:
        """(data key, signing seed), or WrongPassword. Does not touch the failure counters."""
        key, seed, _ = self.unwrap_slot(username, password)
        return key, seed

    def unwrap_slot(self, username: str, password: str) -> tuple[bytes, bytes, Slot]:
        """As unwrap(), also naming the slot that opened: the one in force, else a staged one."""
        slot = self.slots.get(username)
        if slot is None:
            derive_key(password, b"\0" * SALT_BYTES, self.kdf_default)  # same cost: no user enumeration
            raise WrongPassword()
        candidates = [slot] + ([self.staged[username][1]] if username in self.staged else [])
        for candidate in candidates:
            try:
                payload = self._open(candidate, password)
            except WrongPassword:
                continue
            keys = DATA_KEY_BYTES + SEED_BYTES
            if len(payload) not in (keys, keys + SHARE_BYTES):
                raise SlotFileDamaged()
            if len(payload) > keys:
                shares = self._shares if candidate is slot else self._staged_shares
                shares[username] = payload[keys:]
            return payload[:DATA_KEY_BYTES], payload[DATA_KEY_BYTES:keys], candidate
        raise WrongPassword()

    def _open(self, slot: Slot, password: str) -> bytes:
        wrapping_key = derive_key(password, slot.salt, slot.kdf)
        try:
            aad = slot.aad(self.store_id, self.root_public_key)
            return AESGCM(wrapping_key).decrypt(slot.nonce, slot.ciphertext, aad)
        except InvalidTag as exc:
            raise WrongPassword() from exc

    def share_after_unwrap(self, username: str) -> bytes | None:
        """The root share found in `username`'s slot at its last unwrap in this process (None: none)."""
        return self._shares.get(username)

    def forget_share(self, username: str) -> None:
        self._shares.pop(username, None)

    def forget_shares(self) -> None:
        self._shares.clear()
