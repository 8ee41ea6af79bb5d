"""Every limit on input the program reads (form interchange JSON, command-line dates, password files).

One place, documented in docs/limits.md: change a number here and there together. The limits are generous
for real 定密 work and small enough that a hostile or garbled file is refused with a message, never a crash.
"""

from __future__ import annotations

from datetime import date

# --- files --------------------------------------------------------------------------------------------
MAX_IMPORT_FILE_BYTES = 8 * 1024 * 1024  # a form JSON file of `form import` / `form edit`
MAX_PASSWORD_FILE_BYTES = 4096  # a --password-file (only its first line is used)
MAX_FORMS_PER_FILE = 200  # forms in one import file
MAX_JSON_DEPTH = 16  # nested arrays/objects; a form needs 5 (list, form, basis, source, period)
MAX_INTEGER_DIGITS = 9  # digits of a JSON integer (份数, years, 情形); 10**400 is refused while reading

# --- values -------------------------------------------------------------------------------------------
MAX_COPIES = 10_000  # 印制份数; 份号 has six digits, a larger run is a typing error
MAX_PERIOD_YEARS = 100  # a duration beyond the Law 20 maxima needs a special rule; beyond this is an error
MIN_DATE = date(1900, 1, 1)  # supported range of every date read (制发日, 解密时间, ...)
MAX_DATE = date(2199, 12, 31)
MAX_KNOWERS = 1000  # names in 知悉人员
MAX_KNOWER_NAME = 50  # characters of one name

# Characters of each text field (interchange key path). A missing key means DEFAULT_TEXT_LIMIT.
DEFAULT_TEXT_LIMIT = 200
TEXT_LIMITS: dict[str, int] = {
    "title": 200,
    "knowers": MAX_KNOWER_NAME,  # each name
    "doc_number": 64,
    "department": 100,
    "unit_name": 100,
    "doc_type": 50,
    "drafter_name": 50,
    "drafter_phone": 50,
    "proofreader": 50,
    "scope": 2000,
    "main_recipients": 1000,
    "cc": 1000,
    "opinion": 5000,
    "attachments": 2000,
    "secret_points": 2000,
    "basis.reference": 500,
    "basis.text": 10_000,
    "basis.special_rule": 1000,
    "basis.source.doc_number": 64,
    "basis.source.scope": 2000,
    "period.condition": 200,
}

# Long text fields may hold newlines and tabs; every other field is one line.
MULTILINE_FIELDS = frozenset(
    {
        "scope",
        "main_recipients",
        "cc",
        "opinion",
        "attachments",
        "secret_points",
        "basis.text",
        "basis.source.scope",
    }
)


def text_limit(field: str) -> int:
    """The character limit of `field`; a nested source field ("basis.source.period.condition") by its tail."""
    if field in TEXT_LIMITS:
        return TEXT_LIMITS[field]
    tail = field.rsplit(".", 2)
    return TEXT_LIMITS.get(".".join(tail[-2:]), DEFAULT_TEXT_LIMIT)
