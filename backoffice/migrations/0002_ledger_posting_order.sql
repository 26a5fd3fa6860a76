-- Postings made in one transaction (check-out posts the nights, then takes the settling payment)
-- shared now()'s transaction timestamp, so a folio could list them in any order. clock_timestamp()
-- keeps the order in which they were posted.
ALTER TABLE ledger_transactions ALTER COLUMN created_at SET DEFAULT clock_timestamp();
ALTER TABLE ledger_entries ALTER COLUMN created_at SET DEFAULT clock_timestamp();
