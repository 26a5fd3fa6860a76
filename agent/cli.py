"""The ``concierge`` command line."""

from __future__ import annotations

import argparse
import asyncio
import logging
import socket
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING

from pydantic import ValidationError

from agent.settings import ConfigurationError, Settings

if TYPE_CHECKING:
    from backoffice.db import Database

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
DEBUG_LOG_FORMAT = "%(asctime)s.%(msecs)03d %(levelname)-7s %(name)s: %(message)s"  # a turn's stages are ms apart


def _configure_logging(level: str) -> None:
    fmt = DEBUG_LOG_FORMAT if level.upper() == "DEBUG" else LOG_FORMAT
    logging.basicConfig(level=level.upper(), format=fmt, datefmt="%H:%M:%S", stream=sys.stderr)
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)


def _listening_socket(host: str, port: int) -> socket.socket:
    """Bind and listen before anything slow is imported or opened: a call that arrives while the server starts
    waits in the kernel's queue and is answered once the app is up, instead of being refused (Twilio would play
    its own error message to the caller)."""
    try:
        return socket.create_server((host, port), backlog=128, dualstack_ipv6=host == "::")
    except OSError as error:
        raise ConfigurationError(f"cannot listen on {host}:{port}: {error.strerror or error}") from error


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    started = time.perf_counter()
    overrides = {k: v for k, v in (("host", args.host), ("port", args.port)) if v is not None}
    if overrides:
        settings = settings.model_copy(update=overrides)
    listening = _listening_socket(settings.host, settings.port)
    log = logging.getLogger("concierge")
    db_label = "DATABASE_URL" if settings.database_url else f"embedded PostgreSQL in {settings.data_dir}/pgdata"
    log.info("Concierge for %s listening on http://%s:%d (database: %s); starting up",
             settings.hotel_name, settings.host, settings.port, db_label)

    from aiohttp import web

    from agent.app import create_app

    app = create_app(settings)

    async def ready(app: web.Application) -> None:
        log.info("ready in %.1f s: answering calls and requests (the voice models and the language model "
                 "finish loading in the background)", time.perf_counter() - started)

    app.on_startup.append(ready)  # after the app's own start-up steps, which were added first
    web.run_app(app, sock=listening, print=None)
    return 0


async def _with_database(settings: Settings, work: Callable[[Database], Awaitable[None]]) -> None:
    from backoffice.db import open_database

    db = await open_database(settings.database_url, settings.data_dir, pool_size=4)
    try:
        await work(db)
    finally:
        await db.close()


def _db_migrate(args: argparse.Namespace, settings: Settings) -> int:
    from backoffice.db import available_migrations

    async def report(db: Database) -> None:
        print(f"schema is up to date ({len(available_migrations())} migrations)")

    asyncio.run(_with_database(settings, report))
    return 0


def _db_seed(args: argparse.Namespace, settings: Settings) -> int:
    if not args.demo:
        print("nothing to seed: pass --demo for the demo hotel", file=sys.stderr)
        return 2
    from backoffice.seed import seed_demo

    password = settings.demo_password.get_secret_value() if settings.demo_password else None

    async def seed(db: Database) -> None:
        report = await seed_demo(db, settings.policy, password=password)
        print(report.describe(f"http://localhost:{settings.port}"))

    asyncio.run(_with_database(settings, seed))
    return 0


def _db_stop(args: argparse.Namespace, settings: Settings) -> int:
    from backoffice.db import stop_embedded_postgres

    if settings.database_url:
        print("DATABASE_URL is set: that server is not ours to stop", file=sys.stderr)
        return 2
    stopped = stop_embedded_postgres(settings.data_dir)
    print("embedded PostgreSQL stopped" if stopped else "embedded PostgreSQL was not running")
    return 0


