"""The unit trust anchor: fingerprint, the root seed split over pairs of 三员 shares, certificates."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dingmi_desktop.security import trust
from dingmi_desktop.security.errors import WrongPassword
from dingmi_desktop.security.kdf import KdfParams
from dingmi_desktop.security.keyslots import SlotFile
from dingmi_desktop.security.signing import new_private_seed, public_key_of

NOW = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
HOLDERS = ("sysadmin", "secadmin", "auditor")


def test_fingerprint_format():
    text = trust.fingerprint(bytes(32))
    assert len(text) == 39 and text.count("-") == 7
    assert text == text.upper()
    assert trust.fingerprint(bytes(32)) != trust.fingerprint(b"\1" + bytes(31))


def test_any_two_holders_unwrap_the_root_one_cannot():
    seed = new_private_seed()
    shares = {name: trust.new_share() for name in HOLDERS}
    wraps = trust.wrap_root(seed, "store-1", shares)
    assert sorted(wraps) == ["auditor+secadmin", "auditor+sysadmin", "secadmin+sysadmin"]
    root = public_key_of(seed)
    for a, b in (("sysadmin", "secadmin"), ("auditor", "sysadmin"), ("secadmin", "auditor")):
        assert trust.unwrap_root(wraps, "store-1", root, {a: shares[a], b: shares[b]}) == seed
    with pytest.raises(trust.TrustError):
        trust.unwrap_root(wraps, "store-1", root, {"sysadmin": shares["sysadmin"]})
    with pytest.raises(trust.TrustError):  # a wrong share
        trust.unwrap_root(
            wraps, "store-1", root, {"sysadmin": shares["sysadmin"], "secadmin": os.urandom(32)}
        )
    with pytest.raises(trust.TrustError):  # another store id: the AAD binds the store
        trust.unwrap_root(
            wraps, "store-2", root, {"sysadmin": shares["sysadmin"], "secadmin": shares["secadmin"]}
        )
    other = public_key_of(new_private_seed())
    with pytest.raises(trust.TrustError):  # a root public key swapped in the header
        trust.unwrap_root(
            wraps, "store-1", other, {"sysadmin": shares["sysadmin"], "secadmin": shares["secadmin"]}
        )


def test_certificates_chain_and_signatures():
    root_seed = new_private_seed()
    root = public_key_of(root_seed)
    user_seed = new_private_seed()
    body = {"user_id": 4, "username": "wangwu", "public_key": trust.b64(public_key_of(user_seed))}
    first = trust.issue(root_seed, 1, trust.GENESIS, "user_key", body)
    assert first.verify(root)
    assert trust.parse_payload(first.payload(), first.signature) == first
    forged = trust.Certificate(1, "user_key", "", {**body, "user_id": 5}, first.signature)
    assert not forged.verify(root)
    assert not first.verify(public_key_of(new_private_seed()))  # signed by another root
    new_seed = new_private_seed()
    change = trust.key_change(
        user_seed,
        2,
        first.hash,
        {
            "user_id": 4,
            "old_public_key": trust.b64(public_key_of(user_seed)),
            "new_public_key": trust.b64(public_key_of(new_seed)),
            "at": NOW.isoformat(),
        },
    )
    assert change.prev == first.hash and change.verify(root)
    with pytest.raises(ValueError):  # only the old key can state a change away from it
        trust.key_change(new_seed, 3, change.hash, dict(change.body))
    with pytest.raises(ValueError):  # the root never issues key changes, users never issue grants
        trust.issue(root_seed, 3, change.hash, "key_change", {})


def test_slot_keeps_the_share_and_binds_the_root(tmp_path):
    slots = SlotFile(tmp_path / "keyslots.json", "store-1", "示例单位", "机密", KdfParams.FLOOR)
    slots.root_public_key = public_key_of(new_private_seed())
    share, key, seed = trust.new_share(), os.urandom(32), new_private_seed()
    slots.wrap("secadmin", "Pass#2026word", key, seed, must_change=False, now=NOW, share=share)
    slots.save()
    loaded = SlotFile.load(slots.path)
    assert loaded.root_public_key == slots.root_public_key
    assert loaded.unwrap("secadmin", "Pass#2026word") == (key, seed)
    assert loaded.share_after_unwrap("secadmin") == share
    loaded.root_public_key = public_key_of(new_private_seed())  # swapped root: nobody unwraps
    with pytest.raises(WrongPassword):
        loaded.unwrap("secadmin", "Pass#2026word")


def test_version_1_slot_file_still_unlocks_and_rewraps_as_version_2(tmp_path):
    """A key-slot file written before the trust anchor (made by the previous release) keeps working."""
    path = tmp_path / "keyslots.json"
    path.write_bytes((Path(__file__).parent / "data" / "keyslots-v1.json").read_bytes())
    slots = SlotFile.load(path)
    assert slots.root_public_key is None and slots.slots["zhangsan"].version == 1
    key, seed = slots.unwrap("zhangsan", "Dingmi@2026")
    assert key == bytes(range(32)) and seed == bytes(range(32, 64))
    slots.wrap("zhangsan", "Dingmi@2027", key, seed, must_change=False, now=NOW)
    slots.save()
    again = SlotFile.load(path)
    assert again.slots["zhangsan"].version == 2
    assert again.unwrap("zhangsan", "Dingmi@2027") == (key, seed)
