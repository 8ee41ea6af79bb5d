"""Every unit setting declared once (Electrum's ConfigVar is the model): key, Chinese name, default, the
values allowed, who may change it, whether a second 三员 co-signs (the unit root certifies it) and the audit
wording. The settings repository, AccountService.set_setting, `dingmi policy set` and the pages read these."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dingmi_desktop.clock import DEFAULT_TIME_ZONE, is_known_zone
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.security.errors import InvalidInput
from dingmi_desktop.storage.audit import ALGORITHM_SETTING
from dingmi_desktop.storage.calendar_setting import CALENDAR_SETTING, EMPTY, valid_calendar

TIME_ZONE_SETTING = "unit.time_zone"
UNIT_KIND_SETTING = "unit.kind"  # domain.escalation.UnitKind: routes 不明确事项 (Reg 25)
UNIT_KINDS = ("中央国家机关", "省级机关", "设区的市级机关", "其他机关、单位")
ON_OFF = ("on", "off")
EXPIRING_WINDOW_SETTING = "office.expiring_window_days"  # the 首页's look-ahead for 解密日
EXPIRING_WINDOW_MAX = 365


def valid_window(value: str) -> bool:
    return value.isascii() and value.isdigit() and 1 <= int(value) <= EXPIRING_WINDOW_MAX


@dataclass(frozen=True)
class SettingDecl:
    key: str
    name: str  # the Chinese name shown in messages and the audit trail
    default: str
    choices: tuple[str, ...] = ()  # when empty, `check` decides
    check: Callable[[str], bool] | None = None
    expected: str = ""  # what a valid value looks like, in Chinese (for `check`)
    changed_by: tuple[str, ...] = (Role.SECADMIN,)
    cosigned: bool = False  # grants or restricts power: a second 三员 co-signs, the root certifies
    audit_action: str = "修改设置"
    cli_name: str = ""  # `dingmi policy set <cli_name> <value>`; empty: not set from that command

    def valid(self, value: str) -> bool:
        if self.choices:
            return value in self.choices
        return self.check is None or self.check(value)

    def problem(self, value: str) -> str:
        """Empty when ``value`` is allowed; otherwise what is wrong and how to fix it, in Chinese."""
        if self.valid(value):
            return ""
        wanted = "、".join(self.choices) if self.choices else self.expected
        return f"设置项“{self.name}”（{self.key}）的值“{value}”无效：应为 {wanted}。请改正后重试。"


DECLARED: tuple[SettingDecl, ...] = (
    SettingDecl(ALGORITHM_SETTING, "审计哈希算法", "sha256", choices=("sha256", "sm3")),
    SettingDecl(
        "workflow.review_step", "审核步骤", "on", choices=ON_OFF, cosigned=True, cli_name="review-step"
    ),
    SettingDecl("print.watermark", "打印水印", "off", choices=ON_OFF, cosigned=True, cli_name="watermark"),
    SettingDecl(
        CALENDAR_SETTING,
        "工作日历",
        EMPTY,
        check=valid_calendar,
        expected="工作日历数据（请在“工作日历”页面修改）",
        audit_action="修改工作日历",
    ),
    SettingDecl(
        TIME_ZONE_SETTING,
        "单位时区",
        DEFAULT_TIME_ZONE,
        check=is_known_zone,
        expected="已知的时区名称，如 Asia/Shanghai",
        cli_name="time-zone",
    ),
    SettingDecl(UNIT_KIND_SETTING, "单位类别", "设区的市级机关", choices=UNIT_KINDS, cli_name="unit-kind"),
    SettingDecl(
        EXPIRING_WINDOW_SETTING,
        "首页解密提醒天数",
        "30",
        check=valid_window,
        expected=f"1 到 {EXPIRING_WINDOW_MAX} 之间的整数（天），例如 60",
        cli_name="expiring-window",
    ),
)

BY_KEY: dict[str, SettingDecl] = {d.key: d for d in DECLARED}
BY_CLI_NAME: dict[str, SettingDecl] = {d.cli_name: d for d in DECLARED if d.cli_name}
COSIGNED: tuple[str, ...] = tuple(d.key for d in DECLARED if d.cosigned)


def declared(key: str) -> SettingDecl:
    try:
        return BY_KEY[key]
    except KeyError:
        raise InvalidInput(f"未知的设置项：{key}。可用的设置项：{'、'.join(BY_KEY)}。") from None
