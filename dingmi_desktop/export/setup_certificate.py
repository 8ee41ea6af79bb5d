"""The setup certificate (单位信任根设立证书): one A4 sheet for the office file and for 备案 upward.

Pure: a TrustInfo in, PDF bytes out (ReportLab, the project's fonts). It states the unit, its 定密权限, the
store id, the root fingerprint in groups, when the root was founded and each 三员's key fingerprint with
who confirmed it, then lines for the signatures of the 三员 and the leader and the unit's seal.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import TYPE_CHECKING

from reportlab.pdfgen.canvas import Canvas

from dingmi_desktop.clock import local_date
from dingmi_desktop.export import geometry as g
from dingmi_desktop.export.fonts import FontSet, Role, font_set
from dingmi_desktop.export.renderer import draw_text, report_canvas
from dingmi_desktop.export.textwrap_cjk import wrap

if TYPE_CHECKING:
    from dingmi_desktop.services.trust_info import TrustInfo

TITLE = "单位信任根设立证书"
NOTE = (
    "本证书所列单位信任根指纹须与本软件“帮助→关于”中显示的指纹一致；"
    "不一致即表明数据存储被替换或篡改。本证书一式两份，一份存档，一份报上级保密行政管理部门备案。"
)
BODY = g.SIZE_SMALL_4
LEADING = 1.7 * BODY


class _Sheet:
    def __init__(self, canvas: Canvas, fonts: FontSet) -> None:
        self.canvas, self.fonts, self.top = canvas, fonts, g.TYPE_TOP

    def line(self, text: str, role: Role = Role.SONG, size: float = BODY, indent: float = 0.0) -> None:
        width = g.TYPE_WIDTH - indent
        for part in wrap(text, self.fonts, role, size, width) or [""]:
            draw_text(self.canvas, self.fonts, part, role, size, g.TYPE_LEFT + indent, self.top)
            self.top -= 1.7 * size

    def centred(self, text: str, role: Role, size: float) -> None:
        x = g.TYPE_LEFT + (g.TYPE_WIDTH - self.fonts.text_width(text, role, size)) / 2
        draw_text(self.canvas, self.fonts, text, role, size, x, self.top)
        self.top -= 2.2 * size

    def gap(self, amount: float = 0.5) -> None:
        self.top -= amount * LEADING

    def rule(self) -> None:
        self.canvas.setLineWidth(g.GRID_LINE_WIDTH)
        self.canvas.line(g.TYPE_LEFT, self.top, g.TYPE_RIGHT, self.top)
        self.top -= 0.5 * LEADING


def _draw(sheet: _Sheet, info: TrustInfo, now: datetime) -> None:
    sheet.centred(info.unit_name, Role.TITLE, g.SIZE_2)
    sheet.centred(TITLE, Role.TITLE, g.SIZE_2)
    sheet.rule()
    sheet.line(f"单位名称：{info.unit_name}")
    sheet.line(f"本单位定密权限：{info.authority}")
    sheet.line(f"数据存储编号：{info.store_id}")
    sheet.line(f"信任根建立时间：{info.founded_at or '—'}")
    sheet.gap(0.4)
    if info.root_fingerprint:
        sheet.line("单位信任根指纹（SHA-256，前 128 位）：", Role.HEI)
        sheet.line("  ".join(info.fingerprint_groups), Role.HEI, g.SIZE_3, indent=BODY)
    else:
        sheet.line("本数据存储尚未建立单位信任根：本证书不能用于备案。", Role.HEI)
    sheet.gap()
    sheet.line("三员账户及其签名密钥：", Role.HEI)
    for acc in info.accounts:
        sheet.line(f"{acc.role}：{acc.display_name}（{acc.username}）", indent=BODY)
        sheet.line(f"密钥指纹：{acc.fingerprint or '尚未确认，不能签名'}", indent=2 * BODY)
        made = f"{acc.origin}（{acc.certified_at}）" if acc.origin else "—"
        confirmed = "、".join(acc.confirmed_by) or "—"
        sheet.line(f"来源：{made}；当面确认：{confirmed}", indent=2 * BODY)
    sheet.gap()
    sheet.line(NOTE, Role.FANG)
    sheet.gap()
    for label in ("系统管理员签字", "安全保密管理员签字", "安全审计员签字", "单位负责人签字"):
        sheet.line(f"{label}：________________    日期：____年____月____日")
        sheet.gap(0.3)
    seal = "（单位印章）"
    sheet.line(seal, indent=g.TYPE_WIDTH - sheet.fonts.text_width(seal, Role.SONG, BODY) - 10 * g.mm)
    day = local_date(now)
    sheet.line(f"制证日期：{day.year}年{day.month}月{day.day}日    软件版本：定密桌面 {info.version}")


def render_certificate(info: TrustInfo, now: datetime, fonts: FontSet | None = None) -> bytes:
    fonts = fonts or font_set()
    buffer = io.BytesIO()
    canvas = report_canvas(buffer, fonts, title=f"{info.unit_name}{TITLE}", now=now, font_size=BODY)
    _draw(_Sheet(canvas, fonts), info, now)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
