-- Follow-ups: the outbox relay's retry bookkeeping, the messages it sends, and the daily digest's once-a-day key.

-- NULL = due now. Compared with the injected hotel clock, never the database's now(), so tests move time.
ALTER TABLE outbox ADD COLUMN next_attempt_at timestamptz;
-- Set when the relay gives up on an event (too many failed attempts): staff see last_error.
ALTER TABLE outbox ADD COLUMN failed_at timestamptz;
CREATE INDEX outbox_due_idx ON outbox (id) WHERE published_at IS NULL AND failed_at IS NULL;

-- Every SMS, WhatsApp message or email, sent or sinked. The row is written before the provider is
-- called and is the dedupe key: (event_id, channel, recipient, template) is one message, ever.
-- pending: not tried yet or refused by the provider (safe to send); sending: handed to the provider
-- with the outcome unknown (a crash or a timeout): the next attempt asks the provider before resending;
-- sinked: no provider configured, kept here for staff; the rest are the provider's delivery states.
CREATE TABLE messages (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    event_id    bigint REFERENCES outbox (id) ON DELETE SET NULL,
    channel     text NOT NULL CHECK (channel IN ('sms', 'whatsapp', 'email')),
    recipient   text NOT NULL,
    template    text NOT NULL,
    subject     text,
    body        text NOT NULL,
    body_sha256 text NOT NULL,
    status      text NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'sending', 'sinked', 'sent', 'delivered', 'read', 'undelivered',
                                  'failed', 'canceled')),
    provider_id text UNIQUE,
    error       text,
    attempts    integer NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL,
    sent_at     timestamptz,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (event_id, channel, recipient, template)
);
CREATE INDEX messages_recipient_idx ON messages (recipient, created_at);
CREATE INDEX messages_created_idx ON messages (created_at);

-- One managers' digest per hotel day: the key that makes the daily job idempotent.
CREATE TABLE daily_digests (
    hotel_day  date PRIMARY KEY,
    event_id   bigint REFERENCES outbox (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
