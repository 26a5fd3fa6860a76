"""Local simulators of external services we do not run (test and demo infrastructure, not the product).

``PaymentSimulators`` bundles bKash, Nagad and SSLCommerz as one aiohttp application with a
sub-application per provider (``/bkash``, ``/nagad``, ``/sslcommerz``). ``concierge sim payments``
serves it alone; ``concierge serve`` mounts it under ``/sim`` in demo mode.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web

from simulators.bkash import BkashSimulator
from simulators.common import Faults, Simulator
from simulators.nagad import NagadSimulator
from simulators.sslcommerz import SslcommerzSimulator

__all__ = ["BkashSimulator", "Faults", "NagadSimulator", "PaymentSimulators", "Simulator", "SslcommerzSimulator"]


@dataclass
class PaymentSimulators:
    bkash: BkashSimulator
    nagad: NagadSimulator
    sslcommerz: SslcommerzSimulator

    @classmethod
    def create(cls, public_base: str, *, demo: bool = False) -> PaymentSimulators:
        """``public_base``: where browsers and the merchant reach the simulators (no provider suffix)."""
        return cls(BkashSimulator(public_base, demo=demo), NagadSimulator(public_base, demo=demo),
                   SslcommerzSimulator(public_base, demo=demo))

    @property
    def all(self) -> tuple[Simulator, ...]:
        return (self.bkash, self.nagad, self.sslcommerz)

    def application(self) -> web.Application:
        app = web.Application()
        for sim in self.all:
            app.add_subapp(f"/{sim.provider}/", sim.application())

        async def index(request: web.Request) -> web.Response:
            return web.json_response({sim.provider: sim.base for sim in self.all})

        app.router.add_get("/", index)
        return app

    async def idle(self) -> None:
        for sim in self.all:
            await sim.idle()
