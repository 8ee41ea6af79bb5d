"""Argon2id password → key derivation, calibrated to a target time and recorded with each key slot."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from typing import Any, ClassVar

from argon2.low_level import Type, hash_secret_raw

KEY_BYTES = 32
SALT_BYTES = 16
TARGET_SECONDS = 0.5
MAX_MEMORY_KIB = 1024 * 1024  # 1 GiB: keep unlock possible on small terminals


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int
    time_cost: int
    parallelism: int = 1
    algorithm: str = "argon2id"

    FLOOR: ClassVar[KdfParams]

    def __post_init__(self) -> None:
        if self.algorithm != "argon2id":
            raise ValueError("only argon2id is supported")
        if self.memory_kib < 64 * 1024 or self.time_cost < 2 or self.parallelism < 1:
            raise ValueError("KDF parameters below the floor (64 MiB, 2 passes)")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> KdfParams:
        return cls(
            memory_kib=int(obj["memory_kib"]),
            time_cost=int(obj["time_cost"]),
            parallelism=int(obj["parallelism"]),
            algorithm=str(obj["algorithm"]),
        )


KdfParams.FLOOR = KdfParams(memory_kib=64 * 1024, time_cost=2, parallelism=1)


def derive_key(password: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        secret=password.encode("utf-8"),
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def time_derivation(params: KdfParams) -> float:
    start = time.perf_counter()
    derive_key("calibration", b"\0" * SALT_BYTES, params)
    return time.perf_counter() - start


def calibrate(target_seconds: float = TARGET_SECONDS) -> KdfParams:
    """Grow memory first (up to 1 GiB), then passes, until one derivation takes about `target_seconds`.

    A target of 0 returns the floor without measuring (tests)."""
    params = KdfParams.FLOOR
    if target_seconds <= 0:
        return params
    elapsed = time_derivation(params)
    while elapsed < target_seconds * 0.7:
        factor = min(4.0, target_seconds / max(elapsed, 1e-3))
        if params.memory_kib < MAX_MEMORY_KIB:
            memory = min(MAX_MEMORY_KIB, int(params.memory_kib * factor) // 1024 * 1024)
            if memory <= params.memory_kib:
                break
            params = KdfParams(memory, params.time_cost, params.parallelism)
        else:
            passes = max(params.time_cost + 1, int(params.time_cost * factor))
            params = KdfParams(params.memory_kib, passes, params.parallelism)
        elapsed = time_derivation(params)
    return params
