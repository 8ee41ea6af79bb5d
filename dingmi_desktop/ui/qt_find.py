"""Typed lookups of child widgets. PySide6's stubs differ between the Qt we ship (6.7: `findChildren`
returns an untyped iterable) and newer ones (typed lists); filtering by type gives one typed answer."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from PySide6.QtCore import QObject

T = TypeVar("T", bound=QObject)


def children_of(parent: QObject, kind: type[T]) -> list[T]:
    found: Iterable[object] = parent.findChildren(kind)
    return [child for child in found if isinstance(child, kind)]


def child_of(parent: QObject, kind: type[T], name: str) -> T | None:
    found: object = parent.findChild(kind, name)
    return found if isinstance(found, kind) else None
