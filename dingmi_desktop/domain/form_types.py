"""The two forms as frozen value objects (docs/rules.md §7). Re-exported by `forms`.

A Form holds only what the drafter proposes. Opinions, decisions, signatures, 会签, 份号 and escalation
records are workflow records kept by storage, so an approval can bind to the content hash of the form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.periods import Period


class FormKind(Enum):
    DISPATCH = "送审签发单"
    REVIEW = "定密审核单"


class BasisKind(Enum):
    DEFINITE = "确定性"  # an item of a 保密事项范围 / the unit's 一览表
    DERIVED = "派生"
    UNCLEAR = "不明确事项"
    DISPUTED = "有争议事项"
    ABOVE_AUTHORITY = "超出权限"

    @property
    def classification_type(self) -> str:
        """The 定密类型 column of the printed forms."""
        return _TYPE_LABEL[self]


_TYPE_LABEL = {
    BasisKind.DEFINITE: "原始定密",
    BasisKind.DERIVED: "派生定密",
    BasisKind.UNCLEAR: "不明确事项",
    BasisKind.DISPUTED: "有争议事项",
    BasisKind.ABOVE_AUTHORITY: "超出定密权限",
}


class Urgency(Enum):
    VERY_URGENT = "特急"
    URGENT = "加急"


class Publicity(Enum):
    PROACTIVE = "主动公开"
    ON_REQUEST = "依申请公开"
    NOT_PUBLIC = "不予公开"


class Carrier(Enum):
    PAPER = "纸质"
    ELECTRONIC = "电子"
    OPTICAL = "光介质"
    MAGNETIC = "磁介质"
    EQUIPMENT = "设备"
    PRODUCT = "产品"


class Retention(Enum):
    """保管期限: archival retention of the dispatched document (not the 保密期限)."""

    PERMANENT = "永久"
    THIRTY_YEARS = "30年"
    TEN_YEARS = "10年"


# Reg 18 (and 派生国家秘密定密管理暂行办法 Art 7): the four situations in which an item is derived from an
# already classified source, in the articles' words.
DERIVED_CASES: dict[int, str] = {
    1: "与已定密事项完全一致",
    2: "涉及已定密事项密点",
    3: "对已定密事项进行概括总结、编辑整合、具体细化",
    4: "原定密机关、单位对使用已定密事项有明确定密要求",
}


@dataclass(frozen=True)
class DerivedSource:
    """The already classified source of a 派生 decision (its own number or title, classifying body, level,
    period in its own form, 制发日, scope, and the case of Reg 18)."""

    doc_number: str
    category: Category
    period: Period | None
    scope: str
    case: int
    title: str = ""  # 来源事项名称 (when it has no 文号)
    authority: str = ""  # 原定密机关、单位
    start_date: date | None = None  # the source's 制发日: its period runs from it


@dataclass(frozen=True)
class Basis:
    """定密依据. `allows_long_term`: the basis item itself prescribes 长期; `special_rule`: the explicit
    reference that allows exceeding the Law 20 maximum ("除另有规定外"). A 派生 basis names its first source
    in `source` and any further ones in `more_sources`; `scope_within_source` is the drafter's explicit
    confirmation that the 知悉范围 is no wider than the sources' (free text cannot be compared)."""

    kind: BasisKind
    reference: str = ""
    text: str = ""
    source: DerivedSource | None = None
    allows_long_term: bool = False
    special_rule: str = ""
    more_sources: tuple[DerivedSource, ...] = ()
    scope_within_source: bool = False

    @property
    def sources(self) -> tuple[DerivedSource, ...]:
        """Every source of a 派生 basis, the first one first."""
        return ((self.source,) if self.source is not None else ()) + self.more_sources


@dataclass(frozen=True)
class Form:
    """One 送审签发单 or 定密审核单 as proposed by the drafter. Lists are tuples so the value is hashable."""

    form: FormKind
    title: str  # 标题 / 事项名称
    category: Category  # 拟定密级 (provisional level for 不明确事项, highest claimed for 有争议事项)
    period: Period | None = None
    start_date: date | None = None  # 制发日: the period runs from it
    scope: str = ""  # 知悉范围
    knowers: tuple[str, ...] = ()  # required for 机密 and 绝密 (Reg 20)
    basis: Basis | None = None
    doc_number: str = ""  # 发文字号 / 文号
    department: str = ""  # 产生部门 / 拟稿单位
    urgency: Urgency | None = None
    publicity: Publicity | None = None
    copies: int | None = None  # 印制份数 / 份数
    main_recipients: str = ""  # 主送
    cc: str = ""  # 抄送
    opinion: str = ""  # 承办人定密意见
    # docs/rules.md §7 fields beyond the docs/interfaces.md example (JSON keys listed in docs/CONTRACTS.md).
    unit_name: str = ""  # 单位名称
    doc_type: str = ""  # 文种
    attachments: str = ""  # 附件
    drafter_name: str = ""  # 拟稿人
    drafted_on: date | None = None  # 拟稿日期
    drafter_phone: str = ""  # 拟稿人联系电话
    proofreader: str = ""  # 校对
    sealed_on: date | None = None  # 封发日期
    carrier: Carrier | None = None  # 载体形式
    secret_points: str = ""  # 密点 (optional)
    retention: Retention | None = None  # 保管期限 column of the 送审签发单 (archival, not 保密期限)
    notice_date: date | None = None  # no document to mark: the written notice to the 知悉范围 (Reg 19 ¶2)

    @property
    def period_start(self) -> date | None:
        """Where the period runs from: the 制发日, else the date of the written notice (Reg 19 ¶2)."""
        return self.start_date or self.notice_date

    @property
    def classification_type(self) -> str:
        return self.basis.kind.classification_type if self.basis else ""

    @property
    def is_derived(self) -> bool:
        return self.basis is not None and self.basis.kind is BasisKind.DERIVED
