-- Fixed-window counters for rate limits, shared by every API process (limits hold across a fleet).
-- UNLOGGED: counters are worth nothing after a crash, and skipping WAL keeps the hot path cheap.
CREATE UNLOGGED TABLE rate_limit_counters (
  tenant_id text NOT NULL REFERENCES tenants(id),
  key text NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL,
  PRIMARY KEY (tenant_id, key, window_start)
);

ALTER TABLE rate_limit_counters ENABLE ROW LEVEL SECURITY;
ALTER TABLE rate_limit_counters FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON rate_limit_counters USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
