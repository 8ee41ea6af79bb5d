"""Account rows for the services that change them (accounts, roles): the queries live here, not inline."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.security.errors import NotFound
from dingmi_desktop.storage import tables as t


class UserRows:
    """Mutable ORM rows of users and their role grants (read-only views: directory.UserRepository)."""

    def __init__(self, orm: OrmSession) -> None:
        self._orm = orm

    def by_username(self, username: str) -> t.User:
        row = self._orm.scalars(select(t.User).where(t.User.username == username)).first()
        if row is None:
            raise NotFound(f"未找到用户 {username}。")
        return row

    def grants(self, user_id: int, role: str) -> list[t.RoleGrant]:
        query = select(t.RoleGrant).where(t.RoleGrant.user_id == user_id, t.RoleGrant.role == role)
        return list(self._orm.scalars(query))

    def has_role(self, user_id: int, role: str) -> bool:
        return bool(self.grants(user_id, role))

    def remove_grants(self, user_id: int, role: str) -> int:
        """Deletes the user's grants of ``role`` (flushed, so a replacement can be written); their number."""
        rows = self.grants(user_id, role)
        for row in rows:
            self._orm.delete(row)
        self._orm.flush()
        return len(rows)
