"""Questions about the hotel, answered from ``Settings.facts`` (never made up by the model)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from backoffice.policy import HotelFacts
from tools.context import ToolContext
from tools.registry import REGISTRY, ToolResult
from tools.spoken import say_time

Topic = Literal["check_in_time", "check_out_time", "parking", "wifi", "breakfast", "address", "pets", "phone"]


class HotelInfoArgs(BaseModel):
    topic: Topic = Field(description="What the caller asks about")


def fact_answers(facts: HotelFacts) -> dict[Topic, str]:
    """What the agent says for each topic: fixed while the process runs, so the voice can render it ahead."""
    return {
        "check_in_time": f"Check-in is from {say_time(facts.check_in_time)} onwards.",
        "check_out_time": f"Check-out is by {say_time(facts.check_out_time)} on the day you leave.",
        "parking": facts.parking,
        "wifi": facts.wifi,
        "breakfast": facts.breakfast,
        "address": f"We're at {facts.address}.",
        "pets": facts.pets,
        "phone": f"Our phone number is {' '.join(facts.phone)}.",
    }


@REGISTRY.tool("hotel_info", "Answer a question about the hotel: check-in or check-out time, parking or cars, "
               "wifi or internet, breakfast, where the hotel is, pets (dogs, cats), the phone number.")
async def hotel_info(args: HotelInfoArgs, context: ToolContext, call_id: str) -> ToolResult:
    answer = fact_answers(context.facts)[args.topic]
    return ToolResult(True, answer + " Is there anything else I can help with?", {"topic": args.topic})