def _sim_payments(args: argparse.Namespace, settings: Settings) -> int:
    """The three payment simulators on their own, with the settings that point a server at them."""
    from pathlib import Path

    from aiohttp import web

    from simulators import PaymentSimulators

    public = (args.public_url or f"http://{args.host}:{args.port}").rstrip("/")
    sims = PaymentSimulators.create(public)
    keys = Path(args.keys_dir or settings.data_dir / "payment-simulators")
    keys.mkdir(parents=True, exist_ok=True)
    (keys / "nagad_merchant_private.pem").write_text(sims.nagad.merchant_private_key_pem)
    (keys / "nagad_merchant_private.pem").chmod(0o600)
    (keys / "nagad_public.pem").write_text(sims.nagad.nagad_public_key_pem)
    user, password, app_key, app_secret = sims.bkash.credentials
    env = {
        "CONCIERGE_BKASH_BASE_URL": sims.bkash.api_base, "CONCIERGE_BKASH_USERNAME": user,
        "CONCIERGE_BKASH_PASSWORD": password, "CONCIERGE_BKASH_APP_KEY": app_key,
        "CONCIERGE_BKASH_APP_SECRET": app_secret, "CONCIERGE_BKASH_SNS_CERT_PREFIXES": f"{sims.bkash.base}/sns/",
        "CONCIERGE_NAGAD_BASE_URL": sims.nagad.api_base, "CONCIERGE_NAGAD_MERCHANT_ID": sims.nagad.merchant_id,
        "CONCIERGE_NAGAD_MERCHANT_NUMBER": "01700000000",
        "CONCIERGE_NAGAD_MERCHANT_PRIVATE_KEY": str(keys / "nagad_merchant_private.pem"),
        "CONCIERGE_NAGAD_PUBLIC_KEY": str(keys / "nagad_public.pem"),
        "CONCIERGE_SSLCOMMERZ_BASE_URL": sims.sslcommerz.api_base,
        "CONCIERGE_SSLCOMMERZ_STORE_ID": sims.sslcommerz.store_id,
        "CONCIERGE_SSLCOMMERZ_STORE_PASSWD": sims.sslcommerz.store_passwd,
    }
    lines = "".join(f"{name}={value}\n" for name, value in env.items())
    (keys / "server.env").write_text(lines)
    print(f"payment simulators on {public}/{{bkash,nagad,sslcommerz}}/ (faults: POST .../_sim/faults)")
    print(f"point a server at them with these settings (also in {keys / 'server.env'}):\n{lines}", flush=True)
    web.run_app(sims.application(), host=args.host, port=args.port, print=None)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="concierge",
        description="Concierge: a real-time voice AI agent and back office for hotels.",
        epilog="Configuration comes from environment variables (see README, 'Configuration'). "
        "With none set, the server uses an embedded PostgreSQL and the bundled offline models.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    serve = sub.add_parser("serve", help="run the HTTP + Twilio websocket server (default port 8080)")
    serve.add_argument("--host", help="interface to bind (default: CONCIERGE_HOST or 0.0.0.0)")
    serve.add_argument("--port", type=int, help="port (default: CONCIERGE_PORT or 8080)")
    serve.set_defaults(run=_serve)

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", metavar="DB_COMMAND")
    migrate = db_sub.add_parser("migrate", help="apply pending schema migrations (also done at start-up)")
    migrate.set_defaults(run=_db_migrate)
    seed = db_sub.add_parser("seed", help="create the demo hotel (safe to run twice)")
    seed.add_argument("--demo", action="store_true", help="60 rooms on 5 floors, 4 room types, staff users")
    seed.set_defaults(run=_db_seed)
    stop = db_sub.add_parser("stop", help="stop the embedded PostgreSQL (it keeps running between server restarts)")
    stop.set_defaults(run=_db_stop)
    def db_help(args: argparse.Namespace, settings: Settings) -> int:
        db.print_help()
        return 2

    db.set_defaults(run=db_help)

    sim = sub.add_parser("sim", help="local simulators of services we do not run")
    sim_sub = sim.add_subparsers(dest="sim_command", metavar="SIM_COMMAND")
    payments = sim_sub.add_parser("payments", help="bKash, Nagad and SSLCommerz simulators (default port 9090)")
    payments.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1)")
    payments.add_argument("--port", type=int, default=9090, help="port (default 9090)")
    payments.add_argument("--public-url", help="URL browsers and the server reach the simulators on")
    payments.add_argument("--keys-dir", help="where to write the Nagad test keys and server.env")
    payments.set_defaults(run=_sim_payments)

    def sim_help(args: argparse.Namespace, settings: Settings) -> int:
        sim.print_help()
        return 2

    sim.set_defaults(run=sim_help)

    _add_optional_commands(sub)
    return parser


def _add_optional_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    """Commands owned by the voice side register themselves here when present."""
    try:
        import importlib

        cli_call = importlib.import_module("agent.cli_call")
    except ModuleNotFoundError as missing:
        if missing.name and missing.name.startswith("agent.cli_call"):
            return
        raise
    cli_call.register(sub)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        settings = Settings()
        _configure_logging(settings.log_level)
        return int(args.run(args, settings) or 0)
    except ValidationError as invalid:
        print(f"concierge: invalid configuration:\n{_explain(invalid)}", file=sys.stderr)
    except ConfigurationError as refused:
        print(f"concierge: {refused}", file=sys.stderr)
    return 2


def _explain(invalid: ValidationError) -> str:
    """One line per bad setting, named as the environment variable (no traceback, no echoed value)."""
    lines = []
    for error in invalid.errors(include_url=False, include_input=False):
        name = str(error["loc"][0]) if error["loc"] else "?"
        variable = name if name.isupper() else f"CONCIERGE_{name.upper()}"
        message = error["msg"].removeprefix("Value error, ")
        lines.append(f"  {message}" if message.startswith(variable) else f"  {variable}: {message}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
