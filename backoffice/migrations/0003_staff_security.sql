-- Staff tokens, guests, door keys and background jobs, hardened (issue 9).

-- A staff token carries the user's token_version; deactivation, a role or password change and a
-- logout bump it, so every token issued before stops working on the next request.
ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0;

-- The name given for this booking. A booking under a known phone number no longer renames the guest
-- (that showed every earlier booking of the number under the new name); the name lives here.
-- NULL for rows from before: they fall back to the guest's name.
ALTER TABLE reservations ADD COLUMN guest_name text;

-- Phones were stored with any Unicode decimal digits; make Bengali, Arabic-Indic and Persian digits
-- ASCII so the same number is one guest from now on.
UPDATE guests
SET phone = translate(phone, '০১২৩৪৫৬৭৮৯٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹', '012345678901234567890123456789')
WHERE phone ~ '[০-৯٠-٩۰-۹]';

-- Door keys are granted and revoked by the outbox relay after commit; this row is what the
-- handlers converge the lock to. A key whose check-in rolled back never has a row, so it is never
-- granted; 'revoking' wins over a grant still being retried.
CREATE TABLE door_keys (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    reservation_id uuid NOT NULL REFERENCES reservations (id),
    room_number    text NOT NULL,
    credential_id  text NOT NULL UNIQUE,
    valid_until    timestamptz NOT NULL,
    status         text NOT NULL DEFAULT 'granting'
                   CHECK (status IN ('granting', 'active', 'revoking', 'revoked')),
    granted_at     timestamptz,
    revoked_at     timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX door_keys_reservation_idx ON door_keys (reservation_id);

-- Two instances planning stayover cleans at once must not plan a room's clean twice for one day.
-- Duplicates from before are cancelled (the oldest of each kept) so the index can be built.
UPDATE housekeeping_tasks t SET status = 'cancelled', updated_at = now()
WHERE t.task_type = 'stayover_clean' AND t.status <> 'cancelled' AND t.metadata ? 'day'
  AND EXISTS (SELECT 1 FROM housekeeping_tasks o
              WHERE o.room_id = t.room_id AND o.task_type = 'stayover_clean' AND o.status <> 'cancelled'
                AND o.metadata->>'day' = t.metadata->>'day'
                AND (o.created_at, o.id) < (t.created_at, t.id));
CREATE UNIQUE INDEX housekeeping_tasks_one_stayover_per_day
    ON housekeeping_tasks (room_id, (metadata->>'day'))
    WHERE task_type = 'stayover_clean' AND status <> 'cancelled';
