"""Availability, quotes and reservations: thin HTTP over ``backoffice.reservations``."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from pydantic import BaseModel, Field

from agent.web.api import Call, Empty, Reply
from agent.web.keys import SERVICES
from agent.web.registry import api
from backoffice import pricing, reservations
from backoffice.reservations import (
    CancelReservation,
    CreateReservation,
    ModifyReservation,
    ReservationDetail,
    ReservationView,
)

TAG = "reservations"


class StayQuery(BaseModel):
    check_in: date
    check_out: date
    guests: int = Field(default=1, ge=1, le=50)


class QuoteQuery(StayQuery):
    room_type: str = Field(min_length=1, max_length=64)


class NightlyRate(BaseModel):
    night: date
    rate: Decimal
    base_rate: Decimal
    weekend_uplift: Decimal
    occupancy_uplift: Decimal


class QuoteResponse(BaseModel):
    room_type: str
    room_type_name: str
    check_in: date
    check_out: date
    guests: int
    nights: int
    nightly_rates: list[NightlyRate]
    subtotal: Decimal
    tax_rate: Decimal
    tax: Decimal
    total_price: Decimal
    currency: str


class RoomTypeOffer(BaseModel):
    code: str
    name: str
    description: str
    available: int
    total_rooms: int
    max_occupancy: int
    bed_type: str
    amenities: list[str]
    base_rate: Decimal
    total_price: Decimal
    tax: Decimal
    currency: str
    nightly_rates: list[NightlyRate]


class AvailabilityResponse(BaseModel):
    check_in: date
    check_out: date
    guests: int
    nights: int
    room_types: list[RoomTypeOffer]


class ReservationList(BaseModel):
    reservations: list[ReservationView]


class ReservationSearch(BaseModel):
    phone: str | None = Field(default=None, max_length=32)
    confirmation_code: str | None = Field(default=None, max_length=16)
    name: str | None = Field(default=None, max_length=200)
    status: str | None = Field(default=None, max_length=32)
    arrival: date | None = None
    room_number: str | None = Field(default=None, max_length=16)
    limit: int = Field(default=50, ge=1, le=500)


class ReservationPath(BaseModel):
    id: UUID


def _rates(quote: pricing.Quote) -> list[NightlyRate]:
    return [
        NightlyRate(night=n.night, rate=n.rate, base_rate=n.base_rate, weekend_uplift=n.weekend_uplift,
                    occupancy_uplift=n.occupancy_uplift)
        for n in quote.nights
    ]


@api.route("GET", "/api/v1/availability", summary="Room types free for a stay, with prices", tag=TAG,
           scope="reservations:read", query=StayQuery, response=AvailabilityResponse)
async def search_availability(call: Call[Empty, StayQuery, Any]) -> AvailabilityResponse:
    services = call.app[SERVICES]
    q = call.query
    found = await reservations.search_availability(services, q.check_in, q.check_out, q.guests)
    offers = [
        RoomTypeOffer(
            code=t.code, name=t.name, description=t.description, available=t.available, total_rooms=t.total_rooms,
            max_occupancy=t.max_occupancy, bed_type=t.bed_type, amenities=t.amenities, base_rate=t.base_rate,
            total_price=quote.total, tax=quote.tax, currency=t.currency, nightly_rates=_rates(quote),
        )
        for t, quote in ((offer.availability, offer.quote) for offer in found)
    ]
    return AvailabilityResponse(check_in=q.check_in, check_out=q.check_out, guests=q.guests,
                                nights=(q.check_out - q.check_in).days, room_types=offers)


@api.route("GET", "/api/v1/quote", summary="Price a stay in one room type", tag=TAG, scope="reservations:read",
           query=QuoteQuery, response=QuoteResponse)
async def quote_stay(call: Call[Empty, QuoteQuery, Any]) -> QuoteResponse:
    q = call.query
    priced = await reservations.quote(call.app[SERVICES], q.room_type, q.check_in, q.check_out, q.guests)
    return QuoteResponse(
        room_type=priced.room_type_code, room_type_name=priced.room_type_name, check_in=priced.check_in,
        check_out=priced.check_out, guests=priced.guests, nights=len(priced.nights), nightly_rates=_rates(priced),
        subtotal=priced.subtotal, tax_rate=priced.tax_rate, tax=priced.tax, total_price=priced.total,
        currency=priced.currency,
    )


@api.route("POST", "/api/v1/reservations", summary="Book (or hold) a room", tag=TAG, scope="reservations:write",
           body=CreateReservation, response=ReservationView, status=201, errors=(409,),
           headers=("Idempotency-Key",))
async def create_reservation(call: Call[Empty, Empty, CreateReservation]) -> Reply:
    """Send an ``Idempotency-Key`` header to make retries safe: the same key replays the first
    response (with ``Idempotent-Replayed: true``); the same key with a different body is a 422."""
    booking = await reservations.create_reservation(
        call.app[SERVICES], call.body, call.actor, idempotency_key=call.request.headers.get("Idempotency-Key")
    )
    headers = {"Location": f"/api/v1/reservations/{booking.reservation.id}"}
    if booking.replayed:
        headers["Idempotent-Replayed"] = "true"
    return Reply(booking.reservation, status=201, headers=headers)


@api.route("GET", "/api/v1/reservations", summary="Find reservations", tag=TAG, scope="reservations:read",
           query=ReservationSearch, response=ReservationList)
async def find_reservations(call: Call[Empty, ReservationSearch, Any]) -> ReservationList:
    """Every filter given must match; ``name`` is a case-insensitive partial match on the guest's name."""
    q = call.query
    found = await reservations.find(
        call.app[SERVICES].db.pool, phone=q.phone, confirmation_code=q.confirmation_code, name=q.name,
        status=q.status, arrival=q.arrival, room_number=q.room_number, limit=q.limit,
    )
    return ReservationList(reservations=found)


@api.route("GET", "/api/v1/reservations/{id}", summary="One reservation with room and folio balance", tag=TAG,
           scope="reservations:read", path_params=ReservationPath, response=ReservationDetail, errors=(404,))
async def get_reservation(call: Call[ReservationPath, Empty, Any]) -> ReservationDetail:
    return await reservations.get(call.app[SERVICES].db.pool, call.path.id)


@api.route("POST", "/api/v1/reservations/{id}/confirm", summary="Confirm a hold", tag=TAG,
           scope="reservations:write", path_params=ReservationPath, response=ReservationView, errors=(404, 409))
async def confirm_reservation(call: Call[ReservationPath, Empty, Any]) -> ReservationView:
    return await reservations.confirm(call.app[SERVICES], call.path.id, call.actor)


@api.route("POST", "/api/v1/reservations/{id}/cancel", summary="Cancel a reservation", tag=TAG,
           scope="reservations:write", path_params=ReservationPath, body=CancelReservation,
           response=ReservationView, errors=(404, 409))
async def cancel_reservation(call: Call[ReservationPath, Empty, CancelReservation]) -> ReservationView:
    return await reservations.cancel(call.app[SERVICES], call.path.id, call.actor, call.body.reason)


@api.route("PATCH", "/api/v1/reservations/{id}", summary="Change dates, room type or guests", tag=TAG,
           scope="reservations:write", path_params=ReservationPath, body=ModifyReservation,
           response=ReservationView, errors=(404, 409))
async def modify_reservation(call: Call[ReservationPath, Empty, ModifyReservation]) -> ReservationView:
    return await reservations.modify(call.app[SERVICES], call.path.id, call.body, call.actor)
