"""备案 / 报备: the periodic filing the office sends its superior (docs/rules.md §6).

The 保密员 (or the 定密责任人) prepares a draft: the register's items of the period (services/filing_content)
frozen as canonical JSON with its sha256 digest. Only the 定密责任人 signs and issues it: the password
re-entered now unwraps his certified key, which signs the digest and the filing's identity (storage/
filings_repo.filing_bytes), and the covering sheet prints the audit head and the unit root as sheets do.
Every step is one transaction with one audit entry; a refusal writes only its audit entry (拒绝).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from dingmi_desktop.clock import local_text
from dingmi_desktop.domain.errors import Problem, ValidationError
from dingmi_desktop.domain.workflow import Role
from dingmi_desktop.security.signing import Signer
from dingmi_desktop.services.filing_content import (
    FilingRequest,
    build_content,
    checked_period,
    content_digest,
    content_text,
)
from dingmi_desktop.services.form_access import FormAccess, roles_of
from dingmi_desktop.services.register import RegisterService
from dingmi_desktop.services.sheet_head import current_head
from dingmi_desktop.storage import NotFound, PermissionDenied, Tx, verifier
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.decisions_repo import UNCONFIRMED_KEY
from dingmi_desktop.storage.filings_repo import DRAFT, ISSUED, FilingRepository, FilingRow, filing_bytes
from dingmi_desktop.storage.records import iso, parse_iso

PREPARERS = frozenset({Role.CLERK, Role.OFFICER})
PREPARE_ACTION = "拟制备案"
SIGN_ACTION = "签发备案"
EXPORT_ACTION = "导出备案"
READ_ACTION = "查阅备案"


@dataclass(frozen=True)
class FilingView:
    """A filing as people read it: the row, its content and the names and local times to print."""

    row: FilingRow
    content: dict[str, Any]
    prepared_by: str  # 姓名（login）
    signer: str  # 姓名（login）, "" for a draft
    created_text: str
    signed_text: str

    @property
    def signed(self) -> bool:
        return self.row.status == ISSUED

    @property
    def valid(self) -> bool:
        return self.row.problem is None


class FilingService(FormAccess):
    @property
    def register(self) -> RegisterService:
        """The register's reader the items come from (the office reads every item)."""
        return RegisterService(self.session)

    def _check(self, action: str, roles: frozenset[Role], message: str) -> None:
        try:
            self.check_business_user()
            if not roles_of(self.user) & roles:
                raise PermissionDenied(message)
        except PermissionDenied:
            self.audit_refusal(action, None, "PermissionDenied")
            raise

    def _check_officer(self) -> None:
        self._check(
            SIGN_ACTION, frozenset({Role.OFFICER}), "只有定密责任人可以签发备案（报备），保密员只能拟制草稿。"
        )

    def _new_row(self, tx: Tx, request: FilingRequest) -> t.Filing:
        period = checked_period(request, self.today())
        text = content_text(build_content(self.register, tx, request, period, None))
        row = t.Filing(
            kind=request.kind,
            period_from=period.first.isoformat(),
            period_to=period.last.isoformat(),
            superior=request.superior.strip(),
            item_count=sum(len(section["items"]) for section in json.loads(text)["sections"]),
            content=text,
            content_digest=content_digest(text),
            status=DRAFT,
            prepared_by=self.user.id,
            created_at=iso(self.session.now()),
        )
        FilingRepository(tx.orm).add(row)
        tx.audit.append(PREPARE_ACTION, object_type="filing", object_id=str(row.id), detail=self._detail(row))
        return row

    @staticmethod
    def _detail(row: t.Filing) -> dict[str, object]:
        return {
            "类别": row.kind,
            "期间": f"{row.period_from}至{row.period_to}",
            "上级机关": row.superior,
            "事项数": row.item_count,
            "内容摘要": row.content_digest,
        }

    def _sign_row(self, tx: Tx, row: t.Filing, signer: Signer) -> None:
        """Signs in place; every column is set before anything is flushed (a signed row is final)."""
        state = verifier.load_trust(tx.orm)
        key = tx.orm.scalar(
            select(t.UserKey.id)
            .where(t.UserKey.user_id == self.user.id)
            .order_by(t.UserKey.id.desc())
            .limit(1)
        )
        cert_hash = None
        if state.rooted:
            span = state.current_key(self.user.id)
            if span is None or span.public_key != signer.public_key:
                raise PermissionDenied(UNCONFIRMED_KEY)
            if state.grant_at(self.user.id, Role.OFFICER, iso(self.session.now())) is None:
                raise PermissionDenied("您的定密责任人授权未经单位信任根认证或已过期，不能签发备案。")
            cert_hash = span.cert_hash
        seq = tx.audit.append(
            SIGN_ACTION, object_type="filing", object_id=str(row.id), detail=self._detail(row)
        )
        head = current_head(tx)
        row.signer_id = self.user.id
        row.signed_at = iso(self.session.now())
        row.cert_hash = cert_hash
        row.key_id = key
        row.status = ISSUED
        row.head_seq = seq
        row.head_hash = head.hash if head is not None else None
        row.root = head.root if head is not None else None
        row.signature = signer.sign(filing_bytes(row, self.user.username))
        tx.orm.flush()

    def prepare(self, request: FilingRequest) -> FilingView:
        """A draft of the period's filing (the 保密员 or the 定密责任人); the officer signs it later."""
        self._check(PREPARE_ACTION, PREPARERS, "只有保密员和定密责任人可以拟制备案（报备）。")
        with self.session.transaction() as tx:
            filing_id = self._new_row(tx, request).id
        return self.view(filing_id)

    def issue(self, request: FilingRequest, *, password: str) -> FilingView:
        """The officer prepares and signs in one transaction: a wrong password leaves no draft behind."""
        self._check_officer()
        checked_period(request, self.today())  # bad input is told before the password is asked for
        signer = self.session.reauthenticate(password)
        with self.session.transaction() as tx:
            row = self._new_row(tx, request)
            self._sign_row(tx, row, signer)
            filing_id = row.id
        return self.view(filing_id)

    def sign(self, filing_id: int, *, password: str, digest: str | None = None) -> FilingView:
        """The officer signs a draft; `digest` is the 内容摘要 he was shown (a changed draft is refused)."""
        self._check_officer()
        self._load_draft(filing_id, digest)
        signer = self.session.reauthenticate(password)
        with self.session.transaction() as tx:
            row = self._load_draft(filing_id, digest, tx)
            self._sign_row(tx, row, signer)
        return self.view(filing_id)

    def _load_draft(self, filing_id: int, digest: str | None, tx: Tx | None = None) -> t.Filing:
        if tx is None:
            with self.session.transaction() as own:
                return self._load_draft(filing_id, digest, own)
        row = FilingRepository(tx.orm).get(filing_id)
        if row is None:
            raise NotFound(f"未找到编号为 {filing_id} 的备案。")
        if row.status != DRAFT:
            raise ValidationError([Problem("filing", f"备案 {filing_id} 已于此前签发，不能再次签名。")])
        if digest is not None and digest.strip().lower() != row.content_digest:
            raise ValidationError(
                [Problem("digest", f"备案 {filing_id} 的内容摘要与您核对的不符：请重新查看草稿后再签发。")]
            )
        if content_digest(row.content) != row.content_digest:
            raise ValidationError([Problem("filing", f"备案 {filing_id} 的草稿内容与其摘要不符，不能签发。")])
        return row

    def filings(self, limit: int = 200) -> list[FilingView]:
        """Every filing, newest first, each with its signature checked (the office only)."""
        self._check(READ_ACTION, PREPARERS, "只有保密员和定密责任人可以查阅备案（报备）。")
        with self.session.transaction() as tx:
            rows = FilingRepository(tx.orm).rows(verifier.load_trust(tx.orm), limit)
            names = self._names(tx)
        return [self._view(r, names) for r in rows]

    def view(self, filing_id: int) -> FilingView:
        self._check(READ_ACTION, PREPARERS, "只有保密员和定密责任人可以查阅备案（报备）。")
        with self.session.transaction() as tx:
            repo = FilingRepository(tx.orm)
            row = repo.get(filing_id)
            if row is None:
                raise NotFound(f"未找到编号为 {filing_id} 的备案。")
            ids = {i: name for i, name in tx.orm.execute(select(t.User.id, t.User.username))}
            read = repo.read(row, ids, verifier.load_trust(tx.orm))
            names = self._names(tx)
        return self._view(read, names)

    @staticmethod
    def _names(tx: Tx) -> dict[str, str]:
        return {u.username: u.display_name or u.username for u in tx.users.list()}

    def _view(self, row: FilingRow, names: dict[str, str]) -> FilingView:
        zone = self.session.zone

        def who(login: str) -> str:
            return f"{names.get(login, login)}（{login}）" if login else ""

        return FilingView(
            row=row,
            content=json.loads(row.content),
            prepared_by=who(row.prepared_by),
            signer=who(row.signer),
            created_text=local_text(parse_iso(row.created_at), zone),
            signed_text=local_text(parse_iso(row.signed_at), zone) if row.signed_at else "",
        )

    def export(self, filing_id: int, out: Path, fmt: str) -> Path:
        """The filing as PDF or XLSX (rendered in memory, then written); audited. A draft is marked 草稿."""
        from dingmi_desktop.services.filing_files import render

        if fmt not in ("pdf", "xlsx"):
            raise ValidationError([Problem("format", "导出格式须为 pdf 或 xlsx。")])
        self._check(EXPORT_ACTION, PREPARERS, "只有保密员和定密责任人可以导出备案（报备）。")
        view = self.view(filing_id)
        data = render(view, fmt, self.session.now().astimezone(self.session.zone))
        part = out.with_name(out.name + ".part")  # a failed write leaves no half file under the name
        part.write_bytes(data)
        part.replace(out)
        with self.session.transaction() as tx:
            tx.audit.append(
                EXPORT_ACTION,
                object_type="filing",
                object_id=str(filing_id),
                detail={
                    "文件": out.name,
                    "格式": fmt,
                    "密级": view.content["marking"],
                    "状态": view.row.status,
                },
            )
        return out
