"""The CLI takes every input the domain publishes for an action (the GUI renders the same list)."""

from __future__ import annotations

import argparse

from dingmi_desktop.cli import build_parser
from dingmi_desktop.domain.action_inputs import INPUTS, Input
from dingmi_desktop.domain.workflow import Action

COMMANDS = {
    Action.REVIEW_AGREE: "review",
    Action.REVIEW_DISAGREE: "review",
    Action.APPROVE: "approve",
    Action.RETURN: "return",
    Action.ESCALATE: "escalate",
    Action.RECORD_DISPUTE: "dispute",
    Action.RECORD_ESCALATION_REPLY: "reply",
    Action.RECORD_SUPERIOR_DECISION: "reply",
}
OPTIONS = {
    Input.REASON: ("--opinion",),
    Input.OUTCOME: ("--outcome",),
    Input.CORRECTIONS: ("--category", "--period", "--scope"),
    Input.CONTENT_HASH: ("--content-hash",),
    Input.TARGET: ("--to",),
    Input.SENT_ON: ("--sent-on",),
    Input.RECEIVED_BY: ("--received-by",),
    Input.CLAIMED_LEVELS: ("--claimed",),
    Input.PARTIES: ("--parties",),
    Input.REPLIED_ON: ("--replied-on",),
    Input.ANSWERED_BY: ("--by",),
    Input.DOCUMENT: ("--document",),
    Input.PASSWORD: (),  # read once per call ($DINGMI_PASSWORD or the terminal)
}


def _subcommand(parser: argparse.ArgumentParser, *path: str) -> argparse.ArgumentParser:
    for name in path:
        action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = action.choices[name]
    return parser


def test_every_published_input_has_an_option() -> None:
    parser = build_parser()
    for action, command in COMMANDS.items():
        options = {o for a in _subcommand(parser, "form", command)._actions for o in a.option_strings}
        for item in INPUTS[action].fields:
            missing = [o for o in OPTIONS[item] if o not in options]
            assert not missing, (action, item, missing)
