"""Booking tools against the real database: prices from the DB, read-back before acting, booking once."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

from backoffice import inventory, pricing
from backoffice.db import Database
from backoffice.services import Services
from tests.tools.conftest import CALLER
from tools.context import ToolContext
from tools.registry import call, default_registry
from tools.spoken import say_code, say_money


def stay(services: Services, offset: int = 3, nights: int = 2) -> tuple[date, date]:
    check_in = services.today() + timedelta(days=offset)
    return check_in, check_in + timedelta(days=nights)


async def test_availability_prices_every_free_type_from_the_database(context: ToolContext,
                                                                     services: Services) -> None:
    check_in, check_out = stay(services)
    result = await call("check_availability", {"check_in": str(check_in), "check_out": str(check_out),
                                               "guests": 2}, context)
    assert result.ok
    options = {o["room_type"]: o for o in result.data["options"]}
    assert set(options) == {"STD", "DLX"}
    for code, option in options.items():
        quote = await pricing.quote(services.db.pool, services.policy, code, check_in, check_out, 2)
        assert option["total"] == str(quote.total)
        assert say_money(quote.total, quote.currency) in result.speech
        assert context.state.offers[option["offer_id"]].quote.total == quote.total


async def test_quote_then_create_reads_back_then_books_a_hold_under_the_callers_phone(
        context: ToolContext, services: Services, db: Database) -> None:
    check_in, check_out = stay(services)
    quoted = await call("quote_stay", {"room_type": "deluxe", "check_in": str(check_in),
                                       "check_out": str(check_out), "guests": 2}, context)
    assert quoted.ok and quoted.data["room_type"] == "DLX"
    offer = quoted.data["offer_id"]

    read_back = await call("create_reservation", {"offer_id": offer, "guest_name": "nadia islam"}, context,
                           call_id="call_a")
    assert read_back.ok and read_back.data["needs_confirmation"] and read_back.effect is None
    assert "Nadia Islam" in read_back.speech and "Shall I book it" in read_back.speech
    assert await db.pool.fetchval("SELECT count(*) FROM reservations") == 0

    booked = await call("create_reservation", {"offer_id": offer, "guest_name": "nadia islam"}, context,
                        call_id="call_b")
    assert booked.ok and booked.effect == "booked"
    row = await db.pool.fetchrow(
        """SELECT r.confirmation_code, r.status, r.amount, r.currency, r.source, g.phone, g.name
           FROM reservations r JOIN guests g ON g.id = r.guest_id""")
    assert row["status"] == "hold" and row["phone"] == CALLER and row["name"] == "Nadia Islam"
    assert row["source"] == "voice"
    assert say_code(row["confirmation_code"]) in booked.speech
    assert say_money(row["amount"], row["currency"].strip()) in booked.speech
    assert "holding it for 30 minutes" in booked.speech
    audit = await db.pool.fetchval(
        "SELECT count(*) FROM audit_logs WHERE actor_type = 'call' AND actor_id = 'CAtools0001'")
    assert audit >= 1


async def test_a_repeated_or_retried_tool_call_never_creates_a_second_reservation(
        context: ToolContext, services: Services, db: Database, settings) -> None:
    check_in, check_out = stay(services)
    quoted = await call("quote_stay", {"room_type": "STD", "check_in": str(check_in), "check_out": str(check_out),
                                       "guests": 1}, context)
    args = {"offer_id": quoted.data["offer_id"], "guest_name": "Tanvir Ahmed"}
    await call("create_reservation", args, context, call_id="call_x")  # read-back
    first = await call("create_reservation", args, context, call_id="call_x")
    again = await call("create_reservation", args, context, call_id="call_x")  # the same turn replayed
    other_id = await call("create_reservation", args, context, call_id="call_y")  # the model asks again
    assert first.effect == "booked"
    assert first.data["confirmation_code"] in (again.data.get("confirmation_code"),)
    assert other_id.data["confirmation_code"] == first.data["confirmation_code"]

    # A retry that lost the per-call state (a new conversation object for the same call) replays the
    # stored result through the idempotency key call_sid:tool_call_id.
    fresh = ToolContext(services, settings.facts, context.call_sid, caller_phone=CALLER)
    quoted = await call("quote_stay", {"room_type": "STD", "check_in": str(check_in), "check_out": str(check_out),
                                       "guests": 1}, fresh)
    args = {"offer_id": quoted.data["offer_id"], "guest_name": "Tanvir Ahmed"}
    await call("create_reservation", args, fresh, call_id="call_x")
    replayed = await call("create_reservation", args, fresh, call_id="call_x")
    assert replayed.data["confirmation_code"] == first.data["confirmation_code"]
    assert await db.pool.fetchval("SELECT count(*) FROM reservations") == 1


async def test_two_concurrent_identical_calls_book_once(context: ToolContext, services: Services,
                                                       db: Database, settings) -> None:
    check_in, check_out = stay(services)
    contexts = [ToolContext(services, settings.facts, "CAtwice", caller_phone=CALLER) for _ in range(2)]
    for ctx in contexts:
        quoted = await call("quote_stay", {"room_type": "DLX", "check_in": str(check_in),
                                           "check_out": str(check_out), "guests": 1}, ctx)
        await call("create_reservation", {"offer_id": quoted.data["offer_id"], "guest_name": "Rina Das"}, ctx,
                   call_id="call_1")
    results = await asyncio.gather(*(
        call("create_reservation", {"offer_id": "dlx_offer_1", "guest_name": "Rina Das"}, ctx, call_id="call_1")
        for ctx in contexts))
    assert all(r.ok for r in results)
    assert results[0].data["confirmation_code"] == results[1].data["confirmation_code"]
    assert await db.pool.fetchval("SELECT count(*) FROM reservations") == 1


async def test_an_invented_offer_id_books_nothing(context: ToolContext, db: Database) -> None:
    result = await call("create_reservation", {"offer_id": "offer_99", "guest_name": "Someone"}, context)
    assert not result.ok and result.error == "ValidationFailed"
    assert "check the price" in result.speech
    assert await db.pool.fetchval("SELECT count(*) FROM reservations") == 0


async def test_a_garbled_offer_id_falls_back_to_the_one_open_offer_and_still_reads_back(
        context: ToolContext, services: Services, db: Database) -> None:
    check_in, check_out = stay(services)
    await call("quote_stay", {"room_type": "STD", "check_in": str(check_in), "check_out": str(check_out)}, context)
    read_back = await call("create_reservation", {"offer_id": "std_offer_7", "guest_name": "Someone Else"}, context)
    assert read_back.ok and read_back.data == {"offer_id": "std_offer_1", "needs_confirmation": True}
    assert await db.pool.fetchval("SELECT count(*) FROM reservations") == 0


async def test_invalid_arguments_become_a_result_not_an_exception(context: ToolContext) -> None:
    result = await call("check_availability", {"check_in": "next friday", "check_out": "2026-12-06"}, context)
    assert not result.ok and result.error == "InvalidArguments"
    assert "check_in" in result.data["error_detail"]


async def test_a_past_date_is_refused_in_words(context: ToolContext, services: Services) -> None:
    yesterday = services.today() - timedelta(days=1)
    result = await call("check_availability", {"check_in": str(yesterday), "check_out": str(services.today())},
                        context)
    assert not result.ok and result.error == "ValidationFailed"
    assert "Which dates" in result.speech


async def test_sold_out_dates_are_said_plainly(context: ToolContext, services: Services, db: Database) -> None:
    check_in, check_out = stay(services)
    async with db.transaction() as conn:
        for row in await conn.fetch("SELECT rt.id, count(r.id) AS rooms FROM room_types rt "
                                    "JOIN rooms r ON r.room_type_id = rt.id GROUP BY rt.id"):
            for _ in range(row["rooms"]):
                await inventory.take(conn, row["id"], check_in, check_out)
    result = await call("check_availability", {"check_in": str(check_in), "check_out": str(check_out),
                                               "guests": 1}, context)
    assert not result.ok and result.error == "NoAvailability"
    assert "fully booked" in result.speech


async def book(context: ToolContext, services: Services, name: str = "Farhana Ahmed") -> dict[str, object]:
    check_in, check_out = stay(services, offset=5)
    quoted = await call("quote_stay", {"room_type": "STD", "check_in": str(check_in), "check_out": str(check_out),
                                       "guests": 1}, context)
    args = {"offer_id": quoted.data["offer_id"], "guest_name": name}
    await call("create_reservation", args, context, call_id="book")
    booked = await call("create_reservation", args, context, call_id="book")
    return dict(booked.data)


async def test_find_by_code_and_by_the_callers_own_number(context: ToolContext, services: Services,
                                                          settings) -> None:
    booked = await book(context, services)
    other_call = ToolContext(services, settings.facts, "CAother", caller_phone="+8801799999998")
    other_call.state.caller_said.append(f"My code is {' '.join(str(booked['confirmation_code']))}")
    by_code = await call("find_reservation", {"confirmation_code": str(booked["confirmation_code"]).lower()},
                         other_call)
    assert by_code.ok and by_code.data["reservations"][0]["confirmation_code"] == booked["confirmation_code"]
    by_phone = await call("find_reservation", {}, ToolContext(services, settings.facts, "CAthird",
                                                              caller_phone=CALLER))
    assert by_phone.ok and by_phone.data["reservations"][0]["reservation_id"] == "res_1"
    stranger = ToolContext(services, settings.facts, "CAstranger", caller_phone="+8801799999999")
    by_name = await call("find_reservation", {"name": "Farhana"}, stranger)
    assert not by_name.ok  # a name alone does not read out someone else's booking


async def test_cancel_reads_back_then_cancels(context: ToolContext, services: Services, db: Database) -> None:
    booked = await book(context, services)
    context.state.caller_said.append(f"The code is {booked['confirmation_code']}")
    found = await call("find_reservation", {"confirmation_code": booked["confirmation_code"]}, context)
    ref = found.data["reservations"][0]["reservation_id"]
    asked = await call("cancel_reservation", {"reservation_id": ref}, context)
    assert asked.data["needs_confirmation"] and "cancel" in asked.speech
    assert await db.pool.fetchval("SELECT status FROM reservations") == "hold"
    done = await call("cancel_reservation", {"reservation_id": ref}, context)
    assert done.effect == "cancelled"
    assert await db.pool.fetchval("SELECT status FROM reservations") == "cancelled"
    again = await call("cancel_reservation", {"reservation_id": ref}, context)
    assert again.ok and "already cancelled" in again.speech


async def test_a_code_the_model_passes_as_a_reservation_id_reaches_no_booking(
        context: ToolContext, services: Services, db: Database, settings) -> None:
    booked = await book(context, services)
    fresh = ToolContext(services, settings.facts, "CAcancel", caller_phone=CALLER)
    for tool in ("cancel_reservation", "modify_reservation"):
        refused = await call(tool, {"reservation_id": booked["confirmation_code"]}, fresh)
        refused_twice = await call(tool, {"reservation_id": booked["confirmation_code"]}, fresh)
        assert not refused.ok and not refused_twice.ok and refused.error == "NotFound"
    assert await db.pool.fetchval("SELECT status FROM reservations") == "hold"


async def test_modify_reads_back_the_new_price_then_changes(context: ToolContext, services: Services,
                                                            db: Database) -> None:
    booked = await book(context, services)
    new_out = date.fromisoformat(str(booked["check_out"])) + timedelta(days=1)
    args = {"reservation_id": booked["reservation_id"], "check_out": str(new_out)}
    asked = await call("modify_reservation", args, context)
    quote = await pricing.quote(db.pool, services.policy, "STD", date.fromisoformat(str(booked["check_in"])),
                                new_out, 1)
    assert asked.data["needs_confirmation"] and say_money(quote.total, quote.currency) in asked.speech
    done = await call("modify_reservation", args, context)
    assert done.effect == "modified"
    row = await db.pool.fetchrow("SELECT check_out, amount FROM reservations")
    assert row["check_out"] == new_out and row["amount"] == quote.total


def test_every_tool_has_an_argument_schema_and_the_booking_ones_are_marked() -> None:
    registry = default_registry()
    assert set(registry.names) >= {
        "check_availability", "quote_stay", "create_reservation", "find_reservation", "modify_reservation",
        "cancel_reservation", "request_housekeeping", "request_late_checkout", "hotel_info", "transfer_to_human",
        "end_call"}
    assert registry.booking_tools() == {"create_reservation", "modify_reservation", "cancel_reservation"}
    for spec in registry.specs():
        assert spec.parameters["type"] == "object" and spec.description


async def test_a_stay_can_be_given_in_nights_and_defaults_to_one(context: ToolContext, services: Services) -> None:
    check_in = services.today() + timedelta(days=4)
    three = await call("check_availability", {"check_in": str(check_in), "nights": 3}, context)
    assert three.data["check_out"] == check_in + timedelta(days=3) and "3 nights" in three.speech
    one = await call("quote_stay", {"check_in": str(check_in), "room_type": "STD"}, context)
    assert one.ok and "1 night" in one.speech
    both = await call("check_availability", {"check_in": str(check_in), "check_out": str(check_in), "nights": 2},
                      context)
    assert not both.ok and both.error == "ValidationFailed"  # an explicit check-out wins, and is checked


async def test_on_a_call_the_booking_name_must_be_one_the_caller_said(context: ToolContext,
                                                                      services: Services) -> None:
    check_in, check_out = stay(services)
    quoted = await call("quote_stay", {"room_type": "STD", "check_in": str(check_in), "check_out": str(check_out)},
                        context)
    context.state.caller_said += ["How much is a standard room?", "Yes, book it for me"]
    invented = await call("create_reservation", {"offer_id": quoted.data["offer_id"], "guest_name": "John Doe"},
                          context)
    assert not invented.ok and invented.speech == "May I have the name for the booking, please?"
    context.state.caller_said.append("It's Rina Das")
    said = await call("create_reservation", {"offer_id": quoted.data["offer_id"], "guest_name": "Rina Das"}, context)
    assert said.ok and said.data["needs_confirmation"]
