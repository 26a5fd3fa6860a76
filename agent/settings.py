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
        description="Signs staff tokens, check-in QR codes and per-call voice tokens; at least 32 bytes. "
        "Unset: generated once, kept in data_dir (mode 0600).",
    )
    retention_days: int = Field(
        default=90, ge=1, description="Call transcripts, caller numbers and names in call records and call "
        "analytics older than this are redacted by the background job.",
    )

    # --- staff logins and tokens ------------------------------------------------------------
    login_max_failures_per_account: int = Field(
        default=10, ge=1, description="Login attempts per account per window before 429 (counted before checking)")
    login_max_failures_per_client: int = Field(
        default=100, ge=1, description="Login attempts per client address per window before 429")
    login_window_s: int = Field(default=15 * 60, ge=1, description="Login throttling window in seconds")
    trusted_proxy_header: str = Field(
        default="", description="Header your reverse proxy puts the client address in (e.g. X-Forwarded-For); "
        "honoured only when set. Empty: the socket's peer address.")
    password_hash_threads: int = Field(default=2, ge=1, description="Threads for scrypt (128 MiB each)")

    # --- check-in -------------------------------------------------------------------------
    checkin_desk_mode: bool | None = Field(
        default=None, description="Show the check-in one-time code to the desk user instead of texting it to "
        "the guest. Unset: on when no SMS provider (Twilio SID, token and from-number) is configured.")
    checkin_scans_per_hour: int = Field(default=5, ge=1, description="QR scans (codes issued) per reservation per hour")

    # --- background jobs ------------------------------------------------------------------
    jobs_interval_s: float = Field(default=30.0, gt=0, description="Seconds between background job passes")

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
    twilio_whatsapp_from: str | None = Field(
        default=None, validation_alias=AliasChoices("TWILIO_WHATSAPP_FROM", "CONCIERGE_TWILIO_WHATSAPP_FROM"),
        description="A WhatsApp-enabled Twilio sender (E.164); unset: WhatsApp messages go to the sink.",
    )
    media_stream_path: str = "/twilio/media-stream"
    voice_dev: bool = Field(
        default=False, description="Without TWILIO_AUTH_TOKEN, accept voice requests from any client, not "
        "only loopback ones (development behind a tunnel; never in production).",
    )
    max_calls: int = Field(default=16, ge=1, description="Calls at once; past it callers hear 'busy'.")
    call_token_ttl_s: int = Field(
        default=120, ge=5, description="How long the per-call token in the TwiML admits its media stream."
    )
    call_idle_timeout_s: float = Field(default=10.0, gt=0, description="No caller media this long ends a call.")
    call_max_message_bytes: int = Field(
        default=16 * 1024, ge=1024, description="Largest websocket message a call may send (Twilio's are < 1 KiB).",
    )
    call_max_audio_ahead_s: float = Field(
        default=5.0, gt=0, description="How far a caller's audio may run ahead of real time (since its start "
        "message) before the call is cut. Twilio sends 20 ms every 20 ms; the slack covers a server that was "
        "slow to read the start message while the audio queued.",
    )
    whisper_model: str = Field(default="", description="Path or name; empty = bundled tiny.en")
    piper_voice: str = Field(default="", description="Path to a .onnx voice; empty = bundled joe-medium")
    voice_preload: bool = Field(default=True, description="Load voice models at start-up")
    responder: Literal["agent", "echo"] = Field(
        default="agent", description="Reply stage: the LLM agent, or an echo of the caller (benchmarks)"
    )

    # --- follow-ups (SMS, WhatsApp, email) ---------------------------------------------------
    followup_channel: Literal["sms", "whatsapp"] = Field(
        default="sms", description="How guests get payment links, confirmations and codes."
    )
    smtp_host: str = Field(default="", description="SMTP server for email; empty: emails go to the sink.")
    smtp_port: int = 587
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    smtp_from: str = "concierge@localhost"

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
    llm_turn_budget_s: float = Field(
        default=0.7, gt=0, description="While several calls share the model: how long a caller's turn waits for it "
        "before its words are read by keywords (the model's queue, not the words, would decide the wait)")
    llm_threads: int = Field(default=0, ge=0, description="CPU threads for the embedded model; 0 = half the cores "
                             "(see agent.conversation.model_threads)")
    stt_vocabulary: bool = Field(
        default=False, description="Bias Whisper to the hotel's words (room type names, 'check-in', 'suite'). "
        "Off by default: with it, a pause mid-sentence was taken for the end of a turn in the pipeline tests.")
    stt_beam_size: int = Field(
        default=2, ge=1, le=8, description="Beams searched for a caller's final transcript (1 = greedy; partials "
        "are always greedy). Two cut word errors on hard voices by ~5 % for ~7 % more inference "
        "(python -m benchmarks.latency.stt_beams)")
    max_holds_per_call: int = Field(default=2, ge=0, description="Rooms one phone call may hold")
    max_code_guesses: int = Field(default=3, ge=0, description="Wrong confirmation codes one call may try")

    @field_validator("twilio_auth_token", mode="before")
    @classmethod
    def _empty_token_is_unset(cls, value: object) -> object:
        """``TWILIO_AUTH_TOKEN=`` means "not configured", never "sign with an empty key"."""
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("secret_key", mode="before")
    @classmethod
    def _strong_secret_key(cls, value: object) -> object:
        raw = value.get_secret_value() if isinstance(value, SecretStr) else value
        if isinstance(raw, str):
            check_secret_key(raw.encode(), "CONCIERGE_SECRET_KEY")
        return value

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
    def sms_configured(self) -> bool:
        return bool(self.twilio_account_sid and self.twilio_auth_token and self.twilio_from_number)

    @property
    def desk_mode(self) -> bool:
        """Whether check-in codes are shown to the desk (explicit setting, else: no SMS provider)."""
        return self.checkin_desk_mode if self.checkin_desk_mode is not None else not self.sms_configured

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
            retention_days=self.retention_days,
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
        """The signing key: configured, or generated once and kept in ``data_dir``.

        Raises ``ConfigurationError`` for a key file that is too short (the server then exits with
        that message).
        """
        if self.secret_key is not None:
            return self.secret_key.get_secret_value().encode()
        path = self.data_dir / "secret_key"
        if not path.exists():
            _write_new_key(path)
        key = path.read_text().strip().encode()
        check_secret_key(key, str(path))
        return key


