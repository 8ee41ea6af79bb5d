"""`dingmi catalog import|export|list`: the 依据库 from a script.

Anyone signed in lists and exports it (the export is audited); only the 安全保密管理员 imports. Exit codes
as docs/interfaces.md: 0 done; 2 bad input (a file that is not a valid catalogue, an effective date before
the version in force, an output place that does not exist); 3 wrong password, locked, or not permitted.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

from dingmi_desktop.cli.common import EXIT_OK, EXIT_USAGE, CliError, add_user_arguments, read_limited
from dingmi_desktop.cli.store_commands import cli_errors, signed_in
from dingmi_desktop.domain import limits
from dingmi_desktop.domain.catalogue_doc import CatalogueDoc, read_catalogue
from dingmi_desktop.domain.errors import ValidationError
from dingmi_desktop.services.catalogue import CatalogueService


@contextlib.contextmanager
def _service(args: argparse.Namespace) -> Iterator[CatalogueService]:
    with signed_in(args) as session, cli_errors():
        try:
            yield CatalogueService(session)
        except ValidationError as exc:
            raise CliError([f"{p.field}：{p.message}" for p in exc.problems], EXIT_USAGE) from exc


def _read(path: str) -> CatalogueDoc:
    """The file's catalogue; a bad file is exit 2 before the store is opened."""
    data = read_limited(path, limits.MAX_IMPORT_FILE_BYTES, "依据库")
    try:
        return read_catalogue(data)
    except ValidationError as exc:
        lines = [f"{p.field}：{p.message}" for p in exc.problems]
        raise CliError([f"依据库文件 {path} 有误，未导入：", *lines], EXIT_USAGE) from exc


def cmd_import(args: argparse.Namespace) -> int:
    doc = _read(args.file)
    with _service(args) as service:
        result = service.import_document(doc)
    print(
        f"已导入为依据库第{result.version}版（{doc.effective_from.isoformat()} 起生效）："
        f"新增或修改 {result.added} 条，废止 {result.retired} 条，保留 {result.kept} 条。"
    )
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if not out.parent.is_dir():
        raise CliError(f"导出位置不存在：{out.parent}。请选择已有的文件夹。")
    with _service(args) as service:
        document = service.export_json()
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    partial = out.with_name(out.name + ".part")
    with cli_errors():  # written whole or not at all
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, out)
    count = sum(len(lst["items"]) for s in document["scopes"] for lst in s["lists"])
    print(f"已导出依据库第{document.get('catalogue_version', 0)}版（{count} 条细目）到 {out}。")
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    with _service(args) as service:
        items = service.items()
        versions = service.versions()
    newest = versions[-1] if versions else None
    if args.json:
        rows = [
            {
                "id": i.id,
                "scope": i.scope_code,
                "list": i.list_code,
                "code": i.code,
                "text": i.text,
                "level": i.category,
                "period": i.period_text,
                "knowers": i.knowers,
                "department": i.department,
                "since_version": i.from_version,
            }
            for i in items
        ]
        head = (
            {"version": newest.number, "effective_from": newest.effective_from.isoformat()} if newest else {}
        )
        print(json.dumps({**head, "items": rows}, ensure_ascii=False, indent=2))
        return EXIT_OK
    if newest is None:
        print("依据库为空：请由安全保密管理员导入（dingmi catalog import FILE --user secadmin）。")
        return EXIT_OK
    print(f"依据库第{newest.number}版，{newest.effective_from.isoformat()} 起生效，共 {len(items)} 条细目。")
    print("\t".join(("一览表", "编号", "密级", "保密期限", "知悉范围", "产生部门", "事项")))
    for i in items:
        print("\t".join((i.list_code, i.code, i.category, i.period_text, i.knowers, i.department, i.text)))
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction) -> None:
    cat = subparsers.add_parser("catalog", help="依据库（保密事项一览表）：导入、导出、列出").add_subparsers(
        dest="catalog_command", metavar="ACTION"
    )
    p = cat.add_parser("import", help="导入依据库 JSON 为新版本（安全保密管理员；记入审计）")
    p.add_argument("file", metavar="FILE", help="依据库 JSON 文件（格式见 docs/catalogue.schema.json）")
    add_user_arguments(p)
    p.set_defaults(handler=cmd_import)
    p = cat.add_parser("export", help="把现行依据库导出为 JSON（记入审计）")
    p.add_argument("--out", required=True, help="输出文件 FILE.json")
    add_user_arguments(p)
    p.set_defaults(handler=cmd_export)
    p = cat.add_parser("list", help="列出现行版本的细目")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    add_user_arguments(p)
    p.set_defaults(handler=cmd_list)
