"""Back-office benchmark: a 300-room hotel with 10,000 reservations over a year, over real HTTP.

    ./concierge bench backoffice            # or: python -m benchmarks.backoffice [--quick]

It creates a fresh database (on DATABASE_URL's server, else the embedded PostgreSQL), fills it,
starts the real server (`concierge serve`) as a subprocess on a free port, and measures from a
client in this process:
  * GET /healthz round trip (the reference: what any request costs on this machine),
  * availability search p50/p95, quote p50/p95,
  * booking throughput with 1, 8 and 32 concurrent clients,
then counts double bookings straight from the tables (must be 0). Prints a table and writes
benchmarks/results/backoffice.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import aiohttp
import asyncpg

from backoffice.auth import create_user
from backoffice.db import create_pool, migrate, start_embedded_postgres

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results" / "backoffice.json"
DB_NAME = "concierge_bench"
ROOM_TYPES = [  # code, name, rooms, rate, max occupancy
    ("STD", "Standard Queen", 120, "6500.00", 2),
    ("DLX", "Deluxe King", 100, "9000.00", 2),
    ("FAM", "Family Twin", 50, "12000.00", 4),
    ("STE", "Suite", 30, "20000.00", 3),
]
START = date(2027, 1, 4)  # a Monday, in the future whatever today is when this runs
PASSWORD = "bench-password"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@dataclass
class Latency:
    name: str
    n: int
    p50_ms: float
    p95_ms: float
    mean_ms: float

    @classmethod
    def of(cls, name: str, seconds: list[float]) -> Latency:
        ms = [s * 1000 for s in seconds]
        return cls(name, len(ms), percentile(ms, 0.50), percentile(ms, 0.95), statistics.fmean(ms))


@dataclass
class Throughput:
    clients: int
    requests: int
    booked: int
    sold_out: int
    errors: int
    seconds: float

    @property
    def bookings_per_s(self) -> float:
        return self.booked / self.seconds


async def prepare_database(server_dsn: str, reservations: int) -> str:
    admin = await asyncpg.connect(server_dsn)
    await admin.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
    await admin.execute(f'CREATE DATABASE "{DB_NAME}"')
    await admin.close()
    dsn = urlunsplit(urlsplit(server_dsn)._replace(path=f"/{DB_NAME}"))
    pool = await create_pool(dsn, max_size=4)
    await migrate(pool)
    await create_user(pool, "bench@demo.hotel", "Bench", "admin", PASSWORD)
    rng = random.Random(7)
    async with pool.acquire() as conn:
        room_number = 0
        types: list[tuple[object, int, int]] = []
        for code, name, count, rate, occupancy in ROOM_TYPES:
            type_id = await conn.fetchval(
                """INSERT INTO room_types (code, name, max_occupancy, base_rate, currency)
                   VALUES ($1, $2, $3, $4, 'BDT') RETURNING id""",
                code, name, occupancy, Decimal(rate),
            )
            rows = []
            for _ in range(count):
                room_number += 1
                floor = 1 + (room_number - 1) // 30
                rows.append((f"{floor}{room_number:03d}", type_id, floor))
            await conn.copy_records_to_table("rooms", records=rows, columns=["room_number", "room_type_id", "floor"])
            types.append((type_id, count, occupancy))
        # A year of history and future: fill nights without ever exceeding a type's rooms.
        sold: dict[tuple[object, date], int] = {}
        guests, bookings = [], []
        for i in range(reservations):
            type_id, capacity, occupancy = rng.choice(types)
            for _ in range(20):
                arrival = START + timedelta(days=rng.randrange(365))
                nights = rng.choice((1, 1, 2, 2, 3, 3, 4, 5, 7))
                stay = [arrival + timedelta(days=d) for d in range(nights)]
                if all(sold.get((type_id, n), 0) < capacity for n in stay):
                    break
            else:
                continue
            for n in stay:
                sold[type_id, n] = sold.get((type_id, n), 0) + 1
            guest_id = uuid.uuid4()
            guests.append((guest_id, f"Guest {i}", f"+8801{rng.randrange(10**8, 10**9)}"))
            amount = Decimal(ROOM_TYPES[[t[0] for t in types].index(type_id)][3]) * nights
            bookings.append((f"B{i:05d}", guest_id, type_id, "confirmed", arrival, arrival + timedelta(days=nights),
                             rng.randint(1, occupancy), amount, "BDT"))
        await conn.copy_records_to_table("guests", records=guests, columns=["id", "name", "phone"])
        await conn.copy_records_to_table(
            "reservations", records=bookings,
            columns=["confirmation_code", "guest_id", "room_type_id", "status", "check_in", "check_out",
                     "guests", "amount", "currency"],
        )
        inventory = [(t, n, cap, sold.get((t, n), 0))
                     for t, cap, _ in types for n in (START + timedelta(days=d) for d in range(400))]
        await conn.copy_records_to_table(
            "room_type_nights", records=inventory, columns=["room_type_id", "night", "capacity", "sold"]
        )
        await conn.execute("ANALYZE")
    await pool.close()
    log(f"  database {DB_NAME}: {room_number} rooms, {len(bookings)} reservations over a year")
    return dsn


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def spawn_server(dsn: str, port: int, data_dir: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, DATABASE_URL=dsn, CONCIERGE_PORT=str(port), CONCIERGE_HOST="127.0.0.1",
               CONCIERGE_DATA_DIR=str(data_dir), CONCIERGE_LOG_LEVEL="WARNING", CONCIERGE_VOICE_PRELOAD="false",
               CONCIERGE_RESPONDER="echo")  # the back office only: no model to load
    return subprocess.Popen([sys.executable, "-m", "agent.cli", "serve"], env=env, cwd=ROOT)


async def wait_healthy(proc: subprocess.Popen[bytes], port: int) -> subprocess.Popen[bytes]:
    async with aiohttp.ClientSession() as http:
        for _ in range(600):
            try:
                async with http.get(f"http://127.0.0.1:{port}/healthz") as r:
                    if r.status == 200:
                        return proc
            except aiohttp.ClientError:
                pass
            if proc.poll() is not None:
                raise RuntimeError("server exited during start-up")
            await asyncio.sleep(0.1)
    proc.terminate()
    raise RuntimeError("server did not become healthy in 60 s")


async def timed_gets(http: aiohttp.ClientSession, urls: list[str]) -> list[float]:
    samples = []
    for url in urls:
        started = time.perf_counter()
        async with http.get(url) as response:
            await response.read()
            if response.status != 200:
                raise RuntimeError(f"{url} -> {response.status}: {await response.text()}")
        samples.append(time.perf_counter() - started)
    return samples


def random_stay(rng: random.Random) -> tuple[date, date]:
    arrival = START + timedelta(days=rng.randrange(360))
    return arrival, arrival + timedelta(days=rng.choice((1, 2, 3, 4, 5, 7)))


async def book_loop(http: aiohttp.ClientSession, base: str, rng: random.Random, count: int,
                    result: Throughput) -> None:
    for _ in range(count):
        check_in, check_out = random_stay(rng)
        code = rng.choice(ROOM_TYPES)[0]
        body = {"room_type": code, "check_in": check_in.isoformat(), "check_out": check_out.isoformat(),
                "guests": 1, "guest": {"name": "Load Test", "phone": f"+8801{rng.randrange(10**8, 10**9)}",
                                       "email": "load@test.hotel"}}
        async with http.post(f"{base}/api/v1/reservations", json=body) as response:
            await response.read()
            result.requests += 1
            if response.status == 201:
                result.booked += 1
            elif response.status == 409:
                result.sold_out += 1
            else:
                result.errors += 1


async def throughput(base: str, token: str, clients: int, per_client: int) -> Throughput:
    result = Throughput(clients, 0, 0, 0, 0, 0.0)
    headers = {"Authorization": f"Bearer {token}"}
    connector = aiohttp.TCPConnector(limit=clients)
    async with aiohttp.ClientSession(headers=headers, connector=connector) as http:
        started = time.perf_counter()
        await asyncio.gather(*(book_loop(http, base, random.Random(1000 * clients + i), per_client, result)
                               for i in range(clients)))
        result.seconds = time.perf_counter() - started
    return result


async def count_double_bookings(dsn: str) -> dict[str, int]:
    conn = await asyncpg.connect(dsn)
    try:
        oversold = await conn.fetchval(
            """WITH nights AS (
                   SELECT r.room_type_id, n::date AS night, count(*) AS booked
                   FROM reservations r, generate_series(r.check_in, r.check_out - 1, interval '1 day') n
                   WHERE r.status IN ('hold', 'confirmed', 'checked_in')
                   GROUP BY 1, 2)
               SELECT count(*) FROM nights
               JOIN (SELECT room_type_id, count(*) AS rooms FROM rooms GROUP BY 1) t USING (room_type_id)
               WHERE nights.booked > t.rooms""")
        drift = await conn.fetchval(
            """WITH nights AS (
                   SELECT r.room_type_id, n::date AS night, count(*) AS booked
                   FROM reservations r, generate_series(r.check_in, r.check_out - 1, interval '1 day') n
                   WHERE r.status IN ('hold', 'confirmed', 'checked_in')
                   GROUP BY 1, 2)
               SELECT count(*) FROM room_type_nights i
               LEFT JOIN nights USING (room_type_id, night)
               WHERE i.sold <> coalesce(nights.booked, 0)""")
        rooms_twice = await conn.fetchval(
            "SELECT count(*) FROM (SELECT room_id, night FROM room_nights GROUP BY 1, 2 HAVING count(*) > 1) d")
        return {"type_nights_oversold": oversold, "inventory_rows_disagreeing": drift,
                "rooms_assigned_twice": rooms_twice}
    finally:
        await conn.close()


async def run(quick: bool) -> dict[str, object]:
    server_dsn = os.environ.get("DATABASE_URL") or start_embedded_postgres(ROOT / "var" / "bench")
    log("==> preparing a 300-room hotel with 10,000 reservations")
    dsn = await prepare_database(server_dsn, 2000 if quick else 10_000)
    port = free_port()
    log(f"==> starting concierge serve on 127.0.0.1:{port}")
    proc = await wait_healthy(spawn_server(dsn, port, ROOT / "var" / "bench-data"), port)
    base = f"http://127.0.0.1:{port}"
    try:
        async with aiohttp.ClientSession() as http, http.post(f"{base}/api/v1/auth/login",
                             json={"email": "bench@demo.hotel", "password": PASSWORD}) as r:
            token = (await r.json())["token"]
        samples = 200 if quick else 1000
        rng = random.Random(11)
        async with aiohttp.ClientSession(headers={"Authorization": f"Bearer {token}"}) as http:
            log(f"==> latency: {samples} requests each (one client)")
            await timed_gets(http, [f"{base}/healthz"] * 50)  # warm-up
            health = Latency.of("GET /healthz (reference)", await timed_gets(http, [f"{base}/healthz"] * samples))
            stays = [random_stay(rng) for _ in range(samples)]
            availability = Latency.of("availability search", await timed_gets(http, [
                f"{base}/api/v1/availability?check_in={a}&check_out={b}&guests=2" for a, b in stays]))
            quote = Latency.of("quote", await timed_gets(http, [
                f"{base}/api/v1/quote?room_type={rng.choice(ROOM_TYPES)[0]}&check_in={a}&check_out={b}&guests=1"
                for a, b in stays]))
        runs = []
        for clients in (1, 8, 32):
            per_client = max(10, (300 if quick else 1500) // clients)
            log(f"==> booking throughput: {clients} concurrent clients x {per_client} bookings")
            runs.append(await throughput(base, token, clients, per_client))
        doubles = await count_double_bookings(dsn)
    finally:
        proc.terminate()
        proc.wait(10)
    return {"latency": [health, availability, quote], "throughput": runs, "double_bookings": doubles}


def report(results: dict[str, object], quick: bool) -> str:
    latency: list[Latency] = results["latency"]  # type: ignore[assignment]
    runs: list[Throughput] = results["throughput"]  # type: ignore[assignment]
    reference = latency[0].p50_ms
    lines = ["| operation | n | p50 ms | p95 ms | p50 / healthz p50 |", "|---|---|---|---|---|"]
    for item in latency:
        lines.append(f"| {item.name} | {item.n} | {item.p50_ms:.2f} | {item.p95_ms:.2f} | "
                     f"{item.p50_ms / reference:.1f}x |")
    lines += ["", "| concurrent clients | requests | booked | sold out (409) | errors | bookings/s |",
              "|---|---|---|---|---|---|"]
    for run in runs:
        lines.append(f"| {run.clients} | {run.requests} | {run.booked} | {run.sold_out} | {run.errors} | "
                     f"{run.bookings_per_s:.0f} |")
    doubles = results["double_bookings"]
    lines += ["", f"Double bookings found afterwards: {sum(doubles.values())} ({doubles})"]  # type: ignore[attr-defined]
    if quick:
        lines.append("(--quick run: 2,000 reservations and fewer samples)")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.backoffice", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller hotel history and fewer samples")
    args = parser.parse_args()
    results = asyncio.run(run(args.quick))
    print(report(results, args.quick))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    serialisable = {
        "latency": [asdict(x) for x in results["latency"]],  # type: ignore[attr-defined]
        "throughput": [dict(asdict(x), bookings_per_s=x.bookings_per_s) for x in results["throughput"]],  # type: ignore[attr-defined]
        "double_bookings": results["double_bookings"],
        "quick": args.quick,
        "machine": {"cpus": os.cpu_count()},
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    RESULTS.write_text(json.dumps(serialisable, indent=2, default=str))
    log(f"==> wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
