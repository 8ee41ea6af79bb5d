"""Password policy against common and patterned passwords (issue 11, point 9): bundled offline list, pattern
checker, user and unit name, 汉字 as a character class. The demo keeps its Dingmi@2026 accounts."""

from __future__ import annotations

import pytest

from dingmi_desktop.paths import resource_path
from dingmi_desktop.security.errors import PasswordPolicyError
from dingmi_desktop.security.password_patterns import COMMON_LIST, common_words
from dingmi_desktop.security.passwords import PasswordPolicy, character_classes, check_password
from dingmi_desktop.services.accounts import AccountService
from dingmi_desktop.services.demo import DEMO_PASSWORD

POLICY = PasswordPolicy()

REFUSED = [
    "Password123",  # common word + sequence
    "Qwerty12345",  # keyboard row + sequence
    "Aaaaaaaaaa1",  # repeats
    "Dingmi@2026",  # the product's name + year
    "P@ssw0rd2026",  # leet spelling of a common word
    "1qaz@WSX3edc",  # keyboard column walk with shift
    "Abcd1234!@#$",  # sequences and a shifted row
    "Woaini1314!!",  # pinyin common password
    "Admin20262026",  # common word + repeated year
    "Zxcvbnm,./123",  # bottom keyboard row
    "Abcabcabc1!x",  # repeated unit
    "Welcome#19900101",  # word + date
]
ACCEPTED = [
    "Kiwi#Lamp2026",
    "Init#Pass2026",
    "Better#Pass2026",
    "Xk9#mQ2$pL",
    "Leader#Eigen2026",
    "晴川Ab#82地铁k",
]


@pytest.mark.parametrize("password", REFUSED)
def test_common_and_patterned_passwords_are_refused_with_reason_and_fix(password: str) -> None:
    problems = check_password(POLICY, password)
    assert len(problems) == 1, problems
    assert "容易被猜到" in problems[0] and "请改用" in problems[0]


@pytest.mark.parametrize("password", ACCEPTED)
def test_passwords_of_own_making_pass(password: str) -> None:
    assert check_password(POLICY, password, username="zhangsan", unit_name="示例单位") == []


def test_the_reason_names_the_guessable_parts() -> None:
    (message,) = check_password(POLICY, "Password123")
    assert "“password”" in message and "“123”" in message and "只剩 0 个字符" in message


def test_chinese_characters_are_a_class_of_their_own() -> None:
    assert character_classes("保密工作") == 1
    assert character_classes("保密工作abc") == 2
    assert check_password(POLICY, "晴川历历汉阳树ab12") == []  # 汉字 + lower + digit = 3 classes
    (message,) = check_password(POLICY, "晴川历历汉阳树芳草萋萋")
    assert "汉字" in message and "现有 1 类" in message


def test_user_name_and_unit_name_are_refused_saying_which() -> None:
    assert check_password(POLICY, "Zhangsan#Kiwi7", username="zhangsan") == [
        "不得包含用户名，请去掉其中的“zhangsan”"
    ]
    problems = check_password(POLICY, "示例单位Kiwi#7x", unit_name="示例单位")
    assert problems == ["不得包含单位名称，请去掉其中的“示例单位”"]


def test_list_is_bundled_offline_and_loaded() -> None:
    assert resource_path(*COMMON_LIST).stat().st_size > 1000
    words = common_words()
    assert {"password", "qwerty", "woaini", "dingmi", "密码"} <= words
    assert all(len(w) >= 2 for w in words)


def test_policy_is_applied_where_passwords_are_set(demo_store, demo_session) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PasswordPolicyError, match="容易被猜到"):
        AccountService(demo_session("sysadmin")).add_user("qianqi", "钱七", "", "Password123")
    with pytest.raises(PasswordPolicyError, match="单位名称"):
        AccountService(demo_session("sysadmin")).add_user(
            "qianqi", "钱七", "", f"{demo_store.unit_name}Kiwi#7x"
        )
    session = demo_session("zhangsan")
    with pytest.raises(PasswordPolicyError, match="容易被猜到"):
        session.change_password(DEMO_PASSWORD, "Qwerty12345")
    session.change_password(DEMO_PASSWORD, "Kiwi#Lamp2026")
    assert demo_store.sign_in("zhangsan", "Kiwi#Lamp2026").user.username == "zhangsan"


def test_demo_accounts_still_sign_in_with_the_demo_password(demo_store) -> None:  # type: ignore[no-untyped-def]
    """The demo builder sets Dingmi@2026 without the policy (it is refused for real accounts)."""
    assert check_password(POLICY, DEMO_PASSWORD) != []
    for name in ("zhangsan", "lisi", "wangwu", "sysadmin"):
        assert demo_store.sign_in(name, DEMO_PASSWORD).must_change_password is False
