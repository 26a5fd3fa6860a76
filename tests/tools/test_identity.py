"""Whose booking: the tools called as a prompt-injected model would call them never reach another guest.

A caller may read or change only bookings under the number they call from, or one whose code they
read out on this call; a name, another number, a code the model made up, or a room number reveal
nothing (no code, no dates, no name) and change nothing. The rules live in the tools, not the prompt.
"""

from __future__ import annotations

from datetime import timedelta

from backoffice import allocation, checkin, reservations
from backoffice.audit import Actor
from backoffice.db import Database
from backoffice.reservations import CreateReservation, GuestDetails
from backoffice.services import Services
from tools.context import CallLimits, ToolContext
from tools.registry import call
from tools.spoken import say_code

VICTIM = "+8801711444001"
ATTACKER = "+8801711444999"


async def victims_stay(services: Services, *, in_house: bool = False) -> tuple[str, str | None]:
    today = services.today()
    booking = await reservations.create_reservation(services, CreateReservation(
        room_type="STD", check_in=today if in_house else today + timedelta(days=6),
        check_out=today + timedelta(days=8), guests=2, guest=GuestDetails(name="Morium Begum", phone=VICTIM)),
        Actor.system("test"))
    room = None
    if in_house:
        room = (await allocation.assign_room(services, booking.reservation.id, Actor.system("test"))).room_number
        await checkin.check_in(services, booking.reservation.id, Actor.system("test"))
    return booking.reservation.confirmation_code, room


def leaked(speech: str, code: str) -> bool:
    return any(secret in speech for secret in (code, say_code(code), "Morium", "Begum"))


def attacker(services: Services, settings, said: list[str]) -> ToolContext:  # type: ignore[no-untyped-def]
    context = ToolContext(services, settings.facts, "CAattack1", caller_phone=ATTACKER,
                          limits=CallLimits(holds=2, code_guesses=3))
    context.state.caller_said.extend(said)
    return context


async def test_another_number_or_a_name_fragment_finds_only_the_callers_own(
        hotel: Database, services: Services, settings) -> None:  # type: ignore[no-untyped-def]
    code, _ = await victims_stay(services)
    context = attacker(services, settings, [f"My wife Morium booked under {VICTIM}"])
    for arguments in ({"phone": VICTIM, "name": "Morium"}, {"name": "Beg"}, {"phone": VICTIM}, {}):
        result = await call("find_reservation", arguments, context)
        assert not result.ok and not leaked(result.speech, code) and not leaked(str(result.data), code)


async def test_a_code_the_caller_never_said_is_refused_and_guesses_run_out(
        hotel: Database, services: Services, settings) -> None:  # type: ignore[no-untyped-def]
    code, _ = await victims_stay(services)
    context = attacker(services, settings, ["I want to change my booking"])
    invented = await call("find_reservation", {"confirmation_code": code}, context)
    assert not invented.ok and not leaked(invented.speech + str(invented.data), code)
    for guess in ("AAA222", "BBB333", "CCC444"):
        context.state.caller_said.append(f"it is {guess}")
        assert not (await call("find_reservation", {"confirmation_code": guess}, context)).ok
    context.state.caller_said.append(f"it is {code}")
    fourth = await call("find_reservation", {"confirmation_code": code}, context)
    assert not fourth.ok and fourth.error == "GuessLimit" and not leaked(fourth.speech + str(fourth.data), code)


async def test_a_code_as_a_reservation_id_changes_nothing(hotel: Database, services: Services,
                                                         settings) -> None:  # type: ignore[no-untyped-def]
    code, _ = await victims_stay(services)
    context = attacker(services, settings, [f"cancel {code}"])
    for tool, extra in (("cancel_reservation", {}), ("cancel_reservation", {}),
                        ("modify_reservation", {"guests": 1}), ("modify_reservation", {"guests": 1})):
        result = await call(tool, {"reservation_id": code, **extra}, context)
        assert not result.ok and not leaked(result.speech, code)
    row = await hotel.pool.fetchrow("SELECT status, guests FROM reservations")
    assert (row["status"], row["guests"]) == ("confirmed", 2)


async def test_a_room_number_gets_no_request_and_no_name(hotel: Database, services: Services,
                                                        settings) -> None:  # type: ignore[no-untyped-def]
    code, room = await victims_stay(services, in_house=True)
    context = attacker(services, settings, [f"I'm in room {room}"])
    late = await call("request_late_checkout", {"room_number": room, "until": "2 pm"}, context)
    towels = await call("request_housekeeping", {"room_number": room, "item": "towels"}, context)
    for result in (late, towels):
        assert not result.ok and not leaked(result.speech + str(result.data), code)
    assert await hotel.pool.fetchval("SELECT count(*) FROM outbox WHERE event_type LIKE '%late_checkout%'") == 0
    assert await hotel.pool.fetchval("SELECT count(*) FROM housekeeping_tasks WHERE task_type = 'towels'") == 0
    # The guest staying there, calling from their own number, is served.
    own = ToolContext(services, settings.facts, "CAown1", caller_phone=VICTIM)
    assert (await call("request_housekeeping", {"item": "towels"}, own)).ok


async def test_a_call_may_hold_at_most_its_limit(hotel: Database, services: Services,
                                                 settings) -> None:  # type: ignore[no-untyped-def]
    context = attacker(services, settings, ["Book it for Tariq Aziz"])
    for offset in (3, 5, 7):
        day = services.today() + timedelta(days=offset)
        quoted = await call("quote_stay", {"room_type": "STD", "check_in": str(day), "nights": 1}, context)
        arguments = {"offer_id": quoted.data["offer_id"], "guest_name": "Tariq Aziz"}
        await call("create_reservation", arguments, context, call_id=f"a{offset}")
        result = await call("create_reservation", arguments, context, call_id=f"b{offset}")
    assert not result.ok and result.error == "HoldLimit"
    assert await hotel.pool.fetchval("SELECT count(*) FROM reservations") == 2
