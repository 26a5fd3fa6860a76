"""The harness's setup of every call, checked without a model: ``python -m benchmarks.agent --setup-only``.

For each call of a split this builds the hotel exactly as the benchmark does (``hotel.prepare_call``: the demo
seed in a scratch database, the call's bookings, the clock pinned to its day), then checks that

- every booking of ``setup`` is in the database with its code, owner and status (an in-house stay in its room);
- the expectation names things that exist: the caller's own booking for a change, cancellation, look-up or
  late check-out (another guest's for the calls that must leave one alone), a seeded room type that sleeps the
  party, a stay the back office would take (``reservations.quote``), a room the caller is staying in (or, for
  a request about someone else's room, someone else is), a task type and a fact topic the scorer knows;
- the task is not already done before the call (the judge says "not yet" for a call that must do something,
  and "success" for a call whose success is that nothing happens);
- the simulated caller can answer every question it may be asked without raising.

No model is loaded and no agent runs: this is safe on a frozen split (it reads nothing the agent says).
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from backoffice import reservations
from backoffice.errors import ValidationFailed
from backoffice.housekeeping import TaskType
from backoffice.policy import HotelFacts
from backoffice.services import Services
from benchmarks.agent.caller import SimulatedCaller
from benchmarks.agent.hotel import CallWorld, prepare_call
from benchmarks.agent.scoring import judge, quoted_total

SLOTS = ("dates", "guests", "room_type", "name", "yes", "code", "which", "room", "time", "again")
ASKED = (*SLOTS[:-1], "request", "anything_else", None)
FLOW_KINDS = {
    "book": {"booking"},
    "change": {"changed", "untouched"},
    "cancel": {"cancelled", "untouched"},
    "find": {"said_booking", "nothing_revealed"},
    "housekeeping": {"housekeeping", "no_request"},
    "late_checkout": {"late_checkout", "no_late_checkout"},
    "facts": {"fact", "quote"},
    "person": {"transfer"},
    "goodbye": {"hangup"},
    "out_of_scope": {"out_of_scope"},
}
PASSIVE = {"out_of_scope", "untouched", "nothing_revealed", "no_request", "no_late_checkout"}
TASK_TYPES = frozenset(typing.get_args(TaskType))
FACT_TOPICS = frozenset(f.name for f in dataclasses.fields(HotelFacts))


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


async def _room_types(services: Services) -> dict[str, int]:
    rows = await services.db.pool.fetch("SELECT code, max_occupancy FROM room_types")
    return {r["code"]: r["max_occupancy"] for r in rows}


async def _stay_problems(services: Services, room_types: Sequence[str], check_in: Any, check_out: Any,
                         guests: Any, what: str) -> list[str]:
    start, end = _day(check_in), _day(check_out)
    if start is None or end is None:
        return [f"{what}: dates {check_in!r}..{check_out!r} are not ISO dates"]
    out = []
    for code in room_types:
        try:
            await reservations.quote(services, code, start, end, int(guests))
        except ValidationFailed as error:
            out.append(f"{what}: {code} {start}..{end} for {guests}: {error}")
    return out


def _own(world: CallWorld, code: Any, what: str) -> list[str]:
    if not any(b.code == code for b in world.own):
        return [f"{what}: {code!r} is not one of the caller's bookings"]
    return []


def _others(world: CallWorld, codes: Any, what: str) -> list[str]:
    if not codes:
        return [f"{what}: no codes"]
    return [f"{what}: {code!r} is not another guest's booking" for code in codes
            if not any(b.code == code for b in world.others)]


async def _placed(services: Services, item: Mapping[str, Any], world: CallWorld) -> list[str]:
    out = []
    phone = item["caller"]["phone"]
    for booked in item["setup"]:
        who = booked.get("who")
        if who not in ("caller", "other"):
            out.append(f"setup {booked.get('name')!r}: who is {who!r}")
        if (booked.get("phone") == phone) != (who == "caller"):
            out.append(f"setup {booked.get('name')!r}: who={who} but phone {booked.get('phone')} "
                       f"{'is' if booked.get('phone') == phone else 'is not'} the caller's")
        if booked.get("guest_only"):
            found = await services.db.pool.fetchval("SELECT count(*) FROM guests WHERE phone = $1", booked["phone"])
            if not found:
                out.append(f"setup: returning guest {booked['name']!r} is not on file")
            continue
        row = await services.db.pool.fetchrow(
            """SELECT r.status, g.phone, rm.room_number FROM reservations r JOIN guests g ON g.id = r.guest_id
               LEFT JOIN rooms rm ON rm.id = r.room_id WHERE r.confirmation_code = $1""", booked.get("code"))
        if row is None:
            out.append(f"setup: booking {booked.get('code')!r} is not in the database")
            continue
        want = booked.get("status", "confirmed")
        if row["status"] != want:
            out.append(f"setup: booking {booked['code']} is {row['status']}, not {want}")
        if row["phone"] != booked["phone"]:
            out.append(f"setup: booking {booked['code']} belongs to {row['phone']}, not {booked['phone']}")
        if booked.get("room") and row["room_number"] != booked["room"]:
            out.append(f"setup: booking {booked['code']} is in room {row['room_number']}, not {booked['room']}")
    return out


async def _expectation(services: Services, item: Mapping[str, Any], world: CallWorld) -> list[str]:
    expect = item["expect"]
    kind = expect.get("kind")
    out: list[str] = []
    types = await _room_types(services)
    if kind not in FLOW_KINDS.get(item["flow"], set()):
        out.append(f"expect.kind {kind!r} does not belong to flow {item['flow']!r}")
    if kind == "booking":
        codes = expect.get("room_type") or []
        out += [f"booking: unknown room type {c!r}" for c in codes if c not in types]
        if not str(expect.get("name", "")).strip():
            out.append("booking: no name")
        stays = [(expect["check_in"], expect["check_out"]), *[tuple(a) for a in expect.get("alternatives", [])]]
        for check_in, check_out in stays:
            out += await _stay_problems(services, [c for c in codes if c in types], check_in, check_out,
                                        expect["guests"], "booking")
    elif kind == "changed":
        out += _own(world, expect.get("code"), "changed")
        out += [f"changed.untouched: {c!r} is not the caller's" for c in expect.get("untouched", [])
                if not any(b.code == c for b in world.own)]
        mine = [b for b in world.own if b.code == expect.get("code")]
        if mine:
            before = mine[0]
            room_type = await services.db.pool.fetchval(
                "SELECT rt.code FROM reservations r JOIN room_types rt ON rt.id = r.room_type_id WHERE r.id = $1",
                before.id)
            check_in = expect.get("check_in", before.check_in.isoformat())
            check_out = expect.get("check_out", before.check_out.isoformat())
            guests = expect.get("guests", before.guests)
            if (check_in, check_out, guests) == (before.check_in.isoformat(), before.check_out.isoformat(),
                                                 before.guests):
                out.append("changed: the expected booking is the booking as it is (nothing to change)")
            out += await _stay_problems(services, [room_type], check_in, check_out, guests, "changed")
    elif kind in ("cancelled", "said_booking", "late_checkout"):
        out += _own(world, expect.get("code"), kind)
        if "untouched" in expect:
            # the caller's other booking(s): they exist, and are the caller's
            out += [f"{kind}.untouched: {c!r} is not the caller's" for c in expect["untouched"]
                    if not any(b.code == c for b in world.own)]
        mine = [b for b in world.own if b.code == expect.get("code")]
        if kind == "cancelled" and mine and mine[0].status != "confirmed":
            out.append(f"cancelled: booking {mine[0].code} is {mine[0].status}")
        if kind == "late_checkout" and mine and (mine[0].status != "checked_in" or mine[0].check_out < world.today):
            out.append(f"late_checkout: booking {mine[0].code} is not an in-house stay")
    elif kind in ("untouched", "nothing_revealed", "no_late_checkout"):
        out += _others(world, expect.get("codes"), kind)
    elif kind in ("housekeeping", "no_request"):
        room = expect.get("room")
        if not await services.db.pool.fetchval("SELECT count(*) FROM rooms WHERE room_number = $1", room):
            out.append(f"{kind}: room {room!r} does not exist")
        staying = [b for b in world.bookings if b.room == room and b.status == "checked_in"]
        if kind == "housekeeping":
            if not any(b.owner_phone == world.caller_phone for b in staying):
                out.append(f"housekeeping: the caller is not staying in room {room}")
            out += [f"housekeeping: unknown task type {t!r}" for t in expect.get("task_types") or ["<none>"]
                    if t not in TASK_TYPES]
        elif not staying or any(b.owner_phone == world.caller_phone for b in staying):
            out.append(f"no_request: room {room} is not another guest's in-house room")
    elif kind == "fact":
        if expect.get("topic") not in FACT_TOPICS:
            out.append(f"fact: unknown topic {expect.get('topic')!r}")
    elif kind == "quote":
        code = expect.get("room_type")
        if code not in types:
            out.append(f"quote: unknown room type {code!r}")
        else:
            out += await _stay_problems(services, [code], expect.get("check_in"), expect.get("check_out"),
                                        expect.get("guests"), "quote")
    elif kind not in ("transfer", "hangup", "out_of_scope"):
        out.append(f"unknown expectation {kind!r}")
    return out


def _caller_problems(item: Mapping[str, Any]) -> list[str]:
    out = [f"replies: unknown slot {slot!r}" for slot in item.get("replies", {}) if slot not in SLOTS]
    out += [f"given: unknown slot {slot!r}" for slot in item.get("given", []) if slot not in SLOTS]
    for slot in ASKED:
        caller = SimulatedCaller(item)
        try:
            caller.opening()
            caller.next("")  # a reply it cannot read
            caller.answer(slot)
        except Exception as error:  # noqa: BLE001 (each failure is reported with the slot that raised it)
            out.append(f"the simulated caller raised {error!r} when asked {slot!r}")
    return out


async def check_call(services: Services, facts: HotelFacts, item: Mapping[str, Any], timezone: str) -> list[str]:
    """Everything wrong with one call's setup (empty when the benchmark can run it as written)."""
    for key in ("id", "flow", "source", "today", "caller", "setup", "opening", "replies", "given", "date_phrases",
                "expect"):
        if key not in item:
            return [f"no {key!r} field"]
    if _day(item["today"]) is None:
        return [f"today {item['today']!r} is not a date"]
    try:
        world = await prepare_call(services, item, timezone)
    except Exception as error:  # noqa: BLE001 (what the benchmark would record as a failed call)
        return [f"prepare_call raised {error!r}"]
    problems = await _placed(services, item, world)
    problems += await _expectation(services, item, world)
    problems += _caller_problems(item)
    if not problems:
        kind = item["expect"]["kind"]
        try:
            quote = await quoted_total(services, item["expect"]) if kind == "quote" else None
            verdict = await judge(services, facts, item, world, "", [], quote_total=quote)
        except Exception as error:  # noqa: BLE001
            problems.append(f"the judge raised {error!r} before the call")
        else:
            if verdict.success != (kind in PASSIVE):
                problems.append(f"before any call the judge already says success={verdict.success} "
                                f"({verdict.detail})")
    return [f"{item.get('id')}: {p}" for p in problems]


async def check_split(services: Services, facts: HotelFacts, items: Sequence[Mapping[str, Any]], timezone: str
                      ) -> list[str]:
    problems = []
    ids = [i.get("id") for i in items]
    if len(set(ids)) != len(ids):
        problems.append("ids are not unique")
    for item in items:
        problems += await check_call(services, facts, item, timezone)
    return problems
