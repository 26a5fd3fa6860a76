"""Room types, rooms, room condition, blocks and room assignment: thin HTTP over ``backoffice.rooms``
and ``backoffice.allocation``."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from agent.web.api import Call, Empty
from agent.web.keys import SERVICES
from agent.web.registry import api
from backoffice import allocation, rooms

TAG = "rooms"
# PostgreSQL text (and jsonb) cannot hold NUL; names and numbers never need control characters.
ONE_LINE = r"^[^\x00-\x1f\x7f]*$"
NO_NUL = r"^[^\x00]*$"
Amenity = Annotated[str, Field(min_length=1, max_length=64, pattern=ONE_LINE)]


class _FromAttributes(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class RoomTypeOut(_FromAttributes):
    id: UUID
    code: str
    name: str
    description: str
    max_occupancy: int
    base_rate: Decimal
    currency: str
    bed_type: str
    amenities: list[str]
    rooms: int


class RoomTypeList(BaseModel):
    room_types: list[RoomTypeOut]


class NewRoomType(BaseModel):
    code: str = Field(min_length=1, max_length=16, pattern=r"^[A-Z0-9_]+$")
    name: str = Field(min_length=1, max_length=100, pattern=ONE_LINE)
    description: str = Field(default="", max_length=2000, pattern=NO_NUL)
    max_occupancy: int = Field(ge=1, le=20)
    base_rate: Decimal = Field(ge=0, le=Decimal("9999999999.99"), decimal_places=2)
    currency: str = Field(min_length=3, max_length=3, pattern=r"^[A-Z]{3}$")
    bed_type: str = Field(default="queen", min_length=1, max_length=32, pattern=ONE_LINE)
    amenities: list[Amenity] = Field(default_factory=list, max_length=50)


class BlockOut(_FromAttributes):
    id: UUID
    room_id: UUID
    kind: Literal["out_of_service", "out_of_order"]
    start_date: date
    end_date: date
    reason: str
    released_at: datetime | None


class RoomOut(_FromAttributes):
    id: UUID
    room_number: str
    room_type_id: UUID
    room_type_code: str
    floor: int
    condition: Literal["dirty", "cleaning", "clean", "inspected"]
    accessible: bool
    quiet: bool
    near_elevator: bool
    bed_type: str
    amenities: list[str]
    occupied: bool
    occupied_by: UUID | None
    blocked_today: bool
    blocks: list[BlockOut]
    status_code: str = Field(description="VD, VC, VCI, OD, OC, OCI, or OOO/OOS when blocked today")


class RoomList(BaseModel):
    rooms: list[RoomOut]


class RoomQuery(BaseModel):
    condition: Literal["dirty", "cleaning", "clean", "inspected"] | None = None
    floor: int | None = Field(default=None, ge=-10, le=500)
    room_type: str | None = Field(default=None, min_length=1, max_length=64, pattern=ONE_LINE,
                                  description="room type code")


class NewRoom(BaseModel):
    room_number: str = Field(min_length=1, max_length=16, pattern=ONE_LINE)
    room_type_id: UUID
    floor: int = Field(ge=-10, le=500)
    accessible: bool = False
    quiet: bool = False
    near_elevator: bool = False
    bed_type: str | None = Field(default=None, min_length=1, max_length=32, pattern=ONE_LINE)
    amenities: list[Amenity] = Field(default_factory=list, max_length=50)


class RoomPath(BaseModel):
    id: UUID


class BlockPath(BaseModel):
    id: UUID
    block_id: UUID


class ConditionChange(BaseModel):
    action: Literal["mark_dirty", "start_cleaning", "finish_cleaning", "inspect", "fail_inspection"]


class NewBlock(BaseModel):
    kind: Literal["out_of_service", "out_of_order"]
    start_date: date
    end_date: date
    reason: str = Field(default="", max_length=500, pattern=NO_NUL)


class ReservationPath(BaseModel):
    id: UUID


class AssignRoom(BaseModel):
    room_id: UUID | None = Field(default=None, description="a specific room; omit to let the allocator pick")


class MoveRoom(BaseModel):
    room_id: UUID


class AssignmentOut(_FromAttributes):
    reservation_id: UUID
    room_id: UUID
    room_number: str
    upgraded: bool
    reasons: list[str]


class MoveOut(_FromAttributes):
    reservation_id: UUID
    from_room_id: UUID
    to_room_id: UUID
    to_room_number: str
    from_night: date
    cleaning_task_id: UUID
    door_key: str
    key_valid_until: datetime


@api.route("GET", "/api/v1/room-types", summary="Room types with their room counts", tag=TAG,
           scope="rooms:read", response=RoomTypeList)
async def list_room_types(call: Call[Empty, Empty, Any]) -> RoomTypeList:
    types = await rooms.list_room_types(call.app[SERVICES].db.pool)
    return RoomTypeList(room_types=[RoomTypeOut.model_validate(t) for t in types])


@api.route("POST", "/api/v1/room-types", summary="Create a room type", tag=TAG, scope="rooms:write",
           body=NewRoomType, response=RoomTypeOut, status=201, errors=(409,))
async def create_room_type(call: Call[Empty, Empty, NewRoomType]) -> RoomTypeOut:
    created = await rooms.create_room_type(call.app[SERVICES].db, call.actor, **call.body.model_dump())
    return RoomTypeOut.model_validate(created)


@api.route("GET", "/api/v1/rooms", summary="Rooms with condition, occupancy and blocks", tag=TAG,
           scope="rooms:read", query=RoomQuery, response=RoomList)
async def list_rooms(call: Call[Empty, RoomQuery, Any]) -> RoomList:
    services = call.app[SERVICES]
    q = call.query
    found = await rooms.list_rooms(services.db.pool, services.today(), condition=q.condition, floor=q.floor,
                                   room_type=q.room_type)
    return RoomList(rooms=[RoomOut.model_validate(r) for r in found])


@api.route("POST", "/api/v1/rooms", summary="Add a room (raises its type's sellable capacity)", tag=TAG,
           scope="rooms:write", body=NewRoom, response=RoomOut, status=201, errors=(404, 409))
async def create_room(call: Call[Empty, Empty, NewRoom]) -> RoomOut:
    services = call.app[SERVICES]
    room = await rooms.create_room(services.db, call.actor, services.today(), **call.body.model_dump())
    return RoomOut.model_validate(room)


@api.route("GET", "/api/v1/rooms/{id}", summary="One room", tag=TAG, scope="rooms:read", path_params=RoomPath,
           response=RoomOut, errors=(404,))
async def get_room(call: Call[RoomPath, Empty, Any]) -> RoomOut:
    services = call.app[SERVICES]
    return RoomOut.model_validate(await rooms.get_room(services.db.pool, call.path.id, services.today()))


@api.route("POST", "/api/v1/rooms/{id}/condition", summary="Change a room's condition", tag=TAG,
           scope="housekeeping:write", path_params=RoomPath, body=ConditionChange, response=RoomOut,
           errors=(404, 409))
async def change_condition(call: Call[RoomPath, Empty, ConditionChange]) -> RoomOut:
    """Inspecting (passing or failing) a room needs ``housekeeping:manage``."""
    if call.body.action in ("inspect", "fail_inspection"):
        call.user.require("housekeeping:manage")
    services = call.app[SERVICES]
    await rooms.change_condition(services.db, call.path.id, call.body.action, call.actor)
    return RoomOut.model_validate(await rooms.get_room(services.db.pool, call.path.id, services.today()))


@api.route("POST", "/api/v1/rooms/{id}/blocks", summary="Take a room out of service or order for some nights",
           tag=TAG, scope="rooms:write", path_params=RoomPath, body=NewBlock, response=BlockOut, status=201,
           errors=(404, 409))
async def create_block(call: Call[RoomPath, Empty, NewBlock]) -> BlockOut:
    services = call.app[SERVICES]
    block = await rooms.create_block(services.db, call.path.id, call.actor, services.today(),
                                     **call.body.model_dump())
    return BlockOut.model_validate(block)


@api.route("POST", "/api/v1/rooms/{id}/blocks/{block_id}/release", summary="End a block early", tag=TAG,
           scope="rooms:write", path_params=BlockPath, response=BlockOut, errors=(404, 409))
async def release_block(call: Call[BlockPath, Empty, Any]) -> BlockOut:
    services = call.app[SERVICES]
    block = await rooms.release_block(services.db, call.path.id, call.path.block_id, call.actor, services.today())
    return BlockOut.model_validate(block)


@api.route("POST", "/api/v1/reservations/{id}/assign-room", summary="Assign a room (or let the allocator pick)",
           tag=TAG, scope="frontdesk", path_params=ReservationPath, body=AssignRoom, response=AssignmentOut,
           errors=(404, 409))
async def assign_room(call: Call[ReservationPath, Empty, AssignRoom]) -> AssignmentOut:
    services = call.app[SERVICES]
    done = await allocation.assign_room(services, call.path.id, call.actor, room_id=call.body.room_id)
    return AssignmentOut.model_validate(done)


@api.route("POST", "/api/v1/reservations/{id}/move-room", summary="Move an in-house guest to another room",
           tag=TAG, scope="frontdesk", path_params=ReservationPath, body=MoveRoom, response=MoveOut,
           errors=(404, 409))
async def move_room(call: Call[ReservationPath, Empty, MoveRoom]) -> MoveOut:
    services = call.app[SERVICES]
    moved = await allocation.move_room(services, call.path.id, call.body.room_id, call.actor)
    return MoveOut.model_validate(moved)


class ArrivalsDay(BaseModel):
    day: date | None = Field(default=None, description="arrival date; the hotel's today when omitted")


class ArrivalsAssigned(BaseModel):
    day: date
    assigned: list[AssignmentOut]
    unplaced: dict[UUID, str] = Field(description="reservation id -> why no single room could hold it")


@api.route("POST", "/api/v1/arrivals/assign-rooms", summary="Assign rooms to every unassigned arrival of a day",
           tag=TAG, scope="frontdesk", body=ArrivalsDay, response=ArrivalsAssigned)
async def assign_arrivals(call: Call[Empty, Empty, ArrivalsDay]) -> ArrivalsAssigned:
    services = call.app[SERVICES]
    day = call.body.day or services.today()
    result = await allocation.assign_arrivals(services, day, call.actor)
    return ArrivalsAssigned(day=day, assigned=[AssignmentOut.model_validate(a) for a in result.assigned],
                            unplaced=result.unplaced)
