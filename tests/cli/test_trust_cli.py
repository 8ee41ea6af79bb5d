"""Issue 11 item 2: the setup certificate (设立证书) and `dingmi trust show` / `dingmi about` state the unit
root's fingerprint; exporting it is audited and refuses to overwrite without --force."""

from __future__ import annotations

from dingmi_desktop.security import trust
from dingmi_desktop.storage.store import Store
from tests.export.pdfread import read_pages


def _root_fingerprint(store_dir) -> str:
    store = Store.open(store_dir)
    try:
        assert store.slots.root_public_key is not None
        return trust.fingerprint(store.slots.root_public_key)
    finally:
        store.close()


def test_certificate_carries_the_root_fingerprint_and_is_audited(dingmi, cli_store, tmp_path):
    out = tmp_path / "设立证书.pdf"
    r = dingmi("trust", "certificate", "--out", str(out), "--user", "secadmin")
    assert r.code == 0, r.err
    text = read_pages(out.read_bytes())[0].text().replace(" ", "")
    fingerprint = _root_fingerprint(cli_store)
    assert fingerprint.replace("-", "") in text
    assert "单位信任根设立证书" in text and "定密权限：机密" in text and "单位负责人签字" in text
    for account in ("sysadmin", "secadmin", "auditor"):
        assert f"（{account}）" in text
    audit = dingmi("audit", "export", "--out", str(tmp_path / "a.csv"), "--user", "auditor")
    assert audit.code == 0, audit.err
    assert "导出设立证书" in (tmp_path / "a.csv").read_text("utf-8-sig")


def test_certificate_refuses_to_overwrite_without_force(dingmi, tmp_path):
    out = tmp_path / "c.pdf"
    out.write_bytes(b"old")
    r = dingmi("trust", "certificate", "--out", str(out), "--user", "wangwu")
    assert r.code == 2 and "已存在" in r.err and "--force" in r.err
    assert out.read_bytes() == b"old"
    r = dingmi("trust", "certificate", "--out", str(out), "--user", "wangwu", "--force")
    assert r.code == 0, r.err
    assert out.read_bytes().startswith(b"%PDF")


def test_a_clerk_may_not_export_the_certificate(dingmi, tmp_path):
    r = dingmi("trust", "certificate", "--out", str(tmp_path / "c.pdf"), "--user", "zhangsan")
    assert r.code != 0 and "三员或定密责任人" in r.err
    assert not (tmp_path / "c.pdf").exists()


def test_about_and_trust_show_print_the_fingerprint(dingmi, cli_store):
    fingerprint = _root_fingerprint(cli_store)
    for command in (("about",), ("trust", "show")):
        r = dingmi(*command, "--user", "zhangsan")
        assert r.code == 0, r.err
        assert f"单位信任根指纹：{fingerprint}" in r.out and "定密权限：机密" in r.out and "版本" in r.out
