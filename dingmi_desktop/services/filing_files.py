"""A filing's view → the export layer's FilingSheet → PDF or XLSX bytes (nothing touches disk here)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from dingmi_desktop.export.filing_pdf import FilingSheet, render_filing_pdf
from dingmi_desktop.export.filing_xlsx import render_filing_xlsx
from dingmi_desktop.services.filing_content import LEVELS, TOTAL

if TYPE_CHECKING:
    from dingmi_desktop.services.filing import FilingView

VERIFY_NOTE = (
    "本表内容摘要覆盖所附清单的全部事项；电子签名与审计链可在本单位定密桌面“备案报备”页"
    "或以 dingmi filing list 核验。"
)


def sheet_of(view: FilingView) -> FilingSheet:
    content, row = view.content, view.row
    return FilingSheet(
        filing_id=row.id,
        unit=str(content["unit"]),
        kind=row.kind,
        superior=row.superior,
        period_from=row.period_from,
        period_to=row.period_to,
        marking=str(content["marking"]),
        counts={key: int(content["counts"].get(key, 0)) for key in (*LEVELS, TOTAL)},  # JSON sorted them
        sections=[(s["title"], list(s["items"])) for s in content["sections"]],
        prepared_by=view.prepared_by,
        created_text=view.created_text,
        signed=view.signed,
        signer=view.signer,
        signed_text=view.signed_text,
        digest=row.content_digest,
        signature_hex=row.signature_hex,
        cert=row.cert_hash,
        head_seq=row.head_seq,
        head_hash=row.head_hash,
        root=row.root,
        valid=view.valid,
        notes=[VERIFY_NOTE],
    )


def render(view: FilingView, fmt: str, now: datetime) -> bytes:
    sheet = sheet_of(view)
    return render_filing_pdf(sheet, now) if fmt == "pdf" else render_filing_xlsx(sheet)
