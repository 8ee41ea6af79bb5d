"""The history timeline shows which signatures still hold after a 系统管理员 edits the database directly."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from tests.gui.helpers import approve, draft_and_submit, review
from tests.storage.tamper import raw_admin


def _decided_form(gui, qtbot) -> int:  # type: ignore[no-untyped-def]
    form_id = draft_and_submit(gui, qtbot)
    review(gui, qtbot, form_id)
    approve(gui, qtbot, form_id)
    return form_id


def _badges(page) -> dict[str, tuple[str, str]]:  # type: ignore[no-untyped-def]
    """action -> (badge property, badge text) of every decision card."""
    cards = [c for c in page.history.cards if c.entry.action in {"submit", "review_agree", "approve"}]
    return {c.entry.action: (c.badge.property("badge"), c.badge.text()) for c in cards}


def _reopen(gui, form_id: int):  # type: ignore[no-untyped-def]
    gui.open_page("decided")
    return gui.open_form(form_id)


VALID = ("valid", "签名有效")
INVALID = ("invalid", "签名无效")
UNSIGNED = ("none", "未签名")


def test_timeline_badges_of_an_untouched_form(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    form_id = _decided_form(gui, qtbot)
    page = _reopen(gui, form_id)
    assert _badges(page) == {"submit": UNSIGNED, "review_agree": VALID, "approve": VALID}
    assert not page.history.warning.isVisibleTo(page.history)
    heads = {c.entry.action: c.findChild(QLabel, "historyHead").text() for c in page.history.cards}
    assert "李四（定密审核人）" in heads["review_agree"] and "王五（定密责任人）" in heads["approve"]
    assert "拟稿人 张三" in page.id_label.text()  # people by their names, accounts in the tooltip


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE decisions SET opinion = '同意按秘密级、5年管理' WHERE id = :approval",
        'UPDATE decisions SET corrections = \'{"category":"秘密"}\' WHERE id = :approval',
        "UPDATE decisions SET time = '2026-01-01T08:00:00.000000+00:00' WHERE id = :approval",
        "UPDATE decisions SET actor_id = (SELECT id FROM users WHERE username = 'zhaoliu') "
        "WHERE id = :approval",
    ],
    ids=["opinion", "corrections", "time", "actor"],
)
def test_edited_approval_shows_signature_invalid_and_the_others_stay_valid(gui, qtbot, statement) -> None:  # type: ignore[no-untyped-def]
    form_id = _decided_form(gui, qtbot)
    with raw_admin(gui.controller.backend.store) as conn:
        (approval,) = conn.execute(
            "SELECT id FROM decisions WHERE form_id = ? AND action = 'approve'", (form_id,)
        ).fetchone()
        assert conn.execute(statement.replace(":approval", str(approval))).rowcount == 1

    page = _reopen(gui, form_id)
    badges = _badges(page)
    assert badges["approve"] == INVALID
    assert badges["review_agree"] == VALID
    assert badges["submit"] == UNSIGNED
    card = next(c for c in page.history.cards if c.entry.action == "approve")
    assert card.badge.isVisibleTo(page.history)
    counts = page.history.badge_counts()
    assert counts == {"valid": 1, "invalid": 1, "none": 1}  # saved revisions carry no badge
    assert page.history.warning.isVisibleTo(page.history)
    assert "有 1 条办理记录的签名无效" in page.history.warning.text()


def test_edited_form_content_voids_the_signatures_over_it(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The decided values themselves changed (机密 → 秘密): every signature over that revision fails."""
    form_id = _decided_form(gui, qtbot)
    with raw_admin(gui.controller.backend.store) as conn:
        revision = conn.execute("SELECT revision FROM forms WHERE id = ?", (form_id,)).fetchone()[0]
        changed = conn.execute(
            "UPDATE form_revisions SET content = replace(content, '机密', '秘密') "
            "WHERE form_id = ? AND revision = ?",
            (form_id, revision),
        ).rowcount
        assert changed == 1

    page = _reopen(gui, form_id)
    assert _badges(page) == {"submit": UNSIGNED, "review_agree": INVALID, "approve": INVALID}
    assert "有 2 条办理记录的签名无效" in page.history.warning.text()
