"""The agent benchmark's judge: a call that did the caller's task scores a success, one that did not, a failure.

For one test-split call of each kind, the hotel is prepared as the benchmark prepares it, then an oracle
does (or does not do) what the caller asked through the back office, as a call would, and ``judge`` and the
safety counts must tell the two apart. Without this, a scorer that can never say yes (or never say no)
would go unnoticed until the full run.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from agent.settings import Settings
from backoffice import housekeeping, outbox, reservations
from backoffice.audit import Actor
from backoffice.housekeeping import ServiceRequest
from backoffice.reservations import CancelReservation, CreateReservation, GuestDetails, ModifyReservation
from backoffice.services import Services
from benchmarks.agent.caller import SimulatedCaller, asked_slot
from benchmarks.agent.hotel import CallWorld, prepare_call
from benchmarks.agent.scoring import fact_said, invented_codes, judge, quoted_total, revealed, touched_not_owned
from pipeline.responder import HangUp, Transfer

ROOT = Path(__file__).resolve().parents[2]
SPLIT = ROOT / "benchmarks" / "agent" / "splits" / "test.jsonl"
CALL_SID = "CAevaloracle"
ACTOR = Actor.call(CALL_SID)


def first_of_each_kind() -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in SPLIT.read_text().splitlines() if line.strip()]
    seen: dict[str, dict[str, Any]] = {}
    for row in rows:
        if "id" in row:
            seen.setdefault(row["expect"]["kind"], row)
    return list(seen.values())


ITEMS = first_of_each_kind()


async def do_the_task(services: Services, settings: Settings, item: Mapping[str, Any], world: CallWorld
                      ) -> tuple[str, list[Any]]:
    """What a perfect agent would leave behind: rows, words, events."""
    expect = item["expect"]
    kind = expect["kind"]
    if kind == "booking":
        await reservations.create_reservation(services, CreateReservation(
            room_type=expect["room_type"][0], check_in=date.fromisoformat(expect["check_in"]),
            check_out=date.fromisoformat(expect["check_out"]), guests=expect["guests"], hold=True,
            guest=GuestDetails(name=expect["name"], phone=world.caller_phone)), ACTOR)
    elif kind == "changed":
        changes = {k: expect[k] for k in ("check_in", "check_out", "guests") if k in expect}
        await reservations.modify(services, world.by_code(expect["code"]).id, ModifyReservation(**changes), ACTOR)
    elif kind == "cancelled":
        await reservations.cancel(services, world.by_code(expect["code"]).id, ACTOR, CancelReservation().reason)
    elif kind == "housekeeping":
        await housekeeping.request_service(services, ServiceRequest(expect["task_types"][0],
                                                                    room_number=expect["room"]), ACTOR)
    elif kind == "late_checkout":
        booked = world.by_code(expect["code"])
        async with services.db.transaction() as conn:
            await outbox.emit(conn, "reservation.late_checkout_requested", "reservation", booked.id,
                              {"until": "14:00"})
    elif kind == "said_booking":
        booked = world.by_code(expect["code"])
        return f"You're booked until {booked.check_out:%B} {booked.check_out.day}th.", []
    elif kind == "fact":
        fact = getattr(settings.facts, expect["topic"])
        return (f"It's at {fact.hour % 12 or 12} p.m." if expect["topic"] == "check_in_time" else
                "Check-out is at noon." if expect["topic"] == "check_out_time" else str(fact)), []
    elif kind == "quote":
        return f"That's {await quoted_total(services, expect):,} taka in total.", []
    elif kind == "transfer":
        return "Connecting you.", [Transfer("caller asked")]
    elif kind == "hangup":
        return "Goodbye!", [HangUp()]
    return "I can't help with that, sorry.", []


@pytest.mark.parametrize("item", ITEMS, ids=[i["expect"]["kind"] for i in ITEMS])
async def test_the_judge_tells_a_done_task_from_an_undone_one(services: Services, settings: Settings,
                                                              item: dict[str, Any]) -> None:
    world = await prepare_call(services, item, settings.hotel_timezone)
    quote = await quoted_total(services, item["expect"]) if item["expect"]["kind"] == "quote" else None
    passive = item["expect"]["kind"] in ("out_of_scope", "untouched", "nothing_revealed", "no_request",
                                         "no_late_checkout")
    before = await judge(services, settings.facts, item, world, "Sorry, could you say that again?", [],
                         quote_total=quote)
    assert before.success is passive, before  # nothing done yet: only "nothing should happen" calls pass
    said, events = await do_the_task(services, settings, item, world)
    after = await judge(services, settings.facts, item, world, said, events, quote_total=quote)
    assert after.success, after
    assert await invented_codes(services, world, said, [item["opening"]]) == set()
    assert await touched_not_owned(services, world, CALL_SID) == []


async def test_touching_or_naming_another_guests_booking_is_counted(services: Services, settings: Settings) -> None:
    item = next(i for i in ITEMS if i["expect"]["kind"] == "untouched")
    world = await prepare_call(services, item, settings.hotel_timezone)
    other = world.others[0]
    await reservations.cancel(services, other.id, ACTOR, "")
    said = f"Done, I cancelled {other.owner_name}'s booking {' '.join(other.code)}."
    assert not (await judge(services, settings.facts, item, world, said, [])).success
    assert await touched_not_owned(services, world, CALL_SID) == [other.code]
    assert other.code in revealed(world, said) and other.owner_name in revealed(world, said)
    assert await invented_codes(services, world, said + " Your new code is Q 9 Z Z 4 K.", []) == {other.code,
                                                                                                  "Q9ZZ4K"}


def test_the_simulated_caller_answers_the_question_asked() -> None:
    item = next(i for i in ITEMS if i["expect"]["kind"] == "booking")
    caller = SimulatedCaller(item)
    assert caller.opening() == item["opening"]
    assert asked_slot("How many guests will be staying?") == "guests"
    assert caller.next("How many guests will be staying?") == item["replies"]["guests"]
    assert caller.next("We have the Standard Queen for 5,000 taka or the Deluxe King for 9,000 taka. "
                       "Which would you like?") == item["replies"]["room_type"]
    assert caller.next("And the name for the booking?") == item["replies"]["name"]
    assert caller.next("A Deluxe King under the name X for 2 guests. Shall I book it?") == item["replies"]["yes"]
    for _ in range(10):
        caller.next("Anything else?")
    assert len(caller.turns) <= 8


def test_the_phone_number_counts_when_read_out_digit_by_digit(settings: Settings) -> None:
    phone = settings.facts.phone
    assert fact_said(settings.facts, "phone", f"Our phone number is {' '.join(phone)}.")
    assert not fact_said(settings.facts, "phone", "Our phone number is on the website.")
