-- Domain events: what happened, written in the same transaction as the change (an outbox). Modules react
-- to them through jobs; business systems read them as a feed (/api/events) and as signed webhooks.
-- `txid` orders the feed safely: a reader only sees events of transactions older than every transaction
-- still running (pg_snapshot_xmin), so an event that commits late can never fall behind a cursor.
CREATE TABLE domain_events (
  tenant_id text NOT NULL REFERENCES tenants(id),
  seq bigint GENERATED ALWAYS AS IDENTITY,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  type text NOT NULL CHECK (type ~ '^[a-z][a-z_]*\.[a-z][a-z_.]*$'),
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  -- The department the event belongs to (webhooks are per department); null for city-wide events.
  department text,
  data jsonb NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, seq),
  UNIQUE (tenant_id, id)
);

CREATE INDEX domain_events_feed_idx ON domain_events (tenant_id, txid, seq);
CREATE INDEX domain_events_subject_idx ON domain_events (tenant_id, subject_type, subject_id);

ALTER TABLE domain_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE domain_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON domain_events USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
