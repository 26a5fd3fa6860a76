"""Tools that steer the call itself: hand over to a person, or say goodbye and hang up."""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from tools.context import CallState, ToolContext
from tools.registry import REGISTRY, ToolResult


class TransferArgs(BaseModel):
    reason: str = Field(default="caller asked for a person", max_length=200, description="Why, in a few words")


@REGISTRY.tool("transfer_to_human", "Connect the caller to a person: they ask for a human, the manager or the "
               "front desk, are upset, or need something no tool can do.")
async def transfer_to_human(args: TransferArgs, context: ToolContext, call_id: str) -> ToolResult:
    return ToolResult(True, "Of course. I'm connecting you to the front desk now, please hold.",
                      {"reason": args.reason}, action="transfer")


class EndCallArgs(BaseModel):
    pass


_DONE = re.compile(
    r"\b(bye|goodbye|good night|that's (all|it|everything)|that is (all|it)|nothing else|no,? thanks?|no thank you|"
    r"that will be all|that'll be all|have a (good|nice|great) (day|evening|night)|i'm (done|all set)|all good)\b"
    r"|^\s*no\.?\s*$",
    re.I,
)


def caller_is_done(state: CallState) -> bool:
    """Only the caller ends a call: a model must not hang up on "Yes, I'm sure." (a small one did)."""
    return bool(state.caller_said) and bool(_DONE.search(state.caller_said[-1]))


@REGISTRY.tool("end_call", "Say goodbye and hang up, when the caller is done.", offered=caller_is_done)
async def end_call(args: EndCallArgs, context: ToolContext, call_id: str) -> ToolResult:
    return ToolResult(True, f"Thank you for calling {context.facts.name}. Goodbye!", action="hang_up")
