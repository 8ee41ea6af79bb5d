"""Verification of a printed sheet: a short code and a QR payload (pure; no I/O).

The QR code carries the form id, the hash of the approved content and a digest of the approval
signatures. The short code carries the form id and 40 bits of a SHA-256 over the same three values, so a
reader who types it can look the form up and recompute: `DM-<form id>-XXXX-XXXX` (Crockford base32,
case-insensitive, O/I/L read as 0/1/1).

Since schema 0009 a sheet also carries the store's audit chain head (seq and hash) and the unit root's
fingerprint at printing, so verification can tell a store rolled back to an older copy (its chain ends
before the head), a rewritten chain (the entry at that seq differs) and another store or swapped root.
The QR code then reads `DINGMI-SHEET/2` with three more fields; the short code gains `-<seq>-HHRR`
(10 bits of the head hash, 10 of the root fingerprint). Codes and payloads without a head still read.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

CODE_PREFIX = "DM"
QR_SCHEME = "DINGMI-SHEET/1"
QR_SCHEME_HEAD = "DINGMI-SHEET/2"
NO_ROOT = "-"  # the root field of a store made before the trust anchor
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32
_READ_AS = {"O": "0", "I": "1", "L": "1"}
_FORM_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_.-]{0,63}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_ROOT = re.compile(r"^(-|[0-9A-F]{4}(-[0-9A-F]{4}){7})$")


class VerificationError(ValueError):
    """A code or payload that cannot be read; the message is Chinese and names the problem."""


@dataclass(frozen=True)
class SheetHead:
    """The store's audit chain head and unit root fingerprint when the sheet was made."""

    seq: int
    hash: str  # 64 lower-case hex
    root: str  # security.trust.fingerprint(), or NO_ROOT


@dataclass(frozen=True)
class SheetClaim:
    """What a printed sheet claims: which form, which content, which signatures (and since 0009 which
    state of the store)."""

    form_id: str
    content_hash: str
    signatures_digest: str
    head: SheetHead | None = None


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


def _base32(data: bytes, chars: int) -> str:
    number = int.from_bytes(hashlib.sha256(data).digest()[:5], "big") >> (40 - 5 * chars)
    return "".join(_ALPHABET[(number >> shift) & 31] for shift in range(5 * (chars - 1), -1, -5))


def head_check(head: SheetHead) -> str:
    """Four characters: two over the head (seq and hash), two over the root fingerprint."""
    return _base32(f"head\n{head.seq}\n{head.hash}".encode(), 2) + _base32(f"root\n{head.root}".encode(), 2)


def _validate(claim: SheetClaim) -> None:
    if not _FORM_ID.match(claim.form_id):
        raise VerificationError(f"表单编号不合规：{claim.form_id!r}（仅限字母、数字、-_.，最长64位）")
    for label, value in (("内容摘要", claim.content_hash), ("签名摘要", claim.signatures_digest)):
        if not _HEX64.match(value):
            raise VerificationError(f"{label}应为64位小写十六进制：{value!r}")
    head = claim.head
    if head is not None and (head.seq < 1 or not _HEX64.match(head.hash) or not _ROOT.match(head.root)):
        raise VerificationError("审计链头（序号、哈希）或信任根指纹的格式不正确")


def verification_code(claim: SheetClaim) -> str:
    _validate(claim)
    check = _check_value(claim)
    code = f"{CODE_PREFIX}-{claim.form_id}-{check[:4]}-{check[4:]}"
    return code if claim.head is None else f"{code}-{claim.head.seq}-{head_check(claim.head)}"


def qr_payload(claim: SheetClaim) -> str:
    """`DINGMI-SHEET/1 <form id> <CONTENT HASH> <SIGNATURES DIGEST>`, hashes in upper-case hex so that a
    numeric form id keeps the whole payload in the QR code's compact alphanumeric mode."""
    _validate(claim)
    base = f"{claim.form_id} {claim.content_hash.upper()} {claim.signatures_digest.upper()}"
    if claim.head is None:
        return f"{QR_SCHEME} {base}"
    head = claim.head
    return f"{QR_SCHEME_HEAD} {base} {head.seq} {head.hash.upper()} {head.root}"


