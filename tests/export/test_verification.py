"""The verification code and QR payload printed on approved sheets."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dingmi_desktop.export.verification import (
    SheetClaim,
    VerificationError,
    code_matches,
    parse_code,
    parse_qr_payload,
    qr_payload,
    signatures_digest,
    verification_code,
)

CONTENT = hashlib.sha256(b"form content").hexdigest()
SIGS = signatures_digest([b"\x01sig-a", b"\x02sig-b"])
CLAIM = SheetClaim("1024", CONTENT, SIGS)


def test_code_round_trip_and_format() -> None:
    code = verification_code(CLAIM)
    assert code.startswith("DM-1024-") and len(code) == len("DM-1024-XXXX-XXXX")
    assert parse_code(code).form_id == "1024"
    assert code_matches(code, CLAIM)


def test_code_is_read_forgivingly() -> None:
    code = verification_code(CLAIM)
    typed = " " + code.lower().replace("0", "o").replace("1", "l") + " "
    typed = "DM-1024" + typed.strip()[len("dm-1024") :]  # the form id itself is kept as typed
    assert code_matches(typed, CLAIM)


@pytest.mark.parametrize(
    "changed",
    [
        SheetClaim("1025", CONTENT, SIGS),
        SheetClaim("1024", hashlib.sha256(b"edited content").hexdigest(), SIGS),
        SheetClaim("1024", CONTENT, signatures_digest([b"\x01sig-a"])),
    ],
)
def test_code_does_not_match_other_content_or_signatures(changed: SheetClaim) -> None:
    assert not code_matches(verification_code(CLAIM), changed)


def test_signature_digest_depends_on_order_and_boundaries() -> None:
    assert signatures_digest([b"ab", b"c"]) != signatures_digest([b"a", b"bc"])
    assert signatures_digest([b"a", b"b"]) != signatures_digest([b"b", b"a"])
    assert signatures_digest(["a"]) == signatures_digest([b"a"])


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "DM-",
        "XX-1024-ABCD-EFGH",
        "DM-1024-ABCD",
        "DM-1024-ABC-EFGHJ",
        "DM-1024-ABCD-EFGU",
        "DM--ABCD-EFGH",
    ],
)
def test_malformed_codes_are_refused_in_chinese(bad: str) -> None:
    with pytest.raises(VerificationError) as info:
        parse_code(bad)
    assert "核验码" in str(info.value)


def test_qr_payload_round_trip_and_refusals() -> None:
    payload = qr_payload(CLAIM)
    assert payload == f"DINGMI-SHEET/1 1024 {CONTENT.upper()} {SIGS.upper()}"
    assert parse_qr_payload(payload) == CLAIM
    for bad in (
        "hello",
        payload + " X",
        payload.replace(CONTENT.upper(), "ABC"),
        payload.replace(" 1024 ", " "),
    ):
        with pytest.raises(VerificationError):
            parse_qr_payload(bad)


def test_claims_with_bad_parts_are_refused() -> None:
    with pytest.raises(VerificationError):
        verification_code(SheetClaim("a b", CONTENT, SIGS))
    with pytest.raises(VerificationError):
        verification_code(SheetClaim("1", CONTENT.upper(), SIGS))


@given(
    form_id=st.from_regex(r"[0-9A-Za-z][0-9A-Za-z_.-]{0,30}", fullmatch=True),
    content=st.binary(max_size=64),
)
def test_any_valid_claim_round_trips(form_id: str, content: bytes) -> None:
    claim = SheetClaim(form_id, hashlib.sha256(content).hexdigest(), SIGS)
    code = verification_code(claim)
    assert parse_code(code).form_id == form_id
    assert code_matches(code, claim)
    assert parse_qr_payload(qr_payload(claim)) == claim
