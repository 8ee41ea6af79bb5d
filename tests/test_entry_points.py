"""`dingmi-desktop` arguments: where the store is, with and without --demo, and a Chinese --help saying so."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from dingmi_desktop.app import parse_args
from dingmi_desktop.paths import DATA_DIR_ENV, default_data_dir, demo_data_dir
from tests.clocked import REPO, command
from tests.fixtures.store import TEST_EPOCH


def test_demo_without_a_named_directory_uses_the_per_user_demo_dir() -> None:
    assert parse_args(["--demo"], environ={}).store_dir == demo_data_dir()
    assert parse_args([], environ={}).store_dir == default_data_dir({})
    assert demo_data_dir() != default_data_dir({})


def test_demo_honours_the_data_dir_environment_variable(tmp_path: Path) -> None:
    environ = {DATA_DIR_ENV: str(tmp_path / "env")}
    args = parse_args(["--demo"], environ=environ)
    assert args.demo and args.store_dir == tmp_path / "env"
    assert parse_args([], environ=environ).store_dir == tmp_path / "env"


def test_data_dir_option_wins_over_the_environment_with_or_without_demo(tmp_path: Path) -> None:
    environ = {DATA_DIR_ENV: str(tmp_path / "env")}
    for extra in ([], ["--demo"]):
        args = parse_args(["--data-dir", str(tmp_path / "opt"), *extra], environ=environ)
        assert args.store_dir == tmp_path / "opt"


def test_help_is_chinese_and_says_where_the_store_lives(tmp_path: Path) -> None:
    store = tmp_path / "存储"
    env = {**os.environ, DATA_DIR_ENV: str(store), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        command(TEST_EPOCH, "dingmi_desktop", "--help"),
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=True,
    )
    out = done.stdout
    assert out.startswith("用法：dingmi-desktop")
    assert "显示本帮助并退出" in out and "usage" not in out
    assert f"不带 --data-dir 启动时打开：{store}" in out
    assert f"--demo 不带 --data-dir 时打开（不存在则创建）：{store}" in out
