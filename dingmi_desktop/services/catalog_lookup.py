"""Read-only access to the 依据 catalog for the basis picker."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dingmi_desktop.storage.records import CatalogItemRecord
    from dingmi_desktop.storage.session import Session


class CatalogLookup:
    """The catalog items, read in one transaction (no fuller catalog service exists yet)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def items(self) -> list[CatalogItemRecord]:
        with self.session.transaction() as tx:
            return tx.catalog.items()
