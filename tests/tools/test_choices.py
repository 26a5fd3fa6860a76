"""What a constrained model may call at each point of a call (``ToolRegistry.choices``)."""

from __future__ import annotations

from datetime import timedelta

from backoffice.services import Services
from tests.tools.conftest import InHouse
from tools.context import CallState, ToolContext
from tools.registry import call, default_registry


def _choices(state: CallState) -> dict[str, dict]:  # type: ignore[type-arg]
    return {spec.name: dict(spec.parameters) for spec in default_registry().choices(state)}


def test_nothing_can_be_booked_changed_or_cancelled_before_it_was_quoted_or_looked_up() -> None:
    offered = _choices(CallState(caller_said=["I'd like to book a room please."]))
    assert not {"create_reservation", "modify_reservation", "cancel_reservation"} & set(offered)
    assert {"check_availability", "quote_stay", "find_reservation", "hotel_info"} <= set(offered)
    # An optional reference with nothing to refer to is not offered either.
    assert "reservation_id" not in offered["request_late_checkout"]["properties"]


async def test_once_quoted_only_the_offers_of_this_call_can_be_booked(context: ToolContext,
                                                                      services: Services) -> None:
    check_in = services.today() + timedelta(days=3)
    quoted = await call("check_availability", {"check_in": str(check_in), "nights": 2, "guests": 2}, context)
    assert quoted.ok
    offered = _choices(context.state)
    offer_ids = offered["create_reservation"]["properties"]["offer_id"]["enum"]
    assert sorted(offer_ids) == sorted(o["offer_id"] for o in quoted.data["options"])
    # The prompt still shows every tool unchanged: the cached prefix does not move.
    full = {spec.name: spec for spec in default_registry().specs()}
    assert "enum" not in full["create_reservation"].parameters["properties"]["offer_id"]


def test_only_a_caller_who_is_done_can_be_hung_up_on() -> None:
    for said in ("Yes, I'm sure.", "No, I want Friday instead.", "Can you book me a taxi?"):
        assert "end_call" not in _choices(CallState(caller_said=[said])), said
    for said in ("No, that's all. Thank you, goodbye.", "Okay, thanks, bye!", "No.", "No thanks"):
        assert "end_call" in _choices(CallState(caller_said=[said])), said
    # Another client of the registry (the staff API, a test) may still end a call directly.
    assert "end_call" in default_registry()


async def test_a_booking_looked_up_on_the_call_can_be_cancelled_by_its_id(context: ToolContext,
                                                                         in_house: InHouse) -> None:
    context.state.caller_said.append(f"my code is {in_house.confirmation_code}")
    found = await call("find_reservation", {"confirmation_code": in_house.confirmation_code}, context)
    assert found.ok
    offered = _choices(context.state)
    ids = offered["cancel_reservation"]["properties"]["reservation_id"]["enum"]
    assert ids == [r["reservation_id"] for r in found.data["reservations"]]
    assert offered["modify_reservation"]["properties"]["reservation_id"]["enum"] == ids
