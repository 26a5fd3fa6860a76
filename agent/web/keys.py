"""Every typed ``web.AppKey`` and request key in one place."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from agent.settings import Settings
from agent.web.throttle import LoginThrottle
from backoffice.auth import PasswordHasher, Principal
from backoffice.db import Database
from backoffice.services import Services

SETTINGS = web.AppKey("settings", Settings)
DATABASE = web.AppKey("database", Database)
SERVICES = web.AppKey("services", Services)
SECRET = web.AppKey("secret", bytes)
THROTTLE = web.AppKey("throttle", LoginThrottle)
HASHER = web.AppKey("hasher", PasswordHasher)  # scrypt, off the event loop
# Voice-side singletons (models shared by all calls) are registered by the voice wiring.
VOICE = web.AppKey("voice", Any)
PRINCIPAL = web.RequestKey("principal", Principal)  # the authenticated staff user, if any
