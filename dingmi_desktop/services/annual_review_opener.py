"""The product's draft opener for non-维持 review outcomes: the lifecycle's `open_draft` when this build
has it (services/lifecycle.py), else a refusal that records nothing. Tests pass their own opener."""

from __future__ import annotations

import importlib

from dingmi_desktop.domain.errors import TransitionRefused
from dingmi_desktop.services.annual_review import AnnualReviewService, Opener
from dingmi_desktop.storage import Session

NO_LIFECYCLE = (
    "本版本尚不能拟制变更、解密、延长表单，此审核结论未记录：请安装含该功能的版本后再作此结论"
    "（“维持”可照常记录）。"
)


LIFECYCLE_MODULE = "dingmi_desktop.services.lifecycle"


def lifecycle_opener(session: Session, module_name: str = LIFECYCLE_MODULE) -> Opener:
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError:

        def refuse(item_form_id: int, kind: str, reason: str) -> int:
            raise TransitionRefused(NO_LIFECYCLE)

        return refuse
    opener: Opener = module.LifecycleService(session).open_draft
    return opener


def annual_review(session: Session) -> AnnualReviewService:
    return AnnualReviewService(session, lifecycle_opener(session))
