"""Composition root of the GUI: parses arguments, builds the services, shows the first window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from dingmi_desktop.paths import default_data_dir, demo_data_dir


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="dingmi-desktop", description="定密桌面")
    parser.add_argument("--data-dir", type=Path, help="数据目录")
    parser.add_argument("--demo", action="store_true", help="打开（必要时创建）演示数据")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv if argv is not None else sys.argv[1:])
    data_dir = args.data_dir or (demo_data_dir() if args.demo else default_data_dir())

    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle(QApplication.translate("app", "定密桌面"))
    window.setCentralWidget(QLabel(QApplication.translate("app", "数据目录：{0}").format(data_dir)))
    window.resize(1024, 700)
    window.show()
    return app.exec()
