-- How far the event relay has handed each tenant's domain events to their subscribers' jobs, as the
-- same (txid, seq) position the feed uses. One row per tenant, locked while a relay works on it.
CREATE TABLE event_relay_cursors (
  tenant_id text NOT NULL REFERENCES tenants(id),
  txid xid8 NOT NULL DEFAULT '0'::xid8,
  seq bigint NOT NULL DEFAULT 0,
  relayed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id)
);

ALTER TABLE event_relay_cursors ENABLE ROW LEVEL SECURITY;
ALTER TABLE event_relay_cursors FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON event_relay_cursors USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
