"""In-stay request tools and hotel facts, against the real database."""

from __future__ import annotations

from backoffice.db import Database
from backoffice.services import Services
from tests.tools.conftest import InHouse
from tools.context import ToolContext
from tools.registry import call


async def test_towels_for_an_occupied_room_open_one_task_even_when_asked_twice(
        context: ToolContext, in_house: InHouse, db: Database) -> None:
    first = await call("request_housekeeping", {"room_number": in_house.room_number, "item": "towels"}, context)
    again = await call("request_housekeeping", {"room_number": f"room {in_house.room_number}", "item": "towels"},
                       context)
    assert first.ok and first.effect == "requested" and "towels" in first.speech
    assert again.ok and again.data["already_requested"] and "already" in again.speech
    tasks = await db.pool.fetch(
        """SELECT t.task_type, t.status FROM housekeeping_tasks t JOIN rooms r ON r.id = t.room_id
           WHERE r.room_number = $1 AND t.task_type = 'towels'""", in_house.room_number)
    assert [dict(t) for t in tasks] == [{"task_type": "towels", "status": "open"}]


async def test_cleaning_maps_to_a_stayover_clean(context: ToolContext, in_house: InHouse, db: Database) -> None:
    result = await call("request_housekeeping", {"room_number": in_house.room_number, "item": "cleaning"}, context)
    assert result.ok and "clean room" in result.speech
    assert await db.pool.fetchval("SELECT task_type FROM housekeeping_tasks WHERE task_type = 'stayover_clean'")


async def test_the_evening_turndown_is_a_turndown_task(context: ToolContext, in_house: InHouse, db: Database) -> None:
    result = await call("request_housekeeping", {"room_number": in_house.room_number, "item": "turndown"}, context)
    assert result.ok and "turn down room" in result.speech
    assert await db.pool.fetchval("SELECT priority FROM housekeeping_tasks WHERE task_type = 'turndown'") == "normal"


async def test_an_empty_room_gets_no_housekeeping_from_a_caller(context: ToolContext, in_house: InHouse,
                                                                db: Database) -> None:
    empty = await db.pool.fetchval(
        "SELECT room_number FROM rooms WHERE room_number <> $1 ORDER BY room_number LIMIT 1", in_house.room_number)
    result = await call("request_housekeeping", {"room_number": empty, "item": "towels"}, context)
    assert not result.ok and result.error == "NotFound"
    assert await db.pool.fetchval("SELECT count(*) FROM housekeeping_tasks WHERE task_type = 'towels'") == 0


async def test_late_checkout_is_audited_and_queued_for_the_front_desk(
        context: ToolContext, in_house: InHouse, db: Database) -> None:
    result = await call("request_late_checkout", {"room_number": in_house.room_number, "until": "14:00"}, context)
    assert result.ok and "2 p.m." in result.speech and result.effect == "requested"
    event = await db.pool.fetchrow("SELECT aggregate_id, payload FROM outbox "
                                   "WHERE event_type = 'reservation.late_checkout_requested'")
    assert event["aggregate_id"] == str(in_house.reservation_id) and event["payload"]["until"] == "14:00"
    assert await db.pool.fetchval(
        "SELECT count(*) FROM audit_logs WHERE action = 'request_late_checkout' AND actor_type = 'call'") == 1


async def test_late_checkout_limits(context: ToolContext, in_house: InHouse) -> None:
    too_late = await call("request_late_checkout", {"room_number": in_house.room_number, "until": "20:00"}, context)
    assert not too_late.ok and too_late.error == "ValidationFailed"
    early = await call("request_late_checkout", {"room_number": in_house.room_number, "until": "11:00"}, context)
    assert early.ok and early.effect is None and "already" in early.speech
    nobody = await call("request_late_checkout", {"room_number": "999", "until": "13:00"}, context)
    assert not nobody.ok and nobody.error == "NotFound"
    malformed = await call("request_late_checkout", {"room_number": in_house.room_number, "until": "half past"},
                           context)
    assert not malformed.ok and malformed.error == "InvalidArguments"
    impossible = await call("request_late_checkout", {"room_number": in_house.room_number, "until": "13 pm"}, context)
    assert not impossible.ok and impossible.error == "InvalidArguments"


async def test_late_checkout_takes_the_time_as_the_caller_said_it(context: ToolContext, in_house: InHouse,
                                                                  db: Database) -> None:
    result = await call("request_late_checkout", {"room_number": in_house.room_number, "until": "2 pm"}, context)
    assert result.ok and "2 p.m." in result.speech and result.data["until"] == "14:00"


async def test_hotel_facts_come_from_settings(context: ToolContext, services: Services) -> None:
    facts = context.facts
    answers = {topic: (await call("hotel_info", {"topic": topic}, context)).speech
               for topic in ("check_in_time", "check_out_time", "parking", "wifi", "breakfast", "address", "pets")}
    assert "2 p.m." in answers["check_in_time"] and "noon" in answers["check_out_time"]
    assert facts.parking in answers["parking"] and facts.wifi in answers["wifi"]
    assert facts.breakfast in answers["breakfast"] and facts.address in answers["address"]
    assert facts.pets in answers["pets"]
    unknown = await call("hotel_info", {"topic": "spa"}, context)
    assert not unknown.ok and unknown.error == "InvalidArguments"


async def test_transfer_and_end_call_carry_their_actions(context: ToolContext) -> None:
    transfer = await call("transfer_to_human", {"reason": "upset"}, context)
    assert transfer.action == "transfer" and transfer.data["reason"] == "upset"
    goodbye = await call("end_call", {}, context)
    assert goodbye.action == "hang_up" and context.facts.name in goodbye.speech
