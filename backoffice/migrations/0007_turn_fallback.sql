-- A turn answered with the apology ("I'm sorry, I'm having trouble answering right now ...") instead of
-- an answer, because the model failed or timed out: the latency benchmark and call analytics count these.
ALTER TABLE voice_call_turns ADD COLUMN fallback boolean NOT NULL DEFAULT false;
