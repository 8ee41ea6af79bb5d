"""The renderer's input: a small, stable value type independent of the domain model's details."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class SignatureStatus(Enum):
    VALID = "签名有效"
    INVALID = "签名无效"
    UNSIGNED = "未签名"


@dataclass(frozen=True)
class SheetField:
    """One labelled value in the grid."""

    label: str
    value: str


@dataclass(frozen=True)
class OpinionEntry:
    """One opinion with who gave it, when, and whether the signature over it checks out."""

    role: str  # the grid label, e.g. 定密审核意见
    name: str = ""
    opinion: str = ""
    date: str = ""  # already formatted, e.g. 2026年11月28日
    signature: SignatureStatus = SignatureStatus.UNSIGNED
    signer_label: str = "签名"  # 记录人 where the person only records another body's decision

    def footer(self) -> str:
        parts = [f"{self.signer_label}：{self.name or '　　'}（{self.signature.value}）"]
        parts.append(f"日期：{self.date or '　　年　月　日'}")
        return "　　".join(parts)


@dataclass(frozen=True)
class SheetSection:
    """A band of the grid: an optional heading row, field rows (one or two fields a row), opinions."""

    title: str = ""
    rows: tuple[tuple[SheetField, ...], ...] = ()
    opinions: tuple[OpinionEntry, ...] = ()

    def __post_init__(self) -> None:
        for row in self.rows:
            if not 1 <= len(row) <= 2:
                raise ValueError("a grid row holds one or two fields")


@dataclass(frozen=True)
class SheetVerification:
    """What a reader checks the paper against: a short code and the QR code's payload."""

    code: str
    qr_payload: str


@dataclass(frozen=True)
class PageOptions:
    watermark: str = ""  # e.g. user and time, printed light grey across each page when set


@dataclass(frozen=True)
class SheetData:
    unit_name: str
    form_title: str  # 送审签发单 or 定密审核单
    marking: str  # exact marking text; "" for 非密
    urgency: str = ""  # 特急 / 加急 / ""
    sections: tuple[SheetSection, ...] = ()
    verification: SheetVerification | None = None
    options: PageOptions = field(default_factory=PageOptions)
    # after a 变更/解密/延长: the marking it replaced, printed struck through before `marking` (GB/T 9704)
    old_marking: str = ""

    @property
    def marking_line(self) -> str:
        """The marking line of the block as laid out: the old one (struck through) beside the new one."""
        if self.old_marking and self.old_marking != self.marking:
            return f"{self.old_marking}{STRUCK_GAP}{self.marking}"
        return self.marking


STRUCK_GAP = "　"  # a full-width space between the struck-through marking and the new one

ELECTRONIC_COPY = 0  # an exported or previewed electronic file, not a numbered paper copy
# Where a printed copy shows its 份号, an electronic file says what it is: no "000000" posing as a 份号.
ELECTRONIC_COPY_TEXT = "电子文件　非印制份"


def copy_number_text(copy_number: int) -> str:
    """份号: six Arabic digits (range-checked; 0 is reserved for ELECTRONIC_COPY)."""
    if not 0 <= copy_number <= 999_999:
        raise ValueError(f"份号超出范围：{copy_number}")
    return f"{copy_number:06d}"


def copy_line(copy_number: int) -> str:
    """The first line of the marking block: the 份号, or ELECTRONIC_COPY_TEXT on an electronic file."""
    text = copy_number_text(copy_number)
    return ELECTRONIC_COPY_TEXT if copy_number == ELECTRONIC_COPY else text
