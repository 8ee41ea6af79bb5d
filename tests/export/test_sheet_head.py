"""The chain head and unit root on the sheet (issue 11 item 6): a rolled-back store, a rewritten chain and
another root are named by verify-sheet; old codes and QR payloads still read."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from dingmi_desktop.cli import main
from dingmi_desktop.export.verification import (
    SheetClaim,
    SheetHead,
    VerificationError,
    parse_code,
    parse_qr_payload,
    qr_payload,
    signatures_digest,
    verification_code,
)
from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.services.printing import signature_parts
from dingmi_desktop.storage import Store
from tests.export.pdfread import read_pages
from tests.export.test_printing import Office
from tests.storage.tamper import raw_admin, rehash_from

FULL_CODE = re.compile(r"核验码 (DM-\d+-[0-9A-Z]{4}-[0-9A-Z]{4}-\d+-[0-9A-Z]{4})")
ROOT = "ABCD-0123-4567-89AB-CDEF-0123-4567-89AB"
HEAD = SheetHead(1234, "ab" * 32, ROOT)
CLAIM = SheetClaim("42", "cd" * 32, "ef" * 32, HEAD)


def test_code_and_payload_with_a_head_round_trip_and_old_ones_still_read() -> None:
    code = verification_code(CLAIM)
    parsed = parse_code(code)
    assert code.startswith("DM-42-") and parsed.form_id == "42" and parsed.head_seq == 1234
    old = verification_code(SheetClaim("42", "cd" * 32, "ef" * 32))
    assert code.startswith(old) and parse_code(old).head_seq is None
    assert parse_code(old).check == parsed.check  # the base part is unchanged
    assert parse_qr_payload(qr_payload(CLAIM)) == CLAIM
    old_payload = qr_payload(SheetClaim("42", "cd" * 32, "ef" * 32))
    assert old_payload.startswith("DINGMI-SHEET/1 ") and parse_qr_payload(old_payload).head is None
    with pytest.raises(VerificationError, match="六项"):
        parse_qr_payload(qr_payload(CLAIM).rsplit(" ", 1)[0])


def _print(office: Office) -> tuple[int, str]:
    form_id = office.approved()
    job = office.printing().print_copies(form_id, printer="P1", password=DEMO_PASSWORD, copies=1)
    match = FULL_CODE.search(read_pages(job.pdf)[0].text())
    assert match, read_pages(job.pdf)[0].text()
    return form_id, match.group(1)


def _payload(office: Office, form_id: int) -> str:
    """The QR code's text, rebuilt from the print record (which stores the head printed)."""
    with office["zhangsan"].transaction() as tx:
        record = tx.forms.get(form_id)
        parts = signature_parts(tx.decisions.for_form(form_id))
        printed = tx.prints.for_form(form_id)[-1]
    assert printed.head_seq and printed.head_hash and printed.root
    head = SheetHead(printed.head_seq, printed.head_hash, printed.root)
    return qr_payload(SheetClaim(str(form_id), record.content_hash, signatures_digest(parts), head))


def test_printed_sheet_carries_its_own_print_entry_as_head(demo_store: Store) -> None:
    office = Office(demo_store)
    form_id, code = _print(office)
    printing = office.printing()
    assert printing.verify_code(code).ok, printing.verify_code(code).reason
    assert printing.verify_code(_payload(office, form_id)).ok
    last_print = office.audit("打印")[-1]
    assert parse_code(code).head_seq == last_print.seq
    other_root = code[:-2] + ("AA" if code[-2:] != "AA" else "BB")
    assert "信任根指纹" in printing.verify_code(other_root).reason
    payload = _payload(office, form_id)
    swapped = payload.rsplit(" ", 1)[0] + " " + ROOT
    assert "信任根指纹" in printing.verify_code(swapped).reason


def test_sheet_against_a_rolled_back_copy_of_the_store(
    demo_store: Store, store_dir: Path, clock, tmp_path, capsys
):
    office = Office(demo_store)
    form_id = office.approved()
    for session in office.sessions.values():
        session.close()
    demo_store.close()
    shutil.copytree(store_dir, tmp_path / "before-print")  # the insider's copy, before printing
    store = Store.open(store_dir, clock=clock)
    office = Office(store)
    job = office.printing().print_copies(form_id, printer="P1", password=DEMO_PASSWORD, copies=1)
    code = FULL_CODE.search(read_pages(job.pdf)[0].text())
    assert code
    store.close()
    shutil.rmtree(store_dir)
    shutil.copytree(tmp_path / "before-print", store_dir)  # the store rolled back to the copy
    args = ["--data-dir", str(store_dir), "verify-sheet", code.group(1), "--user", "lisi"]
    assert main([*args, "--password-file", _password_file(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "数据存储比此文书旧，可能已被回退到旧副本" in out, out


def test_sheet_against_a_rewritten_chain(demo_store: Store, tmp_path, capsys) -> None:
    office = Office(demo_store)
    form_id, code = _print(office)
    payload = _payload(office, form_id)
    head_seq = parse_code(code).head_seq
    assert head_seq
    printing = office.printing()
    # The short code holds only 10 bits of the head hash, so one rewrite in 1024 keeps it (the QR payload
    # holds the whole hash). The insider's edit is varied until the short code differs, so the test is
    # deterministic; the QR payload must name every variant.
    for variant in range(1, 50):
        with raw_admin(demo_store) as conn:
            conn.execute("UPDATE audit_log SET detail = ? WHERE seq = 3", (f'{{"改":{variant}}}',))
            rehash_from(conn, 3)
        reason = printing.verify_code(payload).reason
        assert f"审计链在第 {head_seq} 条之后被改写" in reason, reason
        if printing.verify_code(code).reason:
            break
    reason = printing.verify_code(code).reason
    assert f"审计链在第 {head_seq} 条之后被改写" in reason, reason


def _password_file(tmp_path: Path) -> str:
    path = tmp_path / "password.txt"
    path.write_text(DEMO_PASSWORD, encoding="utf-8")
    path.chmod(0o600)
    return str(path)
