"""The back office's error hierarchy.

Each class declares the RFC 9457 problem it becomes at the HTTP edge (``type_uri``, ``title``,
``status``) the way asyncpg's classes carry a SQLSTATE; the single middleware in
``agent.web.problems`` renders them. ``tools.speech`` turns the same classes into sentences.
"""

from __future__ import annotations

from typing import Any, ClassVar


class BackofficeError(Exception):
    """Base class: an expected failure a client can act on."""

    type_uri: ClassVar[str] = "about:blank"
    title: ClassVar[str] = "Bad request"
    status: ClassVar[int] = 400

    def __init__(self, detail: str, *, field: str | None = None, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.field = field
        self.extra = extra

    def to_problem(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": self.type_uri,
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
        }
        if self.field is not None:
            body["field"] = self.field
        body.update(self.extra)
        return body


class ValidationFailed(BackofficeError):
    type_uri = "/problems/validation"
    title = "Invalid request"
    status = 422


class Unauthenticated(BackofficeError):
    type_uri = "/problems/unauthenticated"
    title = "Authentication required"
    status = 401


class Forbidden(BackofficeError):
    type_uri = "/problems/forbidden"
    title = "Not allowed for your role"
    status = 403


class NotFound(BackofficeError):
    type_uri = "/problems/not-found"
    title = "Not found"
    status = 404


class Conflict(BackofficeError):
    type_uri = "/problems/conflict"
    title = "Conflict"
    status = 409


class InvalidTransition(Conflict):
    """The entity is in a state where the requested action is not allowed."""

    type_uri = "/problems/invalid-transition"
    title = "Action not allowed in the current state"


class NoAvailability(Conflict):
    type_uri = "/problems/no-availability"
    title = "Nothing available"


class ConcurrentChange(Conflict):
    type_uri = "/problems/concurrent-change"
    title = "Changed by someone else; reload and retry"


class IdempotencyKeyReused(BackofficeError):
    """Same Idempotency-Key, different request body (IETF draft: 422)."""

    type_uri = "/problems/idempotency-key-reused"
    title = "Idempotency-Key reused with a different request"
    status = 422


class IdempotencyInProgress(Conflict):
    type_uri = "/problems/idempotency-in-progress"
    title = "A request with this Idempotency-Key is still being processed"


class TooManyAttempts(BackofficeError):
    type_uri = "/problems/too-many-attempts"
    title = "Too many attempts"
    status = 429


class IdempotencyKeyRequired(BackofficeError):
    """A money-moving POST without an Idempotency-Key: a retry could charge or refund twice (RFC 6585)."""

    type_uri = "/problems/idempotency-key-required"
    title = "Idempotency-Key header required"
    status = 428


class PaymentProviderError(BackofficeError):
    """The payment provider refused, timed out, or answered something we cannot trust."""

    type_uri = "/problems/payment-provider"
    title = "Payment provider error"
    status = 502
