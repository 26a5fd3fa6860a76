-- Concierge back office schema, version 1.
-- Portable to the embedded PostgreSQL (no btree_gist, no pgcrypto): double booking is prevented by
-- per-night rows with primary keys and CHECK constraints instead of exclusion constraints.
-- Money is numeric(12,2) with an ISO currency beside it; every timestamp is timestamptz (UTC).

CREATE TABLE users (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email         text NOT NULL,
    name          text NOT NULL,
    password_hash text NOT NULL,
    role          text NOT NULL CHECK (role IN ('admin', 'manager', 'front_desk', 'housekeeping')),
    active        boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE guests (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name           text NOT NULL,
    email          text,
    phone          text,
    identification text,
    preferences    jsonb NOT NULL DEFAULT '{}'::jsonb,
    is_returning   boolean NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX guests_phone_idx ON guests (phone);
CREATE INDEX guests_name_idx ON guests (lower(name));

CREATE TABLE room_types (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code          text NOT NULL UNIQUE,
    name          text NOT NULL,
    description   text NOT NULL DEFAULT '',
    max_occupancy integer NOT NULL CHECK (max_occupancy > 0),
    base_rate     numeric(12, 2) NOT NULL CHECK (base_rate >= 0),
    currency      char(3) NOT NULL,
    bed_type      text NOT NULL DEFAULT 'queen',
    amenities     jsonb NOT NULL DEFAULT '[]'::jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Cleanliness is one dimension (dirty -> cleaning -> clean -> inspected); occupancy is derived from
-- reservations; out of service / out of order are dated room_blocks.
CREATE TABLE rooms (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    room_number   text NOT NULL UNIQUE,
    room_type_id  uuid NOT NULL REFERENCES room_types (id),
    floor         integer NOT NULL,
    condition     text NOT NULL DEFAULT 'inspected'
                  CHECK (condition IN ('dirty', 'cleaning', 'clean', 'inspected')),
    accessible    boolean NOT NULL DEFAULT false,
    quiet         boolean NOT NULL DEFAULT false,
    near_elevator boolean NOT NULL DEFAULT false,
    bed_type      text NOT NULL DEFAULT 'queen',
    amenities     jsonb NOT NULL DEFAULT '[]'::jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rooms_type_idx ON rooms (room_type_id);

CREATE TABLE room_blocks (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    room_id     uuid NOT NULL REFERENCES rooms (id),
    kind        text NOT NULL CHECK (kind IN ('out_of_service', 'out_of_order')),
    start_date  date NOT NULL,
    end_date    date NOT NULL,
    reason      text NOT NULL DEFAULT '',
    released_at timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (end_date > start_date)
);

-- Room-type inventory per night: the database refuses to sell more than exists.
-- Rows are created on demand with capacity = sellable rooms of the type that night.
CREATE TABLE room_type_nights (
    room_type_id uuid NOT NULL REFERENCES room_types (id),
    night        date NOT NULL,
    capacity     integer NOT NULL CHECK (capacity >= 0),
    sold         integer NOT NULL DEFAULT 0,
    PRIMARY KEY (room_type_id, night),
    CONSTRAINT room_type_nights_not_oversold CHECK (sold >= 0 AND sold <= capacity)
);

CREATE TABLE reservations (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    confirmation_code text NOT NULL UNIQUE,
    guest_id          uuid NOT NULL REFERENCES guests (id),
    room_type_id      uuid NOT NULL REFERENCES room_types (id),
    room_id           uuid REFERENCES rooms (id),
    status            text NOT NULL CHECK (status IN ('hold', 'confirmed', 'checked_in', 'checked_out',
                                                      'cancelled', 'no_show', 'expired')),
    check_in          date NOT NULL,
    check_out         date NOT NULL,
    guests            integer NOT NULL CHECK (guests > 0),
    amount            numeric(12, 2) NOT NULL CHECK (amount >= 0),
    currency          char(3) NOT NULL,
    quote             jsonb NOT NULL DEFAULT '{}'::jsonb,
    preferences       jsonb NOT NULL DEFAULT '{}'::jsonb,
    source            text NOT NULL DEFAULT 'staff',
    hold_expires_at   timestamptz,
    metadata          jsonb NOT NULL DEFAULT '{}'::jsonb,
    checked_in_at     timestamptz,
    checked_out_at    timestamptz,
    cancelled_at      timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (check_out > check_in),
    CHECK (status <> 'hold' OR hold_expires_at IS NOT NULL)
);
CREATE INDEX reservations_guest_idx ON reservations (guest_id);
CREATE INDEX reservations_dates_idx ON reservations (check_in, check_out);
CREATE INDEX reservations_hold_idx ON reservations (hold_expires_at) WHERE status = 'hold';
CREATE INDEX reservations_status_idx ON reservations (status, check_in);

-- A concrete room is occupied by one reservation or one block per night: the primary key makes
-- assigning the same room twice impossible, whatever the application does.
CREATE TABLE room_nights (
    room_id        uuid NOT NULL REFERENCES rooms (id),
    night          date NOT NULL,
    reservation_id uuid REFERENCES reservations (id) ON DELETE CASCADE,
    block_id       uuid REFERENCES room_blocks (id) ON DELETE CASCADE,
    PRIMARY KEY (room_id, night),
    CHECK (num_nonnulls(reservation_id, block_id) = 1)
);
CREATE INDEX room_nights_reservation_idx ON room_nights (reservation_id);

CREATE TABLE payments (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    reservation_id    uuid NOT NULL REFERENCES reservations (id),
    provider          text NOT NULL CHECK (provider IN ('cash', 'card', 'bkash', 'nagad', 'sslcommerz')),
    amount            numeric(12, 2) NOT NULL CHECK (amount > 0),
    currency          char(3) NOT NULL,
    status            text NOT NULL CHECK (status IN ('pending', 'completed', 'failed', 'cancelled',
                                                      'refunded', 'partially_refunded', 'expired')),
    external_id       text,
    payment_url       text,
    idempotency_key   text UNIQUE,
    provider_response jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_reservation_idx ON payments (reservation_id);

-- Double-entry ledger: a transaction groups entries whose amounts sum to zero (checked at commit by
-- a deferred constraint trigger). Positive = debit. The guest folio is account 'guest_folio'.
CREATE TABLE ledger_transactions (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    reservation_id uuid REFERENCES reservations (id),
    kind           text NOT NULL CHECK (kind IN ('room_charge', 'payment', 'refund', 'adjustment', 'fee')),
    description    text NOT NULL,
    created_by     text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_transactions_reservation_idx ON ledger_transactions (reservation_id);

CREATE TABLE ledger_entries (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    transaction_id   uuid NOT NULL REFERENCES ledger_transactions (id),
    reservation_id   uuid REFERENCES reservations (id),
    account          text NOT NULL CHECK (account IN ('guest_folio', 'room_revenue', 'tax_payable',
                                                      'cash', 'card_clearing', 'wallet_clearing',
                                                      'adjustments', 'fee_revenue')),
    transaction_type text NOT NULL,
    amount           numeric(12, 2) NOT NULL CHECK (amount <> 0),
    currency         char(3) NOT NULL,
    reference_type   text,
    reference_id     text,
    metadata         jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_entries_folio_idx ON ledger_entries (reservation_id, account);
CREATE INDEX ledger_entries_tx_idx ON ledger_entries (transaction_id);

CREATE FUNCTION ledger_transaction_balances() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM ledger_entries
        WHERE transaction_id = NEW.transaction_id
        GROUP BY currency HAVING sum(amount) <> 0
    ) THEN
        RAISE EXCEPTION 'ledger transaction % does not balance', NEW.transaction_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER ledger_entries_balance
    AFTER INSERT ON ledger_entries DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ledger_transaction_balances();

CREATE FUNCTION ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger entries are append-only; post a reversing entry instead'
        USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER ledger_entries_append_only
    BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();

CREATE TABLE housekeeping_tasks (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    room_id        uuid NOT NULL REFERENCES rooms (id),
    reservation_id uuid REFERENCES reservations (id),
    assigned_to    uuid REFERENCES users (id),
    task_type      text NOT NULL CHECK (task_type IN ('checkout_clean', 'stayover_clean', 'towels',
                                                      'extra_bed', 'amenities', 'turndown',
                                                      'inspection', 'maintenance')),
    status         text NOT NULL CHECK (status IN ('open', 'assigned', 'in_progress', 'done',
                                                   'inspected', 'rework', 'cancelled')),
    priority       text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    requested_by   text NOT NULL DEFAULT 'system',
    scheduled_at   timestamptz,
    started_at     timestamptz,
    completed_at   timestamptz,
    inspected_at   timestamptz,
    notes          text NOT NULL DEFAULT '',
    metadata       jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX housekeeping_tasks_open_idx ON housekeeping_tasks (status, priority)
    WHERE status NOT IN ('inspected', 'cancelled');
CREATE INDEX housekeeping_tasks_room_idx ON housekeeping_tasks (room_id);

CREATE TABLE checkin_otps (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    reservation_id uuid NOT NULL REFERENCES reservations (id),
    otp_hash       text NOT NULL,
    expires_at     timestamptz NOT NULL,
    attempts       integer NOT NULL DEFAULT 0,
    max_attempts   integer NOT NULL DEFAULT 5,
    consumed_at    timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX checkin_otps_reservation_idx ON checkin_otps (reservation_id, created_at DESC);

CREATE TABLE voice_call_logs (
    call_sid             text PRIMARY KEY,
    session_id           text,
    stream_sid           text,
    phone_number         text,
    status               text NOT NULL DEFAULT 'in_progress'
                         CHECK (status IN ('ringing', 'in_progress', 'completed', 'transferred',
                                           'failed', 'abandoned')),
    direction            text NOT NULL DEFAULT 'inbound' CHECK (direction IN ('inbound', 'outbound')),
    start_time           timestamptz NOT NULL DEFAULT now(),
    end_time             timestamptz,
    duration             integer,
    guest_id             uuid REFERENCES guests (id),
    guest_name           text,
    guest_email          text,
    is_returning_guest   boolean NOT NULL DEFAULT false,
    conversation_history jsonb NOT NULL DEFAULT '[]'::jsonb,
    total_interactions   integer NOT NULL DEFAULT 0,
    avg_response_time    double precision,
    transferred_to       text,
    transfer_reason      text,
    recording_url        text,
    satisfaction_score   double precision,
    primary_intent       text,
    intent_confidence    double precision,
    outcome              text,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);

-- One row per caller turn, written as the turn completes, so a crash loses at most the turn in flight.
CREATE TABLE voice_call_turns (
    call_sid           text NOT NULL REFERENCES voice_call_logs (call_sid) ON DELETE CASCADE,
    turn_index         integer NOT NULL,
    user_text          text NOT NULL DEFAULT '',
    agent_text         text NOT NULL DEFAULT '',
    heard_text         text,
    interrupted        boolean NOT NULL DEFAULT false,
    tool_calls         jsonb NOT NULL DEFAULT '[]'::jsonb,
    speech_ended_at    timestamptz,
    transcript_at      timestamptz,
    first_token_at     timestamptz,
    first_audio_at     timestamptz,
    timings_ms         jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (call_sid, turn_index)
);

CREATE TABLE voice_call_analytics (
    id                    serial PRIMARY KEY,
    call_sid              text NOT NULL REFERENCES voice_call_logs (call_sid) ON DELETE CASCADE,
    phone_number          text,
    requested_check_in    date,
    requested_check_out   date,
    guests                integer,
    room_type             text,
    original_intent       text,
    voice_confidence      double precision,
    voice_timestamp       timestamptz,
    is_available          boolean,
    available_rooms_count integer,
    base_rate             numeric(12, 2),
    total_rate            numeric(12, 2),
    currency              char(3),
    follow_up_needed      boolean NOT NULL DEFAULT false,
    follow_up_reason      text,
    suggested_action      text,
    outcome               text,
    tools_called          jsonb NOT NULL DEFAULT '[]'::jsonb,
    signals               jsonb NOT NULL DEFAULT '{}'::jsonb,
    rate_data             jsonb NOT NULL DEFAULT '{}'::jsonb,
    availability_data     jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX voice_call_analytics_call_idx ON voice_call_analytics (call_sid);

CREATE TABLE notifications (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    recipient     text NOT NULL,
    channel       text NOT NULL CHECK (channel IN ('sms', 'whatsapp', 'email')),
    template_id   text NOT NULL,
    template_data jsonb NOT NULL DEFAULT '{}'::jsonb,
    status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed', 'skipped')),
    event_id      bigint,
    sent_at       timestamptz,
    external_id   text,
    error_message text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (event_id, channel, recipient)
);

-- Who did what: a staff user, a system job, or a voice call (by call SID).
CREATE TABLE audit_logs (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    actor_type  text NOT NULL CHECK (actor_type IN ('user', 'system', 'call', 'guest')),
    actor_id    text NOT NULL,
    user_id     uuid REFERENCES users (id),
    action      text NOT NULL,
    entity_type text NOT NULL,
    entity_id   text NOT NULL,
    outcome     text NOT NULL DEFAULT 'applied' CHECK (outcome IN ('applied', 'refused')),
    old_values  jsonb,
    new_values  jsonb,
    ip_address  text,
    user_agent  text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_logs_entity_idx ON audit_logs (entity_type, entity_id, created_at);
CREATE INDEX audit_logs_created_idx ON audit_logs (created_at);

-- Idempotency keys are written in the same transaction as the business change they protect.
CREATE TABLE idempotency_keys (
    scope          text NOT NULL,
    key            text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_sha256 text NOT NULL,
    response_code  integer NOT NULL,
    response_body  jsonb NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL DEFAULT now() + interval '24 hours',
    PRIMARY KEY (scope, key)
);

-- Transactional outbox: events written with the state change; a relay delivers them at least once.
CREATE TABLE outbox (
    id             bigserial PRIMARY KEY,
    event_type     text NOT NULL,
    aggregate_type text NOT NULL,
    aggregate_id   text NOT NULL,
    payload        jsonb NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    published_at   timestamptz,
    attempts       integer NOT NULL DEFAULT 0,
    last_error     text
);
CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL;
