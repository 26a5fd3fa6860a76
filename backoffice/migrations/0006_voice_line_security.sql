-- Per-call media-stream tokens, recorded at first use so a replayed token is refused by every
-- server instance on this database. Rows are deleted by the retention job once expired.
CREATE TABLE voice_call_tokens_used (
    token_id   text PRIMARY KEY,
    call_sid   text NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX voice_call_tokens_used_expiry_idx ON voice_call_tokens_used (expires_at);

-- When the retention job removed a call's transcript, caller number and names (NULL: not yet).
ALTER TABLE voice_call_logs ADD COLUMN redacted_at timestamptz;
CREATE INDEX voice_call_logs_unredacted_idx ON voice_call_logs (start_time) WHERE redacted_at IS NULL;
