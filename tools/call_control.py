"""Tools that steer the call itself: hand over to a person, or say goodbye and hang up."""

from __future__ import annotations

from pydantic import BaseModel, Field

from tools.context import ToolContext
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


@REGISTRY.tool("end_call", "Say goodbye and hang up, when the caller is done.")
async def end_call(args: EndCallArgs, context: ToolContext, call_id: str) -> ToolResult:
    return ToolResult(True, f"Thank you for calling {context.facts.name}. Goodbye!", action="hang_up")
