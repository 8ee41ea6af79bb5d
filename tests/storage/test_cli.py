"""The store commands of `dingmi`, with the exit codes of docs/interfaces.md."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from dingmi_desktop.cli import main
from tests import clocked
from tests.fixtures.store import DEMO_PASSWORD, TEST_EPOCH
from tests.storage.tamper import raw_admin

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def cli_store(demo_store, store_dir) -> Path:
    demo_store.close()  # the CLI opens the store itself (one process at a time)
    return store_dir


@pytest.fixture
def pw(tmp_path) -> Path:
    path = tmp_path / "pw.txt"
    path.write_text(DEMO_PASSWORD + "\n", "utf-8")
    path.chmod(0o600)  # a password file others can read is refused
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def dingmi(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        clocked.command(TEST_EPOCH, "dingmi_desktop.cli", *argv),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_wrong_password_is_one_clean_line_exit_3(cli_store, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("wrong\n", "utf-8")
    bad.chmod(0o600)  # a password file others can read is refused
    result = dingmi("--data-dir", str(cli_store), "check", "--user", "zhangsan", "--password-file", str(bad))
    assert result.returncode == 3
    assert result.stderr == "用户名或密码错误。\n还可尝试 4 次，之后账户将锁定 10 分钟。\n"
    assert result.stdout == ""
    unknown = dingmi("--data-dir", str(cli_store), "check", "--user", "nobody", "--password-file", str(bad))
    assert (unknown.returncode, unknown.stderr) == (3, result.stderr)  # the same words for an unknown name


def test_locked_account_shows_remaining_time(cli_store, tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text("wrong\n", "utf-8")
    bad.chmod(0o600)  # a password file others can read is refused
    args = ("--data-dir", str(cli_store), "check", "--user", "lisi", "--password-file")
    for _ in range(4):
        assert run(capsys, *args, str(bad))[0] == 3
    code, _, err = run(capsys, *args, str(bad))
    assert code == 3 and "账户已锁定，请在 10 分" in err
    result = dingmi(*args, str(tmp_path / "bad.txt"))
    assert result.returncode == 3
    assert result.stderr.startswith("账户已锁定，请在 9 分") or result.stderr.startswith(
        "账户已锁定，请在 10 分"
    )
    assert result.stderr.count("\n") == 1


def test_password_from_environment(cli_store, capsys, monkeypatch):
    monkeypatch.setenv("DINGMI_PASSWORD", DEMO_PASSWORD)
    assert run(capsys, "--data-dir", str(cli_store), "check", "--user", "zhangsan")[0] == 0


def test_missing_store_and_missing_password(tmp_path, capsys, pw):
    code, _, err = run(
        capsys, "--data-dir", str(tmp_path / "none"), "check", "--user", "x", "--password-file", str(pw)
    )
    assert code == 2 and "dingmi init" in err
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "none"), "check", "--user", "x")
    assert code == 2


def _secret(path: Path, text: str) -> Path:
    path.write_text(text + "\n", "utf-8")
    path.chmod(0o600)  # a password file others can read is refused
    return path


def _init(capsys, data: Path, files: dict[str, Path]) -> tuple[int, str, str]:
    flags = [arg for name, path in files.items() for arg in (f"--{name}-password-file", str(path))]
    return run(capsys, "--data-dir", str(data), "init", "--unit", "某单位", "--authority", "秘密", *flags)


def test_init_refuses_equal_admin_passwords(tmp_path, capsys, monkeypatch):
    data = tmp_path / "unit"
    same = _secret(tmp_path / "same.txt", "Init#Admin2026")
    other = _secret(tmp_path / "other.txt", "Init#Audit2026")
    code, _, err = _init(capsys, data, {"sysadmin": same, "secadmin": same, "auditor": other})
    assert code == 2 and "三员账户的密码须互不相同" in err and not data.exists()
    weak = _secret(tmp_path / "weak.txt", "123")
    code, _, err = _init(capsys, data, {"sysadmin": weak, "secadmin": same, "auditor": other})
    assert code == 2 and "sysadmin：" in err and "长度至少" in err and not data.exists()
    monkeypatch.setattr("sys.stdin", None)  # no terminal to ask on: the missing password is named
    code, _, err = _init(capsys, data, {"sysadmin": same, "secadmin": other})
    assert code == 2 and "--auditor-password-file" in err and "DINGMI_PASSWORD_AUDITOR" in err


def test_init_then_forced_password_change(tmp_path, capsys, monkeypatch):
    data = tmp_path / "unit"
    admin = _secret(tmp_path / "admin.txt", "Init#Admin2026")
    files = {"sysadmin": admin, "secadmin": _secret(tmp_path / "sec.txt", "Init#Secur2026")}
    monkeypatch.setenv("DINGMI_PASSWORD_AUDITOR", "Init#Audit2026")  # or from the environment
    code, out, _ = _init(capsys, data, files)
    assert code == 0 and "已创建" in out
    code, _, err = _init(capsys, data, files)
    assert code == 2 and "不为空" in err
    base = ("--data-dir", str(data))
    code, _, err = run(capsys, *base, "check", "--user", "sysadmin", "--password-file", str(admin))
    assert code == 3 and "必须先修改密码" in err
    new = tmp_path / "new.txt"
    new.write_text("Mine#Secret2026\n", "utf-8")
    new.chmod(0o600)  # a password file others can read is refused
    assert (
        run(
            capsys,
            *base,
            "passwd",
            "--user",
            "sysadmin",
            "--password-file",
            str(admin),
            "--new-password-file",
            str(new),
        )[0]
        == 0
    )
    assert run(capsys, *base, "check", "--user", "sysadmin", "--password-file", str(new))[0] == 0


def test_demo_refuses_an_existing_store(cli_store, capsys):
    before = {p.name: p.read_bytes() for p in cli_store.iterdir()}
    code, _, err = run(capsys, "--data-dir", str(cli_store), "demo")
    assert code == 2 and "不为空" in err
    assert {p.name: p.read_bytes() for p in cli_store.iterdir()} == before


@pytest.mark.slow
def test_demo_builds_with_calibrated_kdf(tmp_path, capsys, pw):
    data = tmp_path / "demo"
    code, out, _ = run(capsys, "--data-dir", str(data), "demo")
    assert code == 0 and "zhangsan" in out
    import json

    slots = json.loads((data / "keyslots.json").read_text("utf-8"))
    kdf = slots["slots"]["zhangsan"]["kdf"]
    assert kdf["memory_kib"] >= 65536 and kdf["time_cost"] >= 2  # calibrated, never below the floor
    code, out, _ = run(
        capsys, "--data-dir", str(data), "audit", "verify", "--user", "auditor", "--password-file", str(pw)
    )
    assert code == 0, out


def test_user_add_grant_and_reset(cli_store, capsys, pw, tmp_path):
    base = ("--data-dir", str(cli_store))
    initial = tmp_path / "initial.txt"
    initial.write_text("Start#Pass2026\n", "utf-8")
    initial.chmod(0o600)  # a password file others can read is refused
    code, out, _ = run(
        capsys,
        *base,
        "user",
        "add",
        "qianqi",
        "--name",
        "钱七",
        "--department",
        "业务处",
        "--initial-password-file",
        str(initial),
        "--user",
        "sysadmin",
        "--password-file",
        str(pw),
    )
    assert code == 0, out
    code, _, err = run(
        capsys,
        *base,
        "user",
        "add",
        "sunba",
        "--initial-password-file",
        str(initial),
        "--user",
        "secadmin",
        "--password-file",
        str(pw),
    )
    assert code == 3 and "系统管理员" in err
    code, _, err = run(
        capsys,
        *base,
        "user",
        "grant",
        "qianqi",
        "--role",
        "定密责任人",
        "--officer-kind",
        "指定",
        "--highest-level",
        "秘密",
        "--term-until",
        "2028-12-31",
        "--user",
        "secadmin",
        "--password-file",
        str(pw),
        "--cosigner",
        "auditor",
        "--cosigner-password-file",
        str(pw),
    )
    assert code == 0, err
    code, _, err = run(
        capsys,
        *base,
        "user",
        "grant",
        "qianqi",
        "--role",
        "安全审计员",
        "--user",
        "secadmin",
        "--password-file",
        str(pw),
    )
    assert code == 2 and "三员" in err
    code, _, err = run(
        capsys,
        *base,
        "user",
        "grant",
        "qianqi",
        "--role",
        "秘书",
        "--user",
        "secadmin",
        "--password-file",
        str(pw),
        "--term-until",
        "明天",
    )
    assert code == 2
    code, _, _ = run(
        capsys,
        *base,
        "passwd",
        "zhangsan",
        "--new-password-file",
        str(initial),
        "--user",
        "sysadmin",
        "--password-file",
        str(pw),
    )
    assert code == 0
    code, _, err = run(capsys, *base, "check", "--user", "zhangsan", "--password-file", str(initial))
    assert code == 3 and "必须先修改密码" in err


def test_audit_verify_export_and_tamper(cli_store, capsys, pw, tmp_path, clock):
    base = ("--data-dir", str(cli_store))
    code, out, _ = run(capsys, *base, "audit", "verify", "--user", "auditor", "--password-file", str(pw))
    assert code == 0 and "审计日志完整" in out
    out_csv = tmp_path / "audit.csv"
    code, out, _ = run(
        capsys,
        *base,
        "audit",
        "export",
        "--user",
        "auditor",
        "--password-file",
        str(pw),
        "--out",
        str(out_csv),
    )
    assert code == 0 and out_csv.read_text("utf-8-sig").startswith("seq,time,actor")
    code, _, _err = run(
        capsys,
        *base,
        "audit",
        "export",
        "--user",
        "zhangsan",
        "--password-file",
        str(pw),
        "--out",
        str(tmp_path / "x.csv"),
    )
    assert code == 3 and not (tmp_path / "x.csv").exists()

    from dingmi_desktop.storage.store import Store

    with Store.open(cli_store, clock=clock) as store:
        store.sign_in("sysadmin", DEMO_PASSWORD)
        with raw_admin(store) as conn:
            conn.execute("UPDATE audit_log SET actor = 'nobody' WHERE seq = 4")
    code, out, _ = run(capsys, *base, "audit", "verify", "--user", "auditor", "--password-file", str(pw))
    assert code == 1 and "第 4 条" in out
    code, out, _ = run(capsys, *base, "check", "--user", "zhangsan", "--password-file", str(pw))
    assert code == 1 and "第 4 条" in out


def test_backup_restore_and_check(cli_store, capsys, pw, tmp_path):
    base = ("--data-dir", str(cli_store))
    out_file = tmp_path / "b.dmbak"
    assert (
        run(
            capsys, *base, "backup", "--user", "sysadmin", "--password-file", str(pw), "--out", str(out_file)
        )[0]
        == 0
    )
    code, _, err = run(
        capsys, *base, "backup", "--user", "zhangsan", "--password-file", str(pw), "--out", "y"
    )
    assert code == 3
    target = tmp_path / "restored"
    code, out, _ = run(capsys, "--data-dir", str(target), "restore", str(out_file))
    assert code == 0 and "已从备份恢复" in out
    code, _, err = run(capsys, "--data-dir", str(target), "restore", str(out_file))
    assert code == 2 and "空目录" in err
    code, out, _ = run(
        capsys, "--data-dir", str(target), "check", "--user", "wangwu", "--password-file", str(pw)
    )
    assert code == 0 and "校验通过" in out
    damaged = tmp_path / "d.dmbak"
    damaged.write_bytes(out_file.read_bytes()[:-5])
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "r2"), "restore", str(damaged))
    assert code == 2 and "损坏" in err


def test_damaged_database_exit_1_one_line(cli_store, pw):
    db = cli_store / "dingmi.db"
    db.write_bytes(db.read_bytes()[:5000])
    before = db.read_bytes()
    result = dingmi("--data-dir", str(cli_store), "check", "--user", "zhangsan", "--password-file", str(pw))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "数据库文件已损坏" in result.stderr
    assert db.read_bytes() == before


def test_busy_store(demo_store, store_dir, pw):
    result = dingmi("--data-dir", str(store_dir), "check", "--user", "zhangsan", "--password-file", str(pw))
    assert result.returncode == 2 and "正被另一个" in result.stderr
