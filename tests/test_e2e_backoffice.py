"""Issue 2's acceptance walk, over HTTP against the real server started as the README starts it.

`concierge serve` on the embedded PostgreSQL (no DATABASE_URL) in a fresh data folder, then
`concierge db seed --demo` (twice: the second run changes nothing), then a staff day: log in, search,
book, assign a room, check in with QR + OTP, check out with payment; the room ends dirty with a
housekeeping task, and the audit log shows who did each step.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from tests.live_server import live_server

PASSWORD = "e2e-demo-password"


class Http:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.token: str | None = None

    def __call__(self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
                 ) -> tuple[int, Any]:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base_url + path, data=data, method=method,
                                         headers={"Content-Type": "application/json", **(headers or {})})
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")


def test_a_staff_day_on_a_fresh_install(tmp_path: Path) -> None:
    env = {"CONCIERGE_DEMO_PASSWORD": PASSWORD, "CONCIERGE_VOICE_PRELOAD": "false", "CONCIERGE_RESPONDER": "echo"}
    with live_server(tmp_path / "data", extra_env=env) as server:
        assert (tmp_path / "data" / "pgdata" / "PG_VERSION").exists(), "the embedded PostgreSQL was not used"
        first = server.concierge("db", "seed", "--demo")
        assert first.returncode == 0, first.stderr
        assert "admin@demo.hotel" in first.stdout
        second = server.concierge("db", "seed", "--demo")
        assert second.returncode == 0, second.stderr

        http = Http(server.base_url)
        status, admin = http("POST", "/api/v1/auth/login", {"email": "admin@demo.hotel", "password": PASSWORD})
        assert status == 200, admin
        http.token = admin["token"]
        status, rooms = http("GET", "/api/v1/rooms")
        assert status == 200 and len(rooms["rooms"] if isinstance(rooms, dict) else rooms) == 60

        status, login = http("POST", "/api/v1/auth/login",
                             {"email": "frontdesk@demo.hotel", "password": PASSWORD})
        assert status == 200
        http.token = login["token"]

        today = datetime.now(ZoneInfo("Asia/Dhaka")).date()
        tomorrow = today + timedelta(days=2)
        status, offers = http("GET", f"/api/v1/availability?check_in={today}&check_out={tomorrow}&guests=2")
        assert status == 200, offers
        offer = next(o for o in offers["room_types"] if o["available"] > 0)

        booking = {"room_type": offer["code"], "check_in": str(today), "check_out": str(tomorrow), "guests": 2,
                   "guest": {"name": "Rahim Uddin", "phone": "+8801711000111", "email": "rahim@example.com"}}
        status, created = http("POST", "/api/v1/reservations", booking, {"Idempotency-Key": "e2e-booking-1"})
        assert status == 201, created
        assert created["status"] == "confirmed" and len(created["confirmation_code"]) == 6
        assert Decimal(str(created["total_price"])) == Decimal(str(offer["total_price"]))
        status, replay = http("POST", "/api/v1/reservations", booking, {"Idempotency-Key": "e2e-booking-1"})
        assert status == 201 and replay["id"] == created["id"]
        reservation = created["id"]

        status, assigned = http("POST", f"/api/v1/reservations/{reservation}/assign-room", {})
        assert status == 200, assigned
        room_id = assigned["room_id"]

        status, qr = http("GET", f"/api/v1/reservations/{reservation}/checkin-qr")
        assert status == 200 and qr["qr_png"].startswith("data:image/png;base64,")
        status, scan = http("POST", "/api/v1/checkin/scan", {"token": qr["token"]})
        assert status == 200 and scan["delivery"] == "desk", scan
        status, checked_in = http("POST", "/api/v1/checkin/verify", {"token": qr["token"], "otp": scan["otp"]})
        assert status == 200, checked_in
        assert checked_in["room_number"] == assigned["room_number"]

        status, again = http("POST", f"/api/v1/reservations/{reservation}/cancel", {"reason": "too late"})
        assert status == 409 and again["status"] == 409

        status, checked_out = http(
            "POST", f"/api/v1/reservations/{reservation}/check-out",
            {"payment": {"amount": str(created["total_price"]), "provider": "cash"}},
        )
        assert status == 200, checked_out
        assert Decimal(str(checked_out["balance"])) == 0
        assert checked_out["housekeeping_task_id"]

        status, room = http("GET", f"/api/v1/rooms/{room_id}")
        assert status == 200 and room["condition"] == "dirty", room
        status, tasks = http("GET", f"/api/v1/housekeeping/tasks?room={assigned['room_number']}")
        assert status == 200
        listed = tasks["tasks"] if isinstance(tasks, dict) else tasks
        assert any(t["task_type"] == "checkout_clean" and t["status"] in ("open", "assigned") for t in listed), tasks

        status, detail = http("GET", f"/api/v1/reservations/{reservation}")
        assert status == 200 and detail["status"] == "checked_out" and Decimal(str(detail["folio_balance"])) == 0

        status, manager = http("POST", "/api/v1/auth/login", {"email": "manager@demo.hotel", "password": PASSWORD})
        http.token = manager["token"]
        status, trail = http("GET", f"/api/v1/audit?entity_id={reservation}")
        assert status == 200
        entries = trail["entries"] if isinstance(trail, dict) else trail
        actions = {e["action"] for e in entries}
        assert {"reservation.check_in", "reservation.check_out", "reservation.cancel"} <= actions, actions
        assert any(e["outcome"] == "refused" for e in entries)
