"""The unit's security policy row (password rules and lockout numbers): read and written only here."""

from __future__ import annotations

from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.security.errors import DatabaseDamaged
from dingmi_desktop.security.passwords import PasswordPolicy
from dingmi_desktop.storage import tables as t


class PolicyRepository:
    def __init__(self, orm: OrmSession) -> None:
        self._orm = orm

    def _row(self) -> t.SecurityPolicy:
        row = self._orm.get(t.SecurityPolicy, 1)
        if row is None:
            raise DatabaseDamaged("数据库中缺少安全策略，无法继续。请从备份恢复。")
        return row

    def read(self) -> PasswordPolicy:
        row = self._row()
        return PasswordPolicy.from_json({k: getattr(row, k) for k in PasswordPolicy.__dataclass_fields__})

    def write(self, policy: PasswordPolicy) -> None:
        row = self._row()
        for key, value in policy.to_json().items():
            setattr(row, key, value)
