"""Room-allocation benchmark: how well and how fast the allocator fills a 300-room hotel.

    python -m benchmarks.allocation [--database-url postgresql://...] [--reservations 3000]

On a fresh database (on the given server, else the embedded PostgreSQL) it builds 5 room types x
60 rooms and sells ~3000 random stays (1-7 nights, some with preferences) over 60 days, then
assigns every one, in a shuffled order, twice:
  * ``scored``: ``allocation.assign_room`` (preferences, readiness and the gap score),
  * ``first_free``: the naive baseline, the lowest-numbered room free for the whole stay.
It reports per-assignment latency (p50/p95), stays no single room could hold, preference hits, and
one-night holes left in the calendar (a free night between two taken ones: nearly unsellable).
Writes benchmarks/results/allocation.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import secrets
import statistics
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit
from uuid import UUID
from zoneinfo import ZoneInfo

import asyncpg

from backoffice import allocation, inventory
from backoffice.audit import Actor
from backoffice.db import Database, create_pool, migrate, start_embedded_postgres
from backoffice.errors import BackofficeError
from backoffice.policy import HotelPolicy
from backoffice.services import Services

ROOT = Path(__file__).resolve().parents[2]
ACTOR = Actor.system("benchmark")


@dataclass
class Outcome:
    strategy: str
    reservations: int
    unplaced: int
    p50_ms: float
    p95_ms: float
    one_night_holes: int
    preference_hits: int
    preference_requests: int


def _database(server: str, name: str) -> str:
    return urlunsplit(urlsplit(server)._replace(path=f"/{name}"))


async def _fresh(server: str, name: str) -> Database:
    admin = await asyncpg.connect(server)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    pool = await create_pool(_database(server, name), max_size=4)
    await migrate(pool)
    return Database(pool)


async def _fill(services: Services, wanted: int, seed: int) -> list[UUID]:
    """The same hotel and the same bookings for every strategy (same seed)."""
    db, rng, today = services.db, random.Random(seed), services.today()
    types = []
    for t in range(5):
        type_id = await db.pool.fetchval(
            "INSERT INTO room_types (code, name, max_occupancy, base_rate, currency)"
            " VALUES ($1, $1, 2, 100, 'BDT') RETURNING id", f"T{t}")
        types.append(type_id)
        for n in range(60):
            await db.pool.execute(
                "INSERT INTO rooms (room_number, room_type_id, floor, quiet, accessible, bed_type)"
                " VALUES ($1, $2, $3, $4, $5, $6)",
                f"{t}{n:03d}", type_id, 1 + n // 10, n % 3 == 0, n % 20 == 0, rng.choice(["queen", "king", "twin"]))
    sold: list[UUID] = []
    for _ in range(wanted * 2):
        if len(sold) == wanted:
            break
        type_id = rng.choice(types)
        start = today + timedelta(days=rng.randrange(0, 60))
        end = start + timedelta(days=rng.choice([1, 1, 2, 2, 3, 4, 7]))
        preferences = rng.choice([{}, {}, {"quiet": True}, {"floor": rng.randrange(1, 7)}, {"bed_type": "king"}])
        try:
            async with db.transaction() as conn:
                await inventory.take(conn, type_id, start, end)
                guest = await conn.fetchval("INSERT INTO guests (name) VALUES ('Guest') RETURNING id")
                sold.append(await conn.fetchval(
                    """INSERT INTO reservations (confirmation_code, guest_id, room_type_id, status, check_in,
                                                 check_out, guests, amount, currency, preferences)
                       VALUES ($1, $2, $3, 'confirmed', $4, $5, 1, 100, 'BDT', $6) RETURNING id""",
                    secrets.token_hex(5).upper(), guest, type_id, start, end, preferences))
        except BackofficeError:
            continue  # sold out that night: draw another stay
    rng.shuffle(sold)
    return sold


async def _first_free(services: Services, reservation_id: UUID) -> None:
    row = await services.db.pool.fetchrow(
        "SELECT room_type_id, check_in, check_out FROM reservations WHERE id = $1", reservation_id)
    async with services.db.connection() as conn:
        free = await allocation.free_rooms(conn, row["room_type_id"], row["check_in"], row["check_out"])
    if not free:
        raise BackofficeError("no room free for the whole stay")
    await allocation.assign_room(services, reservation_id, ACTOR, room_id=free[0].room_id)


async def _run(server: str, strategy: str, wanted: int, seed: int) -> Outcome:
    db = await _fresh(server, f"concierge_bench_allocation_{strategy}")
    clock = datetime(2026, 12, 1, 4, tzinfo=UTC)
    services = Services(db=db, policy=HotelPolicy(ZoneInfo("Asia/Dhaka")), secret=b"bench", clock=lambda: clock)
    try:
        stays = await _fill(services, wanted, seed)
        timings: list[float] = []
        unplaced = 0
        for reservation_id in stays:
            started = time.perf_counter()
            try:
                if strategy == "scored":
                    await allocation.assign_room(services, reservation_id, ACTOR)
                else:
                    await _first_free(services, reservation_id)
            except BackofficeError:
                unplaced += 1
            timings.append((time.perf_counter() - started) * 1000)
        holes = await db.pool.fetchval(
            """SELECT count(*) FROM room_nights a
               JOIN room_nights c ON c.room_id = a.room_id AND c.night = a.night + 2
               WHERE NOT EXISTS (SELECT 1 FROM room_nights b WHERE b.room_id = a.room_id AND b.night = a.night + 1)""")
        hits = await db.pool.fetchrow(
            """SELECT count(*) FILTER (WHERE res.preferences <> '{}'::jsonb) AS asked,
                      count(*) FILTER (WHERE (res.preferences->>'quiet')::boolean AND rm.quiet
                                        OR (res.preferences->>'floor')::int = rm.floor
                                        OR res.preferences->>'bed_type' = rm.bed_type) AS hit
               FROM reservations res JOIN rooms rm ON rm.id = res.room_id""")
        timings.sort()
        return Outcome(strategy, len(stays), unplaced, round(statistics.median(timings), 2),
                       round(timings[int(0.95 * len(timings))], 2), holes, hits["hit"], hits["asked"])
    finally:
        await db.close()


async def main(server: str, wanted: int, seed: int) -> list[Outcome]:
    return [await _run(server, strategy, wanted, seed) for strategy in ("scored", "first_free")]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="a PostgreSQL server (default: the embedded one)")
    parser.add_argument("--reservations", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    server = args.database_url or start_embedded_postgres(ROOT / "var" / "bench")
    outcomes = asyncio.run(main(server, args.reservations, args.seed))
    print(f"{'strategy':<11} {'stays':>6} {'unplaced':>8} {'p50 ms':>7} {'p95 ms':>7} {'1-night holes':>13}"
          f" {'pref hits':>10}")
    for o in outcomes:
        print(f"{o.strategy:<11} {o.reservations:>6} {o.unplaced:>8} {o.p50_ms:>7} {o.p95_ms:>7}"
              f" {o.one_night_holes:>13} {o.preference_hits:>4}/{o.preference_requests}")
    out = ROOT / "benchmarks" / "results" / "allocation.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps([asdict(o) for o in outcomes], indent=2) + "\n")
