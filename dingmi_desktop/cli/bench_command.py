"""`dingmi bench [--quick] [--json]`."""

from __future__ import annotations

import argparse
import json
import tempfile

from dingmi_desktop.bench.runner import run_all


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("bench", help="运行性能基准")
    parser.add_argument("--quick", action="store_true", help="10,000 份表单、较少重复")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.add_argument(
        "--only",
        action="append",
        help="只运行某一类（store_bench / draft_bench / register_bench / pdf_bench / gui_bench）",
    )
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="dingmi-bench-") as workdir:
        report = run_all(quick=args.quick, workdir=workdir, only=args.only)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for key, value in sorted(report["results"].items()):
            print(f"{key:40s} {value:.6f}")
        for note in report["notes"]:
            print(f"注：{note}")
    return 0
