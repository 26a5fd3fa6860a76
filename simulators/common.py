"""What the three payment simulators share: fault knobs, callback delivery, the payment page, control routes.

A simulator is a real aiohttp application speaking one provider's protocol. Its ``Faults`` make it
misbehave the way merchants report the real ones do: duplicate, late, out-of-order or lost
callbacks, slow APIs (timeouts), broken signatures, and amounts or currencies that do not match.
Knobs are set from Python (``sim.faults.duplicate_callbacks = 3``) or over HTTP
(``POST /{provider}/_sim/faults`` with a JSON object), so tests of a server in another process can
use them too.
"""

from __future__ import annotations

import asyncio
import html
import logging
import secrets
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from aiohttp import ClientSession, ClientTimeout, web

log = logging.getLogger("simulators")


@dataclass
class Faults:
    duplicate_callbacks: int = 0  # send every callback / IPN this many extra times
    callback_delay_s: float = 0.0  # deliver server-to-server callbacks this late
    hold_callbacks: bool = False  # queue callbacks until release_callbacks() (a deterministic "late")
    out_of_order: bool = False  # deliver a payment's callbacks in reverse order, all at once
    drop_callbacks: bool = False  # lose every callback (the tab closed, the IPN never came)
    api_delay_s: float = 0.0  # execute / verify / validation / status answer this late (timeouts)
    tamper_signature: bool = False  # sign with the wrong key / wrong verify_sign
    report_amount: str | None = None  # the provider's APIs report this amount instead
    report_currency: str | None = None  # ... and this currency

    def update(self, values: Mapping[str, Any]) -> None:
        known = {f.name for f in fields(self)}
        for name, value in values.items():
            if name not in known:
                raise web.HTTPBadRequest(text=f"unknown fault {name!r}; known: {sorted(known)}")
            setattr(self, name, value)


@dataclass(frozen=True)
class Delivery:
    """One server-to-server callback: a GET with query parameters, or a POST (form or JSON)."""

    method: str
    url: str
    params: Mapping[str, str] = field(default_factory=dict)
    form: Mapping[str, str] | None = None
    json_body: Any = None