MIN_SECRET_BYTES = 32


class ConfigurationError(ValueError):
    """A setting the server must not start with; the message says what to change."""


def check_secret_key(key: bytes, source: str) -> None:
    """Refuse an empty or short signing key: anything under 32 bytes makes staff tokens guessable."""
    if not key.strip():
        raise ConfigurationError(
            f"{source} is empty: set it to at least {MIN_SECRET_BYTES} random bytes "
            "(e.g. `python -c 'import secrets; print(secrets.token_hex(32))'`), or unset it to use a generated key"
        )
    if len(key) < MIN_SECRET_BYTES:
        raise ConfigurationError(
            f"{source} is {len(key)} bytes long; it must be at least {MIN_SECRET_BYTES} "
            "(e.g. `python -c 'import secrets; print(secrets.token_hex(32))'`)"
        )


def _write_new_key(path: Path) -> None:
    """Create the key file readable by its owner only from the first byte on.

    The key is written to a private temporary file that is then linked into place, so a crash never
    leaves an empty key file and two servers starting at once end up with the same key.
    """
    import contextlib
    import os
    import secrets

    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w") as out:
            out.write(secrets.token_hex(32))
            out.flush()
            os.fsync(out.fileno())
        with contextlib.suppress(FileExistsError):  # another server created it first: use theirs
            os.link(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
