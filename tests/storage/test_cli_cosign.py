"""CLI root use: `user confirm-key` and `user grant` need --cosigner and the co-signer's password."""

from __future__ import annotations

from tests.storage.test_cli import cli_store, pw, run  # noqa: F401  (fixtures)


def test_confirm_key_needs_the_cosigner(cli_store, capsys, pw, tmp_path, monkeypatch):  # noqa: F811
    base = ("--data-dir", str(cli_store))
    admin = ("--user", "sysadmin", "--password-file", str(pw))
    temp = tmp_path / "temp.txt"
    temp.write_text("Reset#Temp2026x\n", "utf-8")
    temp.chmod(0o600)
    code, _, err = run(capsys, *base, "passwd", "zhangsan", "--new-password-file", str(temp), *admin)
    assert code == 0, err
    code, _, err = run(capsys, *base, "user", "confirm-key", "zhangsan", *admin)
    assert code == 3 and "此操作须由第二名三员当面确认：请提供 --cosigner" in err
    loose = tmp_path / "loose.txt"
    loose.write_text("Dingmi@2026\n", "utf-8")
    loose.chmod(0o644)
    cosigner = ("--cosigner", "secadmin", "--cosigner-password-file")
    code, _, err = run(capsys, *base, "user", "confirm-key", "zhangsan", *admin, *cosigner, str(loose))
    assert code == 2 and "chmod 600" in err
    monkeypatch.setenv("DINGMI_COSIGNER_PASSWORD", "Wrong#Pass2026")
    code, _, err = run(capsys, *base, "user", "confirm-key", "zhangsan", *admin, "--cosigner", "secadmin")
    assert code == 3 and "第二名三员 secadmin 的密码错误" in err
    code, out, err = run(capsys, *base, "user", "confirm-key", "zhangsan", *admin, *cosigner, str(pw))
    assert code == 0 and "已确认用户 zhangsan 的密钥" in out, err
    audit = ("--user", "auditor", "--password-file", str(pw))
    code, out, _ = run(capsys, *base, "audit", "verify", *audit)
    assert code == 0 and "审计日志完整" in out
