"""Every module that registers outbox handlers, imported once so the relay knows them all.

Helpers add their handler modules here (one import each); the relay itself is ``backoffice.outbox``.
"""

from backoffice import (
    doorkeys,  # noqa: F401  (door keys granted and revoked after commit, retried)
    followups,  # noqa: F401  (payment links, confirmations, codes, welcome, digest)
    phone_payments,  # noqa: F401  (a phone booking's payment link)
)