@dataclass(frozen=True)
class ParsedCode:
    form_id: str
    check: str  # eight normalised base32 characters
    head_seq: int | None = None  # the chain head part, on codes printed since 0009
    head_check: str | None = None  # four normalised base32 characters


def parse_code(code: str) -> ParsedCode:
    text = "".join(code.split())
    prefix = CODE_PREFIX + "-"
    if not text.upper().startswith(prefix):
        raise VerificationError(f"核验码应以“{prefix}”开头：{code!r}")
    body = text[len(prefix) :]
    head_seq, head = None, None
    parts = body.rsplit("-", 4)
    if len(parts) == 5 and parts[0] and parts[3].isdigit() and _is_check(parts[4], 4):
        body, head_seq, head = "-".join(parts[:3]), int(parts[3]), _normalise(parts[4])
    parts = body.rsplit("-", 2)
    if len(parts) != 3 or not parts[0]:
        raise VerificationError(f"核验码格式应为 {prefix}表单编号-XXXX-XXXX：{code!r}")
    form_id, first, second = parts
    check = _normalise(first + second)
    if len(first) != 4 or len(second) != 4 or not _is_check(check, 8):
        raise VerificationError(f"核验码校验部分应为两组各4位字母数字：{code!r}")
    if not _FORM_ID.match(form_id):
        raise VerificationError(f"核验码中的表单编号不合规：{form_id!r}")
    return ParsedCode(form_id=form_id, check=check, head_seq=head_seq, head_check=head)


def _normalise(text: str) -> str:
    return "".join(_READ_AS.get(ch, ch) for ch in text.upper())


def _is_check(text: str, length: int) -> bool:
    return len(text) == length and all(ch in _ALPHABET for ch in _normalise(text))


def code_matches(code: str, claim: SheetClaim) -> bool:
    """True when the code was computed from exactly this form id, content hash and signatures."""
    parsed = parse_code(code)
    _validate(claim)
    return parsed.form_id == claim.form_id and parsed.check == _check_value(claim)


def parse_qr_payload(payload: str) -> SheetClaim:
    parts = payload.strip().split(" ")
    if not parts or parts[0] not in (QR_SCHEME, QR_SCHEME_HEAD):
        raise VerificationError(f"二维码内容不是本程序的核验信息：{payload[:40]!r}")
    if parts[0] == QR_SCHEME and len(parts) != 4:
        raise VerificationError("二维码内容应恰好包含表单编号、内容摘要、签名摘要三项")
    if parts[0] == QR_SCHEME_HEAD and (len(parts) != 7 or not parts[4].isdigit()):
        raise VerificationError(
            "二维码内容应恰好包含表单编号、内容摘要、签名摘要、审计链头序号、链头哈希、信任根指纹六项"
        )
    head = SheetHead(int(parts[4]), parts[5].lower(), parts[6]) if len(parts) == 7 else None
    claim = SheetClaim(parts[1], parts[2].lower(), parts[3].lower(), head)
    _validate(claim)
    return claim


@dataclass(frozen=True)
class SheetText:
    """What was read off a sheet: a typed short code or the QR code's text."""

    form_id: str
    code: ParsedCode | None = None
    payload: SheetClaim | None = None

    @property
    def head(self) -> SheetHead | None:
        return self.payload.head if self.payload is not None else None

    @property
    def head_seq(self) -> int | None:
        return self.code.head_seq if self.code is not None else None

    @property
    def head_check(self) -> str:
        return (self.code.head_check or "") if self.code is not None else ""

    def matches(self, claim: SheetClaim) -> bool:
        """The form id, content hash and signatures agree with `claim` (the head is compared apart)."""
        if self.payload is not None:
            got = self.payload
            return (got.form_id, got.content_hash, got.signatures_digest) == (
                claim.form_id,
                claim.content_hash,
                claim.signatures_digest,
            )
        assert self.code is not None
        _validate(claim)
        return self.code.form_id == claim.form_id and self.code.check == _check_value(claim)


def parse_sheet_text(text: str) -> SheetText:
    """A short code (`DM-…`) or a QR payload (`DINGMI-SHEET/…`), either version."""
    if text.strip().upper().startswith("DINGMI-SHEET/"):
        payload = parse_qr_payload(text)
        return SheetText(payload.form_id, payload=payload)
    code = parse_code(text)
    return SheetText(code.form_id, code=code)
