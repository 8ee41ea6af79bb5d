"""Argon2id parameters and calibration; Ed25519 signatures over canonical bytes; password policy."""

from __future__ import annotations

import pytest

from dingmi_desktop.security import signing
from dingmi_desktop.security.canonical import canonical_json, content_hash, digest_hex
from dingmi_desktop.security.kdf import KdfParams, calibrate, derive_key, time_derivation
from dingmi_desktop.security.passwords import PasswordPolicy, character_classes, check_password


def test_floor_is_enforced():
    assert KdfParams(65536, 2, 1) == KdfParams.FLOOR
    with pytest.raises(ValueError):
        KdfParams(65535, 2)
    with pytest.raises(ValueError):
        KdfParams(65536, 1)
    with pytest.raises(ValueError):
        KdfParams(65536, 2, 1, "scrypt")
    assert KdfParams.from_json(KdfParams.FLOOR.to_json()) == KdfParams.FLOOR


def test_derivation_depends_on_everything():
    salt = b"s" * 16
    key = derive_key("密码", salt, KdfParams.FLOOR)
    assert len(key) == 32
    assert derive_key("密码", salt, KdfParams.FLOOR) == key
    assert derive_key("密码", b"t" * 16, KdfParams.FLOOR) != key
    assert derive_key("密码x", salt, KdfParams.FLOOR) != key
    assert derive_key("密码", salt, KdfParams(65536, 3)) != key


def test_calibration():
    assert calibrate(0) == KdfParams.FLOOR
    params = calibrate(0.3)
    assert params.memory_kib >= 65536 and params.time_cost >= 2
    elapsed = time_derivation(params)
    assert 0.1 < elapsed < 1.5


def test_canonical_json_rule():
    assert canonical_json({"b": 1, "a": "密"}) == '{"a":"密","b":1}'.encode()
    assert content_hash({"x": 1}) == digest_hex(b'{"x":1}')
    # SM3 test vector (GB/T 32905-2016, "abc")
    assert digest_hex(b"abc", "sm3") == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
    with pytest.raises(ValueError):
        digest_hex(b"abc", "md5")


def test_signatures():
    seed = signing.new_private_seed()
    public = signing.public_key_of(seed)
    message = signing.decision_bytes("ab" * 32, {"action": "approve"}, "wangwu", "2026-11-28T00:00:00+00:00")
    signature = signing.sign(seed, message)
    assert signing.verify(public, message, signature)
    assert not signing.verify(public, message + b"x", signature)
    assert not signing.verify(public, message, bytes(64))
    assert not signing.verify(b"short", message, signature)
    other = signing.public_key_of(signing.new_private_seed())
    assert not signing.verify(other, message, signature)


def test_password_policy():
    policy = PasswordPolicy()
    assert check_password(policy, "Kiwi#Lamp2026") == []
    assert character_classes("abcABC123!") == 4
    problems = check_password(policy, "abc")
    assert any("长度" in p for p in problems) and any("类" in p for p in problems)
    assert check_password(policy, "Zhangsan#2026", username="zhangsan") == [
        "不得包含用户名，请去掉其中的“zhangsan”"
    ]
    assert PasswordPolicy(min_length=3).problems() and PasswordPolicy(lock_after_failures=0).problems()
    assert PasswordPolicy().problems() == []
    assert PasswordPolicy.from_json(PasswordPolicy(min_length=12).to_json()).min_length == 12
