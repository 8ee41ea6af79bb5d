"""Verification of a printed sheet: a short code and a QR payload (pure; no I/O).

The QR code carries the form id, the hash of the approved content and a digest of the approval
signatures. The short code carries the form id and 40 bits of a SHA-256 over the same three values, so a
reader who types it can look the form up and recompute: `DM-<form id>-XXXX-XXXX` (Crockford base32,
case-insensitive, O/I/L read as 0/1/1).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

CODE_PREFIX = "DM"
QR_SCHEME = "DINGMI-SHEET/1"
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32
_READ_AS = {"O": "0", "I": "1", "L": "1"}
_FORM_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_.-]{0,63}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class VerificationError(ValueError):
    """A code or payload that cannot be read; the message is Chinese and names the problem."""


@dataclass(frozen=True)
class SheetClaim:
    """What a printed sheet claims: which form, which content, which signatures."""

    form_id: str
    content_hash: str
    signatures_digest: str


def signatures_digest(signatures: Iterable[bytes | str]) -> str:
    """SHA-256 over the approval signatures in order, each length-prefixed (hex)."""
    h = hashlib.sha256(b"dingmi-signatures/1")
    for sig in signatures:
        raw = sig.encode("utf-8") if isinstance(sig, str) else bytes(sig)
        h.update(len(raw).to_bytes(4, "big"))
        h.update(raw)
    return h.hexdigest()


def _check_value(claim: SheetClaim) -> str:
    data = f"{claim.form_id}\n{claim.content_hash}\n{claim.signatures_digest}".encode()
    number = int.from_bytes(hashlib.sha256(data).digest()[:5], "big")
    return "".join(_ALPHABET[(number >> shift) & 31] for shift in range(35, -1, -5))


def _validate(claim: SheetClaim) -> None:
    if not _FORM_ID.match(claim.form_id):
        raise VerificationError(f"表单编号不合规：{claim.form_id!r}（仅限字母、数字、-_.，最长64位）")
    for label, value in (("内容摘要", claim.content_hash), ("签名摘要", claim.signatures_digest)):
        if not _HEX64.match(value):
            raise VerificationError(f"{label}应为64位小写十六进制：{value!r}")


def verification_code(claim: SheetClaim) -> str:
    _validate(claim)
    check = _check_value(claim)
    return f"{CODE_PREFIX}-{claim.form_id}-{check[:4]}-{check[4:]}"


def qr_payload(claim: SheetClaim) -> str:
    """`DINGMI-SHEET/1 <form id> <CONTENT HASH> <SIGNATURES DIGEST>`, hashes in upper-case hex so that a
    numeric form id keeps the whole payload in the QR code's compact alphanumeric mode."""
    _validate(claim)
    return f"{QR_SCHEME} {claim.form_id} {claim.content_hash.upper()} {claim.signatures_digest.upper()}"


@dataclass(frozen=True)
class ParsedCode:
    form_id: str
    check: str  # eight normalised base32 characters


def parse_code(code: str) -> ParsedCode:
    text = "".join(code.split())
    prefix = CODE_PREFIX + "-"
    if not text.upper().startswith(prefix):
        raise VerificationError(f"核验码应以“{prefix}”开头：{code!r}")
    parts = text[len(prefix) :].rsplit("-", 2)
    if len(parts) != 3 or not parts[0]:
        raise VerificationError(f"核验码格式应为 {prefix}表单编号-XXXX-XXXX：{code!r}")
    form_id, first, second = parts
    check = "".join(_READ_AS.get(ch, ch) for ch in (first + second).upper())
    if len(first) != 4 or len(second) != 4 or any(ch not in _ALPHABET for ch in check):
        raise VerificationError(f"核验码校验部分应为两组各4位字母数字：{code!r}")
    if not _FORM_ID.match(form_id):
        raise VerificationError(f"核验码中的表单编号不合规：{form_id!r}")
    return ParsedCode(form_id=form_id, check=check)


def code_matches(code: str, claim: SheetClaim) -> bool:
    """True when the code was computed from exactly this form id, content hash and signatures."""
    parsed = parse_code(code)
    _validate(claim)
    return parsed.form_id == claim.form_id and parsed.check == _check_value(claim)


def parse_qr_payload(payload: str) -> SheetClaim:
    parts = payload.split(" ")
    if not parts or parts[0] != QR_SCHEME:
        raise VerificationError(f"二维码内容不是本程序的核验信息：{payload[:40]!r}")
    if len(parts) != 4:
        raise VerificationError("二维码内容应恰好包含表单编号、内容摘要、签名摘要三项")
    claim = SheetClaim(form_id=parts[1], content_hash=parts[2].lower(), signatures_digest=parts[3].lower())
    _validate(claim)
    return claim
