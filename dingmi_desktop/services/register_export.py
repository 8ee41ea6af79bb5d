"""Files of an exported register view: CSV and XLSX share the same header rows.

Both open with the highest 密级 of the rows (the file's own marking, first row), then the unit, the filter,
the user and the time, then the column names and the rows. The XLSX also carries the marking in every
printed page's header and footer, so a printout of the sheet is marked like the file.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

FORMATS = ("csv", "xlsx")
SHEET_TITLE = "定密台账"


@dataclass(frozen=True)
class ExportHeader:
    marking: str
    unit: str
    filter_text: str
    user: str
    when: str

    def rows(self) -> list[list[str]]:
        return [
            [f"密级：{self.marking}"],
            [f"单位：{self.unit}", SHEET_TITLE],
            [f"筛选：{self.filter_text}"],
            [f"导出人：{self.user}", f"导出时间：{self.when}"],
        ]


def format_of(path: Path) -> str | None:
    """The export format named by the file's suffix, None when it is neither."""
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


def write_csv(
    out: Path, header: ExportHeader, columns: Sequence[str], rows: Sequence[Sequence[object]]
) -> None:
    # UTF-8 with BOM: spreadsheet programs on the terminals read it as UTF-8, not the local code page
    with open(out, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerows(header.rows())
        writer.writerow(list(columns))
        writer.writerows(rows)


def write_xlsx(
    out: Path, header: ExportHeader, columns: Sequence[str], rows: Sequence[Sequence[object]]
) -> None:
    from openpyxl import Workbook  # type: ignore[import-untyped]  # on use: only an export loads it

    book = Workbook(write_only=True)  # streams rows: a 100,000-item register does not build cell objects
    sheet = book.create_sheet(SHEET_TITLE)
    for part in (sheet.oddHeader, sheet.oddFooter, sheet.evenHeader, sheet.evenFooter):
        part.center.text = header.marking
        part.center.size = 14
    sheet.oddFooter.right.text = "第 &P 页 共 &N 页"
    sheet.evenFooter.right.text = "第 &P 页 共 &N 页"
    for line in header.rows():
        sheet.append(line)
    sheet.append(list(columns))
    for row in rows:
        sheet.append(list(row))
    book.save(out)
