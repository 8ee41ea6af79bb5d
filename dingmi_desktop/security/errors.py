"""Errors shown to users: each carries one Chinese line in `.message`, shown as is by the GUI and CLI."""

from __future__ import annotations

import math
from datetime import timedelta


class DingmiError(Exception):
    """Base of every expected failure of the store, accounts and audit."""

    default_message = "操作失败。"

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.default_message
        super().__init__(self.message)


class StoreNotFound(DingmiError):
    default_message = "数据目录中没有定密桌面的数据，请先运行 dingmi init 或 dingmi demo。"


class StoreExists(DingmiError):
    default_message = "数据目录已存在且不为空，为避免覆盖已有数据，操作已取消。"


class StoreBusy(DingmiError):
    default_message = "数据目录正被另一个定密桌面程序使用，请先关闭它再试。"


class SlotFileMissing(DingmiError):
    default_message = "密钥槽文件 keyslots.json 缺失，无法解锁数据。请从备份恢复。"


class SlotFileDamaged(DingmiError):
    default_message = "密钥槽文件 keyslots.json 已损坏，无法解锁数据。文件未被修改，请从备份恢复。"


class DatabaseDamaged(DingmiError):
    default_message = "数据库文件已损坏或不完整，无法打开。文件未被修改，请从备份恢复。"


class StoreTooNew(DingmiError):
    default_message = "数据由更新版本的定密桌面创建，本版本无法打开，请升级程序。"


class DiskFull(DingmiError):
    default_message = "磁盘空间不足（或磁盘无法写入），操作未完成。请清理磁盘后重试；数据未被修改。"

    @classmethod
    def at(cls, path: object) -> DiskFull:
        return cls(f"磁盘空间不足：无法写入 {path}，操作未完成。请清理磁盘后重试；数据未被修改。")


class ReadOnlyLocation(DingmiError):
    """A place the program must write to is read-only (mount, permissions, immutable attribute)."""

    default_message = "无法写入：该位置只读或没有写入权限，操作未完成。请改为可写后重试；数据未被修改。"

    @classmethod
    def at(cls, path: object) -> ReadOnlyLocation:
        return cls(f"无法写入 {path}：该位置只读或没有写入权限，操作未完成。请改为可写后重试；数据未被修改。")


class DataDirReadOnly(ReadOnlyLocation):
    default_message = "数据目录只读：无法写入数据目录。请将数据目录改为可写后重试；数据未被修改。"

    @classmethod
    def at(cls, path: object) -> DataDirReadOnly:
        return cls(
            f"数据目录只读：{path} 无法写入（只读挂载或没有写入权限）。"
            "请将数据目录改为可写后重试；数据未被修改。"
        )


class AuthError(DingmiError):
    """Authentication refused (CLI exit code 3)."""


class WrongPassword(AuthError):
    """``attempts_left`` is set only for an existing account (None: unknown user or not counted), so the
    message itself never differs between a wrong password and an unknown user name."""

    default_message = "用户名或密码错误。"

    def __init__(
        self, message: str | None = None, *, attempts_left: int | None = None, lock_minutes: int | None = None
    ) -> None:
        super().__init__(message)
        self.attempts_left = attempts_left
        self.lock_minutes = lock_minutes


class AccountLocked(AuthError):
    def __init__(self, remaining: timedelta) -> None:
        self.remaining = remaining
        minutes, seconds = divmod(max(0, math.ceil(remaining.total_seconds())), 60)
        super().__init__(f"账户已锁定，请在 {minutes} 分 {seconds} 秒后重试。")


class AccountDisabled(AuthError):
    default_message = "账户已停用，请联系系统管理员。"


class PasswordChangeRequired(AuthError):
    default_message = "必须先修改初始密码或已过期的密码。"


class PasswordPolicyError(DingmiError):
    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("密码不符合策略：" + "；".join(self.problems) + "。")


class PermissionDenied(DingmiError):
    default_message = "当前用户无权执行此操作。"


class RoleConflict(DingmiError):
    default_message = "角色冲突：三员角色互斥，且不得兼任业务角色。"


class NotFound(DingmiError):
    default_message = "未找到指定的记录。"


class ConcurrentEdit(DingmiError):
    default_message = "表单已被修改，请重新打开后再保存。"


class InvalidInput(DingmiError):
    default_message = "输入无效。"


class BackupInvalid(DingmiError):
    default_message = "备份文件已损坏或不是定密桌面的备份，未恢复任何数据。"