class Simulator:
    """The shared half of a provider simulator; subclasses add the provider's routes."""

    provider: str = ""
    title: str = ""

    def __init__(self, public_base: str, *, demo: bool = False) -> None:
        self.public_base = public_base.rstrip("/")  # where browsers and merchants reach this simulator
        self.demo = demo
        self.faults = Faults()
        self.sessions: dict[str, dict[str, Any]] = {}
        self.calls: list[str] = []  # API endpoints called, in order (tests wait on these)
        self.delivered: list[tuple[Delivery, int | str]] = []
        self.held: list[Delivery] = []  # callbacks kept back by hold_callbacks
        self._tasks: set[asyncio.Task[None]] = set()
        self._http: ClientSession | None = None

    @property
    def base(self) -> str:
        return f"{self.public_base}/{self.provider}"

    def routes(self, app: web.Application) -> None:
        raise NotImplementedError

    def application(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/_sim/faults", self._set_faults)
        app.router.add_get("/_sim/state", self._state)
        app.router.add_post("/_sim/release", self._release)
        self.routes(app)

        async def lifetime(app: web.Application) -> Any:
            yield
            await self.close()

        app.cleanup_ctx.append(lifetime)
        return app

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._http is not None:
            await self._http.close()

    # --- behaviour helpers --------------------------------------------------------------------

    def called(self, endpoint: str) -> None:
        self.calls.append(endpoint)

    async def api_pause(self) -> None:
        if self.faults.api_delay_s:
            await asyncio.sleep(self.faults.api_delay_s)

    def new_id(self, prefix: str, length: int = 10) -> str:
        return prefix + secrets.token_hex(length)[:length].upper()

    def reported_amount(self, amount: str) -> str:
        return self.faults.report_amount or amount

    def reported_currency(self, currency: str) -> str:
        return self.faults.report_currency or currency

    def deliver(self, deliveries: list[Delivery]) -> None:
        """Send a payment's callbacks in the background, as the faults say."""
        if self.faults.drop_callbacks:
            return
        batch = list(reversed(deliveries)) if self.faults.out_of_order else list(deliveries)
        batch = [d for d in batch for _ in range(1 + max(0, int(self.faults.duplicate_callbacks)))]
        if self.faults.hold_callbacks:
            self.held.extend(batch)
            return
        self._spawn(self._send_all(batch, self.faults.callback_delay_s, together=self.faults.out_of_order))

    async def release_callbacks(self) -> None:
        held, self.held = self.held, []
        await self._send_all(held, 0.0, together=False)

    async def idle(self) -> None:
        """Wait until every callback in flight has been delivered (tests)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    def _spawn(self, work: Awaitable[None]) -> None:
        task: asyncio.Task[None] = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _send_all(self, batch: list[Delivery], delay_s: float, *, together: bool) -> None:
        if delay_s:
            await asyncio.sleep(delay_s)
        if together:
            await asyncio.gather(*(self._send(d) for d in batch))
        else:
            for delivery in batch:
                await self._send(delivery)

    async def _send(self, delivery: Delivery) -> None:
        if self._http is None:
            self._http = ClientSession(timeout=ClientTimeout(total=60))
        try:
            async with self._http.request(delivery.method, delivery.url, params=delivery.params or None,
                                          data=delivery.form, json=delivery.json_body) as reply:
                await reply.read()
                outcome: int | str = reply.status
        except Exception as failed:  # a merchant that is down just misses the callback, as in life
            outcome = f"{type(failed).__name__}: {failed}"
        self.delivered.append((delivery, outcome))
        log.info("%s callback %s %s -> %s", self.provider, delivery.method, delivery.url, outcome)

    # --- the payment page ---------------------------------------------------------------------

    def page(self, session_id: str, amount: str, currency: str, merchant: str, *,
             done: str | None = None) -> web.Response:
        banner = ("<p class=demo><strong>DEMO MODE</strong>: this is Concierge's built-in simulator of "
                  f"{html.escape(self.title)}. No real money moves.</p>" if self.demo else
                  f"<p class=demo>{html.escape(self.title)} simulator (test double, no real money).</p>")
        if done:
            body = f"<p>This payment is {html.escape(done)}.</p>"
        else:
            body = (f'<form method="post" action="{self.base}/pay/{html.escape(session_id)}">'
                    '<button type="submit" name="pay" value="1">Pay</button> '
                    '<button type="submit" name="cancel" value="1">Cancel</button></form>')
        text = f"""<!doctype html><html><head><meta charset=utf-8><title>{html.escape(self.title)} payment</title>
<style>body{{font-family:sans-serif;max-width:28em;margin:3em auto}}.demo{{background:#fff3cd;padding:.6em}}
button{{font-size:1.2em;padding:.4em 1.4em}}</style></head><body>
<h1>{html.escape(self.title)}</h1>{banner}
<p>Pay <strong id=amount>{html.escape(amount)} {html.escape(currency)}</strong> to {html.escape(merchant)}</p>
{body}</body></html>"""
        return web.Response(text=text, content_type="text/html")

    # --- control routes -----------------------------------------------------------------------

    def _control_allowed(self, request: web.Request) -> None:
        """Mounted in a demo server, the knobs answer only the machine itself."""
        if self.demo and request.remote not in ("127.0.0.1", "::1"):
            raise web.HTTPForbidden(text="simulator controls answer loopback clients only")

    async def _set_faults(self, request: web.Request) -> web.Response:
        self._control_allowed(request)
        self.faults.update(await request.json())
        return web.json_response(asdict(self.faults))

    async def _state(self, request: web.Request) -> web.Response:
        self._control_allowed(request)
        return web.json_response({"faults": asdict(self.faults), "calls": self.calls,
                                  "sessions": self.sessions, "delivered": len(self.delivered)}, dumps=_dumps)

    async def _release(self, request: web.Request) -> web.Response:
        self._control_allowed(request)
        await self.release_callbacks()
        return web.json_response({"released": True})


def _dumps(value: Any) -> str:
    import json

    return json.dumps(value, default=str)


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def post_form_page(url: str, values: Mapping[str, str], note: str) -> web.Response:
    """An auto-submitting form: how SSLCommerz sends the browser back to the merchant with a POST."""
    inputs = "".join(f'<input type=hidden name="{html.escape(k)}" value="{html.escape(v)}">' for k, v in values.items())
    text = (f"<!doctype html><html><body><p>{html.escape(note)}</p>"
            f'<form id=back method="post" action="{html.escape(url)}">{inputs}'
            '<button type=submit>Return to the merchant</button></form>'
            "<script>document.getElementById('back').submit()</script></body></html>")
    return web.Response(text=text, content_type="text/html")
