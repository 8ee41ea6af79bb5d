"""Draft saves amend the working revision; a revision a decision refers to is frozen (trigger-enforced)."""

from __future__ import annotations

import pytest
import sqlalchemy.exc
from sqlalchemy import text

from dingmi_desktop.domain.workflow import Status
from dingmi_desktop.services.forms import FormServices
from dingmi_desktop.storage import ConcurrentEdit
from tests.services.samples import PASSWORD, Users, form


def test_autosaves_keep_the_revision_and_unchanged_saves_add_none(demo_session, clock) -> None:  # type: ignore[no-untyped-def]
    zhangsan = FormServices(demo_session("zhangsan"))
    created = zhangsan.drafting.create_draft(form(scope="甲"))
    result = created
    for n in range(5):  # what five autosaves of a draft being typed send
        clock.advance(minutes=1)
        last_save = clock()
        result = zhangsan.drafting.save_draft(
            created.form_id, form(scope=f"项目组{n}"), expected_revision=result.revision
        )
        assert result.revision == 1
    same = zhangsan.drafting.save_draft(created.form_id, form(scope="项目组4"), expected_revision=1)
    assert (same.revision, same.content_hash) == (1, result.content_hash)
    revisions = zhangsan.history.revisions(created.form_id)
    assert [(r.revision, r.content_hash) for r in revisions] == [(1, result.content_hash)]
    assert revisions[0].saved_at >= last_save  # the time of the content it holds
    assert zhangsan.history.view(created.form_id).form.scope == "项目组4"


def test_a_decided_revision_is_frozen_and_the_next_save_appends_one(demo_session, clock) -> None:  # type: ignore[no-untyped-def]
    zhangsan = FormServices(demo_session("zhangsan"))
    form_id = zhangsan.drafting.create_draft(form(scope="甲")).form_id
    zhangsan.drafting.submit(form_id, password=PASSWORD)  # a signed decision over revision 1
    zhangsan.drafting.withdraw(form_id)
    first = zhangsan.drafting.save_draft(form_id, form(scope="乙"), expected_revision=1)
    again = zhangsan.drafting.save_draft(form_id, form(scope="丙"), expected_revision=first.revision)
    assert (first.revision, again.revision) == (2, 2)  # appended once, then amended
    session = demo_session("zhangsan")
    with session.transaction() as tx:
        revisions = tx.forms.revisions(form_id)
    assert [(r.revision, r.content["scope"]) for r in revisions] == [(1, "甲"), (2, "丙")]
    history = zhangsan.history.history(form_id)
    submit = next(e for e in history if e.action == "submit")
    assert submit.signed and submit.signature_valid  # still bound to the content it signed

    with pytest.raises(sqlalchemy.exc.IntegrityError, match="append-only"), session.transaction() as tx:
        tx.orm.execute(
            text("UPDATE form_revisions SET content = '{}' WHERE form_id = :f AND revision = 1"),
            {"f": form_id},
        )
    with pytest.raises(sqlalchemy.exc.IntegrityError, match="append-only"), session.transaction() as tx:
        tx.orm.execute(text("DELETE FROM form_revisions WHERE form_id = :f AND revision = 2"), {"f": form_id})


def test_a_returned_form_saved_unchanged_becomes_a_draft_without_a_revision(demo_store) -> None:  # type: ignore[no-untyped-def]
    users = Users(demo_store)
    form_id = users.to_approval()
    users["wangwu"].review.return_form(form_id, reason="期限过长", password=PASSWORD)
    saved = users["zhangsan"].drafting.save_draft(form_id, form(), expected_revision=1)
    assert (saved.status_before, saved.status_after, saved.revision) == (Status.RETURNED, Status.DRAFT, 1)
    assert users["zhangsan"].history.view(form_id).summary.status is Status.DRAFT
    assert [r.revision for r in users["zhangsan"].history.revisions(form_id)] == [1]


def test_a_save_over_content_it_never_saw_is_refused(demo_session) -> None:  # type: ignore[no-untyped-def]
    zhangsan = FormServices(demo_session("zhangsan"))
    created = zhangsan.drafting.create_draft(form(scope="甲"))
    other = zhangsan.drafting.save_draft(
        created.form_id, form(scope="乙"), expected_revision=1, expected_hash=created.content_hash
    )
    assert other.revision == 1
    with pytest.raises(ConcurrentEdit):  # a second window still holding 甲
        zhangsan.drafting.save_draft(
            created.form_id, form(scope="丙"), expected_revision=1, expected_hash=created.content_hash
        )
