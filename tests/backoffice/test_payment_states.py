"""The payment transition table: every pair it refuses is refused by ``transition`` and changes nothing;
and the provider-independent pieces of the wire protocols (SSLCommerz's verify_sign, SNS's string to sign)."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from backoffice.audit import Actor
from backoffice.errors import InvalidTransition
from backoffice.payment_providers.bkash import sns_string_to_sign
from backoffice.payment_providers.sslcommerz import verify_sign
from backoffice.payment_states import PAYMENT
from backoffice.statemachine import transition
from simulators.sslcommerz import verify_sign as simulators_verify_sign
from tests.factories import make_room_type
from tests.frontdesk_factories import book

STAFF = Actor.system("test")


async def test_every_refused_pair_is_refused_and_changes_nothing(db) -> None:
    room_type = await make_room_type(db)
    stay = await book(db, room_type, date(2026, 12, 1), ["5000.00"])
    payment_id = await db.pool.fetchval(
        """INSERT INTO payments (reservation_id, provider, amount, currency, status)
           VALUES ($1, 'bkash', 100, 'BDT', 'initiated') RETURNING id""", stay.id)
    pairs = list(PAYMENT.illegal_pairs())
    assert len(pairs) > 30
    for state, action in pairs:
        await db.pool.execute("UPDATE payments SET status = $2 WHERE id = $1", payment_id, state)
        with pytest.raises(InvalidTransition):
            await transition(db, PAYMENT, payment_id, action, STAFF)
        assert await db.pool.fetchval("SELECT status FROM payments WHERE id = $1", payment_id) == state
    refused = await db.pool.fetchval(
        "SELECT count(*) FROM audit_logs WHERE entity_id = $1 AND outcome = 'refused'", str(payment_id))
    assert refused == len(pairs)


def test_the_table_is_the_issue_s_lifecycle() -> None:
    assert PAYMENT.states == {"initiated", "paid", "partially_refunded", "refunded", "failed", "cancelled", "expired"}
    assert PAYMENT.next_state("initiated", "capture") == "paid"
    assert PAYMENT.allowed_actions("refunded") == []


def test_sslcommerz_verify_sign_is_md5_of_the_sorted_named_fields_and_the_hashed_password() -> None:
    fields = {"verify_key": "amount,status,tran_id", "amount": "100.00", "status": "VALID", "tran_id": "T1",
              "unsigned": "ignored"}
    password_md5 = hashlib.md5(b"secret").hexdigest()
    expected = hashlib.md5(f"amount=100.00&status=VALID&store_passwd={password_md5}&tran_id=T1".encode()).hexdigest()
    assert verify_sign(fields, "secret") == expected == simulators_verify_sign(fields, "secret")
    assert verify_sign(fields | {"amount": "1.00"}, "secret") != expected


def test_sns_string_to_sign_follows_aws_order_and_skips_a_missing_subject() -> None:
    envelope = {"Type": "Notification", "MessageId": "m", "TopicArn": "t", "Message": "{}", "Timestamp": "ts",
                "Signature": "x", "SigningCertURL": "u"}
    expected = b"Message\n{}\nMessageId\nm\nTimestamp\nts\nTopicArn\nt\nType\nNotification\n"
    assert sns_string_to_sign(envelope) == expected
