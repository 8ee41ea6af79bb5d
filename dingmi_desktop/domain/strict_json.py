"""Strict reading of a JSON document from bytes: every malformed input is one ValidationError, never a crash.

Refused (limits in domain/limits.py): a document over the size limit, text that is not UTF-8, a JSON
syntax error (reported by line and column), nesting deeper than MAX_JSON_DEPTH (checked before parsing, so
the parser cannot exhaust the stack), a key repeated in one object (the standard parser would silently keep
the last one), integers longer than MAX_INTEGER_DIGITS (10**400 and the like) and NaN/Infinity.
Strings are not judged here: each field's characters and length are checked by the field reader.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

from dingmi_desktop.domain import limits
from dingmi_desktop.domain.errors import Problem, ValidationError
from dingmi_desktop.domain.json_reader import shown

FILE_FIELD = "文件"
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}

# The messages of json.JSONDecodeError, in Chinese (prefix match).
_SYNTAX = (
    ("Expecting value", "此处缺少值"),
    ("Expecting property name enclosed in double quotes", "键须用英文双引号括起"),
    ("Expecting ',' delimiter", "缺少英文逗号"),
    ("Expecting ':' delimiter", "缺少英文冒号"),
    ("Unterminated string", "字符串缺少结束的双引号"),
    ("Invalid control character", "字符串中有未转义的控制字符（换行须写成 \\n）"),
    ("Invalid \\uXXXX escape", "无效的 \\u 转义"),
    ("Invalid \\escape", "无效的反斜杠转义"),
    ("Extra data", "JSON 内容结束后还有多余的内容"),
)


class _Refused(Exception):
    """Raised from a parser hook; carries the Chinese message."""


def _refuse(message: str) -> ValidationError:
    return ValidationError([Problem(FILE_FIELD, message)])


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            raise _Refused(f"同一对象中键“{shown(key)}”出现了不止一次；每个键只能写一次，请删除多余的一处")
        obj[key] = value
    return obj


def _integer(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > limits.MAX_INTEGER_DIGITS:
        raise _Refused(
            f"整数有 {digits} 位，超过上限 {limits.MAX_INTEGER_DIGITS} 位（份数、年数等不会这么大）"
        )
    return int(text)


def _constant(name: str) -> Any:
    raise _Refused(f"JSON 中不允许 {name}，请改为数字或删除该项")


def nesting_depth(text: str) -> int:
    """Deepest nesting of arrays and objects, brackets inside strings not counted."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(accumulate(_STEP[ch] for ch in brackets), default=0)


def _syntax_message(exc: json.JSONDecodeError) -> str:
    reason = next((zh for en, zh in _SYNTAX if exc.msg.startswith(en)), "无法识别的内容")
    return f"JSON 格式错误：第 {exc.lineno} 行第 {exc.colno} 列，{reason}"


def loads_strict(data: bytes) -> Any:
    """The JSON value of `data` (UTF-8, an optional BOM); ValidationError with one problem otherwise."""
    if len(data) > limits.MAX_IMPORT_FILE_BYTES:
        size = limits.MAX_IMPORT_FILE_BYTES // (1024 * 1024)
        raise _refuse(f"文件超过 {size} MB 的上限；请把表单分成几个文件导入")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _refuse(
            f"文件不是 UTF-8 编码的文本（第 {exc.start + 1} 个字节无效）；请以 UTF-8 编码保存"
        ) from None
    if not text.strip():
        raise _refuse("文件是空的，其中没有表单")
    depth = nesting_depth(text)
    if depth > limits.MAX_JSON_DEPTH:
        raise _refuse(f"JSON 嵌套有 {depth} 层，超过上限 {limits.MAX_JSON_DEPTH} 层；表单数据不会嵌套这么深")
    try:
        return json.loads(text, object_pairs_hook=_pairs, parse_int=_integer, parse_constant=_constant)
    except _Refused as exc:
        raise _refuse(str(exc)) from None
    except json.JSONDecodeError as exc:
        raise _refuse(_syntax_message(exc)) from None
    except (ValueError, RecursionError) as exc:  # defensive: any other parser refusal is still bad input
        raise _refuse(f"JSON 无法读取（{type(exc).__name__}）") from None
