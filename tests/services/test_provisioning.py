"""One provisioning path: the first-run wizard (through app.StoreBackend), `dingmi init` and the demo make
stores of the same shape for the 三员 (accounts, grants, trust root, certificates, audit entries)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from dingmi_desktop.app import StoreBackend
from dingmi_desktop.cli import main
from dingmi_desktop.security.errors import PasswordPolicyError
from dingmi_desktop.security.kdf import KdfParams
from dingmi_desktop.services.demo import DEMO_PASSWORD, build_demo
from dingmi_desktop.services.provisioning import ADMIN_USERS, found_store
from dingmi_desktop.storage import store as store_module
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.store import Store

PASSWORDS = {"sysadmin": "Sys#First2026", "secadmin": "Sec#First2026", "auditor": "Aud#First2026"}


def _shape(data_dir: Path, password: str, clock: Any) -> dict[str, Any]:
    """What provisioning made for the 三员, without ids, times, keys or store-specific values."""
    with Store.open(data_dir, clock=clock) as store:
        store.unwrap_checked("sysadmin", password)  # opens the database; writes nothing
        slots = store.slots
        with store.orm_transaction() as orm:
            users = {u.id: u for u in orm.scalars(select(t.User))}
            admins = {i: u.username for i, u in users.items() if u.username in ADMIN_USERS}
            grants = sorted(
                (admins[g.user_id], g.role) for g in orm.scalars(select(t.RoleGrant)) if g.user_id in admins
            )
            certs = []
            for cert in orm.scalars(select(t.Certificate).order_by(t.Certificate.seq)):
                if cert.subject_user_id is not None and cert.subject_user_id not in admins:
                    continue
                body = json.loads(cert.payload)
                body = body.get("body", body)
                certs.append(
                    (
                        cert.kind,
                        admins.get(cert.subject_user_id or 0, ""),
                        body.get("origin"),
                        tuple(body.get("confirmed_by") or ()),
                        body.get("role"),
                    )
                )
            trail = [
                (e.actor, e.action, e.object_type, e.object_id if e.object_type == "user" else "", e.result)
                for e in orm.scalars(select(t.AuditEntry).order_by(t.AuditEntry.seq))
                if e.object_type == "store" or e.object_id in ADMIN_USERS
            ]
        return {
            "accounts": sorted(
                (u.username, u.display_name, u.active) for u in users.values() if u.id in admins
            ),
            "grants": grants,
            "certificates": certs,
            "audit": trail,
            "root_wraps": sorted(slots.root_wraps),  # the root seed wrapped for each pair of 三员
            "root": slots.root_public_key is not None,
        }


def test_wizard_init_and_demo_make_the_same_store_shape(tmp_path, clock, capsys, monkeypatch):
    monkeypatch.setattr(store_module, "calibrate", lambda: KdfParams.FLOOR)  # `dingmi init` calibrates
    wizard = StoreBackend(tmp_path / "wizard", demo=False, kdf=KdfParams.FLOOR, clock=clock)
    wizard.create_store("某单位", "机密", dict(PASSWORDS))
    wizard.close()
    for name, password in PASSWORDS.items():
        monkeypatch.setenv(f"DINGMI_PASSWORD_{name.upper()}", password)
    argv = ["--data-dir", str(tmp_path / "init"), "init", "--unit", "某单位", "--authority", "机密"]
    assert main(argv) == 0, capsys.readouterr().err
    build_demo(tmp_path / "demo", kdf=KdfParams.FLOOR, clock=clock).close()

    by_wizard = _shape(tmp_path / "wizard", PASSWORDS["sysadmin"], clock)
    assert by_wizard["root"] and len(by_wizard["root_wraps"]) == 3
    assert len(by_wizard["certificates"]) == 2 + 2 * len(ADMIN_USERS)  # unit, policy; each key and grant
    assert [a[1] for a in by_wizard["audit"]] == ["创建数据存储"] + ["创建账户"] * len(ADMIN_USERS)
    assert _shape(tmp_path / "init", PASSWORDS["sysadmin"], clock) == by_wizard
    by_demo = _shape(tmp_path / "demo", DEMO_PASSWORD, clock)
    assert {**by_demo, "accounts": None} == {**by_wizard, "accounts": None}
    assert [a[:2] for a in by_demo["accounts"]] == [a[:2] for a in by_wizard["accounts"]]


def test_three_distinct_passwords_are_the_rule_for_wizard_and_init(tmp_path, clock):
    same = {**PASSWORDS, "auditor": PASSWORDS["secadmin"]}
    with pytest.raises(PasswordPolicyError, match="三员账户的密码须互不相同"):
        found_store(tmp_path / "a", unit_name="某单位", authority="机密", passwords=same, clock=clock)
    wizard = StoreBackend(tmp_path / "b", demo=False, kdf=KdfParams.FLOOR, clock=clock)
    with pytest.raises(PasswordPolicyError, match="三员账户的密码须互不相同"):
        wizard.create_store("某单位", "机密", same)
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()  # refused before anything is made
