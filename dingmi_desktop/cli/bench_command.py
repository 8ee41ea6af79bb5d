"""`dingmi bench [--quick] [--json] [--items N] [--acceptance]`."""

from __future__ import annotations

import argparse
import json
import tempfile

from dingmi_desktop.bench.acceptance import ACCEPTANCE_ITEMS, verdict
from dingmi_desktop.bench.runner import run_all


def _items(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"台账项数须为整数，例如 100000，而不是“{text}”。") from None
    if not 1 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError("台账项数须在 1 到 1000000 之间。")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("bench", help="运行性能基准")
    parser.add_argument("--quick", action="store_true", help="10,000 份表单、较少重复")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.add_argument(
        "--only",
        action="append",
        help="只运行某一类（store_bench / draft_bench / register_bench / pdf_bench / gui_bench）",
    )
    parser.add_argument(
        "--items", type=_items, help="台账基准生成的定密事项数（默认与表单数相同：10,000 或 100,000）"
    )
    parser.add_argument(
        "--acceptance",
        action="store_true",
        help=f"验收：生成 {ACCEPTANCE_ITEMS:,} 项，只测台账，并与预算比较（未达标时退出码为 1）",
    )
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    only, items = args.only, args.items
    if args.acceptance:
        only, items = ["register_bench"], items or ACCEPTANCE_ITEMS
    with tempfile.TemporaryDirectory(prefix="dingmi-bench-") as workdir:
        report = run_all(quick=args.quick, workdir=workdir, only=only, items=items)
    kept, lines = verdict(report) if args.acceptance else (True, [])
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    elif args.acceptance:
        print(f"定密台账验收（{report['sizes'].get('register.items', 0):,} 项）")
        print("\n".join(lines))
    else:
        for key, value in sorted(report["results"].items()):
            print(f"{key:40s} {value:.6f}")
    if not args.json:
        for note in report["notes"]:
            print(f"注：{note}")
    return 0 if kept else 1
