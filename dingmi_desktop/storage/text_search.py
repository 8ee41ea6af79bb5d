"""Text as the stores' searches need it: an FTS5 phrase (trigram: three characters or more) and a LIKE
pattern with its wildcards taken literally (shorter text, and the scans the indexes are checked against)."""

from __future__ import annotations

from collections.abc import Iterable

LIKE_ESCAPE = "\\"


def fts_phrase(needle: str) -> str:
    """`needle` as one FTS5 phrase (its double quotes doubled)."""
    return '"' + needle.replace('"', '""') + '"'


def like_pattern(needle: str) -> str:
    """`%needle%` with LIKE's wildcards escaped (escape character: backslash)."""
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def any_like(columns: Iterable[str], parameter: str) -> str:
    """SQL: any of `columns` LIKE the bound `:parameter` (a like_pattern)."""
    return " OR ".join(f"{c} LIKE :{parameter} ESCAPE '{LIKE_ESCAPE}'" for c in columns)
