"""The one typed settings object, read from the environment once at start-up.

Every knob of the server lives here; nothing else in the code base reads ``os.environ``.
Variables are prefixed ``CONCIERGE_`` except the conventional ones (``DATABASE_URL``,
``REDIS_URL``, ``OPENAI_API_KEY``, ``TWILIO_*``) that hosting platforms set by those names.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

import platformdirs
from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from backoffice.policy import HotelFacts, HotelPolicy


def _default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("concierge"))


class Settings(BaseSettings):
    """Server configuration; see the README's "Configuration" table for every variable."""

    model_config = SettingsConfigDict(env_prefix="CONCIERGE_", frozen=True, extra="ignore")

    # --- process -------------------------------------------------------------------------
    host: str = "0.0.0.0"
    port: int = 8080
    log_level: str = "INFO"
    data_dir: Path = Field(default_factory=_default_data_dir)
    public_url: str = Field(
        default="",
        description="Public https URL Twilio reaches us on (e.g. https://abc.ngrok.app); "
        "the websocket URL in TwiML is derived from it. Empty: derived from the request.",
    )
    secret_key: SecretStr | None = Field(
        default=None,
        description="Signs staff tokens and check-in QR codes. Empty: generated once, kept in data_dir.",
    )

    # --- storage -------------------------------------------------------------------------
    database_url: str | None = Field(
        default=None, validation_alias=AliasChoices("DATABASE_URL", "CONCIERGE_DATABASE_URL")
    )
    database_pool_size: int = 20
    redis_url: str | None = Field(
        default=None, validation_alias=AliasChoices("REDIS_URL", "CONCIERGE_REDIS_URL")
    )

    # --- the hotel -----------------------------------------------------------------------
    hotel_name: str = "Concierge Demo Hotel"
    hotel_timezone: str = "Asia/Dhaka"
    hotel_address: str = "12 Gulshan Avenue, Dhaka 1212, Bangladesh"
    hotel_phone: str = "+8801700000000"
    front_desk_number: str = Field(default="", description="Where 'transfer to a person' dials.")
    currency: str = "BDT"
    tax_rate: Decimal = Decimal("0.15")
    weekend_uplift: Decimal = Decimal("0.15")
    hold_minutes: int = 30
    check_in_time: time = time(14, 0)
    check_out_time: time = time(12, 0)
    wifi: str = "Free wifi everywhere; network 'Concierge-Guest', password on your key card."
    parking: str = "Free valet parking for guests."
    breakfast: str = "Breakfast buffet from 6:30 to 10:30 on the ground floor, included in every rate."
    pets: str = "Pets under 10 kilograms are welcome for a cleaning fee."
    demo_password: SecretStr | None = None
    clock_start: datetime | None = Field(
        default=None,
        description="Run the hotel's clock forward from this moment (ISO time, hotel time zone unless given) "
        "instead of the real time: for training, demos and reproducible end-to-end tests.",
    )

    # --- voice ---------------------------------------------------------------------------
    twilio_account_sid: str | None = Field(
        default=None, validation_alias=AliasChoices("TWILIO_ACCOUNT_SID", "CONCIERGE_TWILIO_ACCOUNT_SID")
    )
    twilio_auth_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("TWILIO_AUTH_TOKEN", "CONCIERGE_TWILIO_AUTH_TOKEN")
    )
    twilio_api_base_url: str = "https://api.twilio.com"
    twilio_from_number: str | None = Field(
        default=None, validation_alias=AliasChoices("TWILIO_FROM_NUMBER", "CONCIERGE_TWILIO_FROM_NUMBER")
    )
    media_stream_path: str = "/twilio/media-stream"
    whisper_model: str = Field(default="", description="Path or name; empty = bundled tiny.en")
    piper_voice: str = Field(default="", description="Path to a .onnx voice; empty = bundled joe-medium")
    voice_preload: bool = Field(default=True, description="Load voice models at start-up")
    responder: Literal["agent", "echo"] = Field(
        default="agent", description="Reply stage: the LLM agent, or an echo of the caller (benchmarks)"
    )

    # --- LLM -----------------------------------------------------------------------------
    openai_api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("OPENAI_API_KEY", "CONCIERGE_OPENAI_API_KEY")
    )
    openai_base_url: str | None = Field(
        default=None, validation_alias=AliasChoices("OPENAI_BASE_URL", "CONCIERGE_OPENAI_BASE_URL")
    )
    openai_model: str = "gpt-4o-mini"
    llm_model_path: str = Field(default="", description="GGUF file; empty = bundled Qwen2.5-Coder 0.5B")
    llm_timeout_s: float = 8.0
    llm_threads: int = Field(default=0, ge=0, description="CPU threads for the embedded model; 0 = every core")

    # --- payments ------------------------------------------------------------------------
    # A provider without credentials is served by the built-in simulator under /sim/{provider}/
    # (demo mode, labelled on its page) unless payments_demo is off; then it is simply not offered.
    payments_demo: bool = Field(default=True, description="Simulate providers that have no credentials")
    payment_callback_url: str = Field(
        default="", description="Base URL providers call back and send guests back to; empty: public_url, "
        "else http://127.0.0.1:PORT")
    refund_limit_front_desk: Decimal = Field(default=Decimal("5000.00"), ge=0,
                                             description="Refunds above this need the manager role")
    payment_reconcile_after_s: float = Field(default=60.0, ge=0,
                                             description="Poll the provider for a payment pending this long")
    bkash_base_url: str = "https://tokenized.sandbox.bka.sh/v1.2.0-beta/tokenized/checkout"
    bkash_username: str = ""
    bkash_password: SecretStr | None = None
    bkash_app_key: str = ""
    bkash_app_secret: SecretStr | None = None
    bkash_sns_cert_prefixes: str = Field(
        default="https://sns.ap-southeast-1.amazonaws.com/",
        description="Comma-separated URL prefixes an IPN's SNS signing certificate may come from")
    nagad_base_url: str = "http://sandbox.mynagad.com:10080/remote-payment-gateway-1.0"
    nagad_merchant_id: str = ""
    nagad_merchant_number: str = ""
    nagad_merchant_private_key: SecretStr | None = Field(default=None, description="PEM text, or a path to it")
    nagad_public_key: str = Field(default="", description="Nagad's RSA public key: PEM text, or a path to it")
    sslcommerz_base_url: str = "https://sandbox.sslcommerz.com"
    sslcommerz_store_id: str = ""
    sslcommerz_store_passwd: SecretStr | None = None

    def payment_credentials(self) -> dict[str, bool]:
        """Which providers are configured for real (sandbox or live)."""
        return {
            "bkash": bool(self.bkash_username and self.bkash_password and self.bkash_app_key and self.bkash_app_secret),
            "nagad": bool(self.nagad_merchant_id and self.nagad_merchant_private_key and self.nagad_public_key),
            "sslcommerz": bool(self.sslcommerz_store_id and self.sslcommerz_store_passwd),
        }

    def local_base_url(self) -> str:
        """How this server reaches itself (and a browser on the same machine reaches it)."""
        host = "127.0.0.1" if self.host in ("0.0.0.0", "::", "") else self.host
        return f"http://{host}:{self.port}"

    @field_validator("hotel_timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        ZoneInfo(value)  # raises for an unknown zone, so a typo fails at start-up
        return value

    def clock(self) -> Callable[[], datetime] | None:
        """The hotel's clock when ``clock_start`` is set (it then ticks in real time from there)."""
        if self.clock_start is None:
            return None
        start = self.clock_start
        if start.tzinfo is None:
            start = start.replace(tzinfo=ZoneInfo(self.hotel_timezone))
        offset = start - datetime.now(UTC)
        return lambda: datetime.now(UTC) + offset

    @property
    def policy(self) -> HotelPolicy:
        """The slice of settings the back office needs (it never sees the rest)."""
        return HotelPolicy(
            timezone=ZoneInfo(self.hotel_timezone),
            currency=self.currency,
            tax_rate=self.tax_rate,
            weekend_uplift=self.weekend_uplift,
            hold_minutes=self.hold_minutes,
            check_in_time=self.check_in_time,
            check_out_time=self.check_out_time,
        )

    @property
    def facts(self) -> HotelFacts:
        """What the agent may tell a caller about the hotel."""
        return HotelFacts(
            name=self.hotel_name,
            address=self.hotel_address,
            phone=self.hotel_phone,
            check_in_time=self.check_in_time,
            check_out_time=self.check_out_time,
            wifi=self.wifi,
            parking=self.parking,
            breakfast=self.breakfast,
            pets=self.pets,
        )

    def resolved_secret_key(self) -> bytes:
        """The signing key: configured, or generated once and kept in ``data_dir``."""
        if self.secret_key is not None:
            return self.secret_key.get_secret_value().encode()
        path = self.data_dir / "secret_key"
        if not path.exists():
            import secrets

            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_hex(32))
            path.chmod(0o600)
        return path.read_text().strip().encode()
