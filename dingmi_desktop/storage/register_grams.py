"""The register's index of characters and character pairs, for searches of one or two characters.

The trigram index (register_search) needs three characters; a shorter search scanned and decrypted the
whole register (≈ 140 ms at 100,000 items). This index holds, for each register row, every character and
every pair of adjacent characters of its searchable columns as one token each, so a one- or two-character
search is one token lookup: it finds exactly what `LIKE '%…%'` over those columns finds (ASCII letters
folded, as LIKE folds them).

SQLite's own tokenizers cannot cut text into single characters, so the tokens are computed here, in Python.
They are not computed by a trigger: a trigger calling a Python function would make every write through a
connection without it (sqlite3 shell, a script) fail. The register's triggers instead note the rows they
touch in `register_grams_dirty` (plain SQL), `flush` re-indexes those rows before every commit of the
program, and a search treats a row still noted as dirty by scanning it (`SHORT_MATCHES`): a row written
by any other means is found all the same.

A token spells its code points in hex (`x5bc6` for 密, `x673ay5bc6` for 机密) so the `ascii` tokenizer
keeps it whole, punctuation and spaces included. The index is contentless, without positions
(`detail=none`), so it holds only which rows have which token. Changing `grams` needs a migration that
marks every row dirty and flushes (as 0016 does).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from typing import Any

from sqlalchemy import Connection

from dingmi_desktop.storage.register_sql import SEARCH_COLUMNS
from dingmi_desktop.storage.text_search import any_like

CHUNK = 2000  # rows re-indexed per round of a flush (bounds the memory of a large flush)
_ASCII_FOLD = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}


def _codes(text: str) -> list[str]:
    return [f"{ord(ch):x}" for ch in text.translate(_ASCII_FOLD)]


def grams(texts: Iterable[str]) -> str:
    """The tokens of one row: each character and each adjacent pair within one column, space-separated."""
    tokens: set[str] = set()
    for text in texts:
        singles = ["x" + code for code in _codes(text)]
        tokens.update(singles)
        tokens.update([a + "y" + b[1:] for a, b in pairwise(singles)])
    return " ".join(tokens)


def needle_token(needle: str) -> str:
    """The MATCH expression of a one- or two-character search."""
    if not 1 <= len(needle) <= 2:
        raise ValueError("a gram search takes one or two characters")
    return '"x' + "y".join(_codes(needle)) + '"'


# The form ids a one- or two-character search finds: the index, except rows written since the last flush,
# which are scanned instead (parameters: gram = needle_token, pattern = the escaped '%needle%').
SHORT_MATCHES = (
    "SELECT rowid FROM register_grams WHERE register_grams MATCH :gram "
    "EXCEPT SELECT form_id FROM register_grams_dirty "
    "UNION SELECT g.form_id FROM register_grams_dirty g JOIN register_entries r ON r.form_id = g.form_id "
    f"WHERE {any_like((f'r.{c}' for c in SEARCH_COLUMNS), 'pattern')}"
)

CREATE_INDEX = (
    "CREATE VIRTUAL TABLE register_grams USING fts5(grams, content='', contentless_delete=1, "
    "detail='none', tokenize='ascii')"
)
CREATE_DIRTY = "CREATE TABLE register_grams_dirty (form_id INTEGER NOT NULL PRIMARY KEY)"
_NOTE = "INSERT OR IGNORE INTO register_grams_dirty (form_id) VALUES"
TRIGGERS = {
    "register_grams_ins": f"AFTER INSERT ON register_entries BEGIN {_NOTE} (NEW.form_id); END",
    "register_grams_del": f"AFTER DELETE ON register_entries BEGIN {_NOTE} (OLD.form_id); END",
    "register_grams_upd": (
        f"AFTER UPDATE ON register_entries BEGIN {_NOTE} (OLD.form_id); {_NOTE} (NEW.form_id); END"
    ),
}


def upgrade_statements() -> list[str]:
    statements = [CREATE_INDEX, CREATE_DIRTY]
    statements += [f"CREATE TRIGGER {name} {body}" for name, body in TRIGGERS.items()]
    statements.append("INSERT INTO register_grams_dirty (form_id) SELECT form_id FROM register_entries")
    return statements


def downgrade_statements() -> list[str]:
    return [f"DROP TRIGGER {name}" for name in TRIGGERS] + [
        "DROP TABLE register_grams_dirty",
        "DROP TABLE register_grams",
    ]


_COLUMNS = ", ".join(f"r.{c}" for c in SEARCH_COLUMNS)
_DIRTY_ROWS = (
    f"SELECT g.form_id, r.form_id, {_COLUMNS} FROM register_grams_dirty g "
    f"LEFT JOIN register_entries r ON r.form_id = g.form_id ORDER BY g.form_id LIMIT {CHUNK}"
)


def flush(conn: Connection) -> int:
    """Re-indexes every row noted dirty, inside the caller's transaction; returns how many."""
    done = 0
    while rows := conn.exec_driver_sql(_DIRTY_ROWS).all():
        last = rows[-1][0]
        conn.exec_driver_sql(
            "DELETE FROM register_grams WHERE rowid IN "
            "(SELECT form_id FROM register_grams_dirty WHERE form_id <= ?)",
            (last,),
        )
        present: list[Any] = [(row[0], grams(row[2:])) for row in rows if row[1] is not None]
        if present:
            conn.exec_driver_sql("INSERT INTO register_grams (rowid, grams) VALUES (?, ?)", present)
        conn.exec_driver_sql("DELETE FROM register_grams_dirty WHERE form_id <= ?", (last,))
        done += len(rows)
    return done


def rebuild(conn: Connection) -> int:
    """Indexes every register row afresh (the index's own 'delete-all', then a flush of every row)."""
    conn.exec_driver_sql("INSERT INTO register_grams (register_grams) VALUES ('delete-all')")
    conn.exec_driver_sql(
        "INSERT OR IGNORE INTO register_grams_dirty (form_id) SELECT form_id FROM register_entries"
    )
    return flush(conn)
