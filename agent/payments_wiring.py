"""Payment gateways for the server: real providers from settings, or the built-in simulators (demo mode).

A provider with credentials gets its real client (sandbox or live base URL from settings). One
without, while ``payments_demo`` is on, is served by the simulator mounted under ``/sim/{provider}/``
in this same server, and payment links point there; the simulator's page says it is a demo.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

from aiohttp import ClientSession, web

from agent.http_client import AiohttpClient
from agent.settings import Settings
from agent.web.keys import SERVICES
from backoffice.payment_config import PaymentSettings
from backoffice.payment_providers.base import PROVIDERS, Gateway, HttpClient
from backoffice.payment_providers.bkash import BkashConfig, BkashGateway
from backoffice.payment_providers.nagad import NagadConfig, NagadGateway
from backoffice.payment_providers.sslcommerz import SslcommerzConfig, SslcommerzGateway
from simulators import PaymentSimulators

log = logging.getLogger("concierge.payments")
SIMULATORS = web.AppKey("payment_simulators", PaymentSimulators)


def _pem(value: str) -> str:
    """PEM text as given, or read from the path given."""
    return value if "-----BEGIN" in value else Path(value).expanduser().read_text()


def real_gateways(settings: Settings, http: HttpClient) -> dict[str, Gateway]:
    configured = settings.payment_credentials()
    gateways: dict[str, Gateway] = {}
    if configured["bkash"]:
        assert settings.bkash_password and settings.bkash_app_secret
        gateways["bkash"] = BkashGateway(BkashConfig(
            settings.bkash_base_url, settings.bkash_username, settings.bkash_password.get_secret_value(),
            settings.bkash_app_key, settings.bkash_app_secret.get_secret_value(),
            tuple(p.strip() for p in settings.bkash_sns_cert_prefixes.split(",") if p.strip())), http)
    if configured["nagad"]:
        assert settings.nagad_merchant_private_key
        gateways["nagad"] = NagadGateway(NagadConfig(
            settings.nagad_base_url, settings.nagad_merchant_id, settings.nagad_merchant_number,
            _pem(settings.nagad_merchant_private_key.get_secret_value()), _pem(settings.nagad_public_key)), http)
    if configured["sslcommerz"]:
        assert settings.sslcommerz_store_passwd
        gateways["sslcommerz"] = SslcommerzGateway(SslcommerzConfig(
            settings.sslcommerz_base_url, settings.sslcommerz_store_id,
            settings.sslcommerz_store_passwd.get_secret_value()), http)
    return gateways


def simulator_gateways(sims: PaymentSimulators, http: HttpClient, api_base: str | None = None) -> dict[str, Gateway]:
    """Gateways that talk to ``sims``; ``api_base`` is how the server reaches them when that differs
    from the browsers' address (defaults to the simulators' public base)."""
    base = (api_base or sims.bkash.public_base).rstrip("/")
    bkash, nagad, ssl = sims.bkash, sims.nagad, sims.sslcommerz
    username, password, app_key, app_secret = bkash.credentials
    return {
        "bkash": BkashGateway(BkashConfig(f"{base}/bkash/v1.2.0-beta/tokenized/checkout", username, password, app_key,
                                          app_secret, (f"{bkash.base}/sns/",)), http),
        "nagad": NagadGateway(NagadConfig(f"{base}/nagad/remote-payment-gateway-1.0", nagad.merchant_id,
                                          "01700000000", nagad.merchant_private_key_pem,
                                          nagad.nagad_public_key_pem), http),
        "sslcommerz": SslcommerzGateway(SslcommerzConfig(f"{base}/sslcommerz", ssl.store_id, ssl.store_passwd), http),
    }


def callback_base(settings: Settings) -> str:
    return (settings.payment_callback_url or settings.public_url or settings.local_base_url()).rstrip("/")


def install(app: web.Application, settings: Settings) -> None:
    """Mount the simulators when some provider needs one, and build the gateways at start-up."""
    from agent.web import routes_payments

    routes_payments.install_callbacks(app)
    missing = [p for p, ok in settings.payment_credentials().items() if not ok] if settings.payments_demo else []
    sims = None
    if missing:
        public = (settings.public_url or settings.local_base_url()).rstrip("/")
        sims = PaymentSimulators.create(f"{public}/sim", demo=True)
        app[SIMULATORS] = sims
        app.add_subapp("/sim/", sims.application())

    async def gateways(app: web.Application) -> AsyncIterator[None]:
        async with ClientSession() as session:
            http = AiohttpClient(session)
            built = real_gateways(settings, http)
            if sims is not None:
                simulated = simulator_gateways(sims, http, f"{settings.local_base_url()}/sim")
                for provider in missing:
                    built[provider] = simulated[provider]
                log.warning("payments in DEMO MODE for %s: links open the built-in simulator at %s/sim/",
                            ", ".join(missing), sims.bkash.public_base.removesuffix("/sim"))
            app[SERVICES].payments = PaymentSettings(
                gateways={p: built[p] for p in PROVIDERS if p in built}, callback_base=callback_base(settings),
                refund_limit_front_desk=settings.refund_limit_front_desk,
                reconcile_after=timedelta(seconds=settings.payment_reconcile_after_s), demo=bool(missing),
            )
            yield

    app.cleanup_ctx.append(gateways)
