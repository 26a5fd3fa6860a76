"""What the payment code is configured with: the gateways, where callbacks reach us, the money rules."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from backoffice.payment_providers.base import Gateway


@dataclass(frozen=True)
class PaymentSettings:
    gateways: Mapping[str, Gateway] = field(default_factory=dict)
    callback_base: str = "http://127.0.0.1:8080"  # our public URL, for provider callbacks and IPNs
    refund_limit_front_desk: Decimal = Decimal("5000.00")  # larger refunds need a manager
    reconcile_after: timedelta = timedelta(seconds=60)  # poll a pending payment once it is this old
    unsent_link_expiry: timedelta = timedelta(minutes=15)  # a link whose URL never reached us is dropped
    demo: bool = False  # gateways point at the built-in simulators
