-- Wallet payments (bKash, Nagad, SSLCommerz) next to the desk's cash and card.
-- Statuses follow backoffice.payments.PAYMENT: initiated -> paid -> partially_refunded / refunded, or
-- initiated -> failed / cancelled / expired. The old 'pending' and 'completed' become 'initiated' and 'paid'.
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
UPDATE payments SET status = 'paid' WHERE status = 'completed';
UPDATE payments SET status = 'initiated' WHERE status = 'pending';
ALTER TABLE payments ADD CONSTRAINT payments_status_check
    CHECK (status IN ('initiated', 'paid', 'partially_refunded', 'refunded', 'failed', 'cancelled', 'expired'));

ALTER TABLE payments
    ADD COLUMN taken_by       uuid REFERENCES users (id),   -- the staff user who took or sent it
    ADD COLUMN taken_by_actor text NOT NULL DEFAULT 'system',
    ADD COLUMN provider_txn_id text,                         -- bKash trxID, Nagad issuerPaymentRefNo, SSLCommerz bank_tran_id
    ADD COLUMN provider_state jsonb NOT NULL DEFAULT '{}'::jsonb,  -- what the provider last said (val_id, ...)
    ADD COLUMN captured_at    timestamptz,
    ADD COLUMN attention      text;                          -- why staff must look at it (late payment, ...)
CREATE UNIQUE INDEX payments_provider_external_idx ON payments (provider, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX payments_open_idx ON payments (created_at) WHERE status = 'initiated';

-- The database itself refuses a second capture of one payment, whatever the code does.
CREATE UNIQUE INDEX ledger_one_capture_per_payment ON ledger_entries (reference_id)
    WHERE transaction_type = 'payment' AND account = 'guest_folio' AND reference_type = 'payment';

-- Refunds are requested (row committed) before the provider is called, so a crash between the two
-- is finished by reconciliation with the same reference, never sent twice as two refunds.
CREATE TABLE payment_refunds (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    payment_id       uuid NOT NULL REFERENCES payments (id),
    amount           numeric(12, 2) NOT NULL CHECK (amount > 0),
    status           text NOT NULL CHECK (status IN ('requested', 'completed', 'failed')),
    reason           text NOT NULL DEFAULT '',
    idempotency_key  text UNIQUE,
    requested_by     text NOT NULL,
    provider_ref     text,
    provider_response jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_refunds_payment_idx ON payment_refunds (payment_id);
CREATE INDEX payment_refunds_open_idx ON payment_refunds (created_at) WHERE status = 'requested';

-- Everything a provider told us and what we did with it: callbacks and IPNs as received (before any
-- check), verifications, rejections, duplicates. GET /api/v1/payments/{id} lists them.
CREATE TABLE payment_events (
    id         bigserial PRIMARY KEY,
    payment_id uuid REFERENCES payments (id),
    provider   text NOT NULL,
    kind       text NOT NULL,
    detail     jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX payment_events_payment_idx ON payment_events (payment_id, id);
