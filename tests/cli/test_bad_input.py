"""`dingmi form import` with every kind of bad input: exit 2, one Chinese line per problem, no traceback,
nothing stored (issue 11, point 10). Also the --password-file permission check (point 9)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dingmi_desktop.domain import limits
from dingmi_desktop.services.demo import DEMO_PASSWORD
from tests.services.samples import SECRET, content

Raw = bytes


def _doc(**changes: Any) -> Raw:
    return json.dumps(content(**changes), ensure_ascii=False).encode("utf-8")


def _with_text(key: str, value: str) -> Raw:
    """SECRET with one string field set through a JSON escape (so lone surrogates survive dumping)."""
    obj = content(**{key: "@@VALUE@@"})
    text = json.dumps(obj, ensure_ascii=False).replace('"@@VALUE@@"', json.dumps(value))
    return text.encode("utf-8")


DEEP = ("[" * 200 + "]" * 200).encode()
CASES: dict[str, tuple[Raw, str]] = {
    "nesting": (DEEP, "嵌套"),
    "nesting-in-field": (
        _doc(basis={"kind": "确定性", "reference": [[[[[[[[[[[[[[[[[["x"]]]]]]]]]]]]]]]]]]}),
        "嵌套",
    ),
    "surrogate-title": (_doc(title="@").replace(b'"@"', b'"\\ud800"'), "代理字符"),
    "surrogate-key": (_doc().replace(b'"title"', b'"\\udfff"', 1), "未知的键"),
    "date-9999": (_doc(start_date="9999-12-31"), "超出支持的范围"),
    "date-0001": (_doc(start_date="0001-01-01"), "超出支持的范围"),
    "date-feb-30": (_doc(start_date="2026-02-30"), "不存在"),
    "date-week-form": (_doc(start_date="2026-W01-1"), "YYYY-MM-DD"),
    "until-9999": (_doc(period={"until": "9999-12-31"}), "超出支持的范围"),
    "years-huge": (_doc(period={"years": 999_999_999}), "超过上限"),
    "copies-10**400": (_doc(copies=0).replace(b'"copies": 0', b'"copies": 1' + b"0" * 400), "位"),
    "copies-10**5000": (_doc(copies=0).replace(b'"copies": 0', b'"copies": 1' + b"0" * 5000), "位"),
    "copies-over-limit": (_doc(copies=limits.MAX_COPIES + 1), "份数"),
    "nan": (_doc(copies=0).replace(b'"copies": 0', b'"copies": NaN'), "NaN"),
    "duplicate-key": (_doc().replace(b'"title"', b'"title": "x", "title"', 1), "不止一次"),
    "rlo-title": (_with_text("title", "报告\u202egpj.exe"), "文字方向控制字符 U+202E"),
    "lri-doc-number": (_with_text("doc_number", "示\u2066〔2026〕"), "U+2066"),
    "lrm-department": (_with_text("department", "办公室\u200e"), "U+200E"),
    "rlm-scope": (_with_text("scope", "全体\u200f"), "U+200F"),
    "pdi-opinion": (_with_text("opinion", "同意\u2069"), "U+2069"),
    "c0-title": (_with_text("title", "标题\x07"), "控制字符 U+0007"),
    "c1-scope": (_with_text("scope", "范围\x85"), "U+0085"),
    "nul-opinion": (_with_text("opinion", "意见\x00"), "U+0000"),
    "newline-in-title": (_with_text("title", "第一行\n第二行"), "只能写成一行"),
    "line-separator": (_with_text("opinion", "意见\u2028"), "U+2028"),
    "title-too-long": (_doc(title="长" * (limits.TEXT_LIMITS["title"] + 1)), "超过上限"),
    "opinion-too-long": (_doc(opinion="见" * (limits.TEXT_LIMITS["opinion"] + 1)), "超过上限"),
    "knowers-too-many": (_doc(knowers=[f"人{i}" for i in range(limits.MAX_KNOWERS + 1)]), "超过上限"),
    "knower-name-too-long": (_doc(knowers=["张" * (limits.MAX_KNOWER_NAME + 1)]), "超过上限"),
    "condition-bidi": (
        _with_text("title", "x").replace(b'{"years": 10}', b'{"condition": "\\u202e"}'),
        "U+202E",
    ),
    "too-many-forms": (json.dumps([SECRET] * (limits.MAX_FORMS_PER_FILE + 1)).encode(), "最多导入"),
    "not-utf8": (b'{"title": "\xff\xfe"}', "UTF-8"),
    "truncated": (_doc().decode()[:40].encode(), "JSON 格式错误"),
    "truncated-mid-character": (_doc()[:39], "UTF-8"),
    "empty": (b"", "空的"),
    "one-bad-of-two": (b"[" + _doc() + b"," + _doc(start_date="9999-12-31") + b"]", "第2个表单"),
}


def _count(dingmi) -> int:  # type: ignore[no-untyped-def]
    r = dingmi("form", "list", "--user", "zhangsan", "--json")
    assert r.code == 0, r.err
    return len(r.json())


def _assert_refused(r, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert r.code == 2, (r.code, r.err)
    assert "Traceback" not in r.err and r.out == ""
    lines = r.err.splitlines()
    assert lines and all(line.strip() for line in lines)
    assert expected in r.err, r.err
    r.err.encode("utf-8")  # printable: no lone surrogate echoed back


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_exits_2_with_a_chinese_line_and_stores_nothing(dingmi, tmp_path: Path, case: str) -> None:
    data, expected = CASES[case]
    before = _count(dingmi)
    path = tmp_path / "bad.json"
    path.write_bytes(data)
    _assert_refused(dingmi("form", "import", str(path), "--user", "zhangsan"), expected)
    assert _count(dingmi) == before


def test_file_over_the_size_limit(dingmi, tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b" " * (limits.MAX_IMPORT_FILE_BYTES + 1))
    _assert_refused(dingmi("form", "import", str(path), "--user", "zhangsan"), "上限")


def test_directory_and_missing_file(dingmi, tmp_path: Path) -> None:
    _assert_refused(dingmi("form", "import", str(tmp_path), "--user", "zhangsan"), "目录")
    _assert_refused(dingmi("form", "import", str(tmp_path / "none.json"), "--user", "zhangsan"), "不存在")


def test_newline_and_tab_allowed_in_long_text(dingmi, tmp_path: Path) -> None:
    path = tmp_path / "ok.json"
    path.write_bytes(_with_text("opinion", "第一段\n\t第二段"))
    r = dingmi("form", "import", str(path), "--user", "zhangsan")
    assert r.code == 0, r.err
    shown = dingmi("form", "show", r.out.strip(), "--user", "zhangsan", "--json").json()
    assert shown["opinion"] == "第一段\n\t第二段"


def test_edit_refuses_bad_file_and_keeps_the_revision(dingmi, tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    path.write_bytes(_doc())
    form_id = dingmi("form", "import", str(path), "--user", "zhangsan").out.strip()
    path.write_bytes(_with_text("title", "改\u202e"))
    _assert_refused(dingmi("form", "edit", form_id, str(path), "--user", "zhangsan"), "U+202E")
    shown = dingmi("form", "show", form_id, "--user", "zhangsan", "--json").json()
    assert shown["title"] == SECRET["title"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300) | st.builds(lambda cut: _doc()[:cut], st.integers(0, 400)))
def test_fuzzed_files_never_give_a_traceback(dingmi, tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.json"
    path.write_bytes(data)
    r = dingmi("form", "import", str(path), "--user", "zhangsan")
    assert r.code in (0, 2) and "Traceback" not in r.err
    if r.code == 2:
        assert r.err.strip() and all(line.strip() for line in r.err.splitlines())


def test_password_file_readable_by_others_is_refused(dingmi, tmp_path: Path) -> None:
    pw = tmp_path / "pw.txt"
    pw.write_text(DEMO_PASSWORD + "\n", "utf-8")
    for mode in (0o644, 0o640, 0o604):
        pw.chmod(mode)
        r = dingmi("form", "list", "--user", "zhangsan", "--password-file", str(pw))
        assert r.code == 2 and "chmod 600" in r.err and "Traceback" not in r.err, r.err
    pw.chmod(0o600)
    assert dingmi("form", "list", "--user", "zhangsan", "--password-file", str(pw)).code == 0


def test_password_file_not_utf8_or_huge(dingmi, tmp_path: Path) -> None:
    pw = tmp_path / "pw.txt"
    pw.write_bytes(b"\xff\xfe\x00bad\n")
    pw.chmod(0o600)
    r = dingmi("form", "list", "--user", "zhangsan", "--password-file", str(pw))
    assert r.code == 2 and "UTF-8" in r.err
    pw.write_bytes(b"x" * (limits.MAX_PASSWORD_FILE_BYTES + 1))
    r = dingmi("form", "list", "--user", "zhangsan", "--password-file", str(pw))
    assert r.code == 2 and "上限" in r.err
