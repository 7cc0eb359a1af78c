-- Linking business systems (データ連携): API tokens for business systems, outbound webhook endpoints per
-- department, and the log of every webhook delivery and attempt.
CREATE TABLE system_tokens (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- The department whose data the token may read; null: city-wide (issued by the DX office only).
  department text,
  scopes text[] NOT NULL CHECK (cardinality(scopes) > 0),
  -- SHA-256 of the whole token; the token itself is shown once and never stored.
  token_hash bytea NOT NULL,
  -- The first characters, so staff can tell tokens apart in lists and logs.
  prefix text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz,
  -- Set by a rotation: the new token; the old one keeps working until its expires_at (the grace period).
  replaced_by uuid,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, token_hash),
  CONSTRAINT system_tokens_replaced_by_fkey FOREIGN KEY (tenant_id, replaced_by) REFERENCES system_tokens (tenant_id, id)
);

CREATE TABLE webhook_endpoints (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- Events of this department are sent; null: every department's (DX office only).
  department text,
  url text NOT NULL CHECK (url ~ '^https?://'),
  -- Event types to send; empty: all.
  event_types text[] NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);

-- One delivery per (event, endpoint): the idempotency key of the whole retry chain.
CREATE TABLE webhook_deliveries (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL,
  endpoint_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  -- Attempts made before the last replay: the retry budget counts from here.
  budget_from integer NOT NULL DEFAULT 0,
  -- While an attempt is in flight; a worker that crashed mid-attempt loses its claim when this passes.
  leased_until timestamptz,
  next_attempt_at timestamptz,
  last_http_status integer,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, event_id, endpoint_id),
  CONSTRAINT webhook_deliveries_event_fkey FOREIGN KEY (tenant_id, event_id) REFERENCES domain_events (tenant_id, id),
  CONSTRAINT webhook_deliveries_endpoint_fkey FOREIGN KEY (tenant_id, endpoint_id) REFERENCES webhook_endpoints (tenant_id, id)
);

CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (tenant_id, endpoint_id, created_at DESC);

CREATE TABLE webhook_attempts (
  tenant_id text NOT NULL REFERENCES tenants(id),
  delivery_id uuid NOT NULL,
  attempt integer NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL DEFAULT now(),
  outcome text NOT NULL CHECK (outcome IN ('success', 'failure')),
  http_status integer,
  error text,
  PRIMARY KEY (tenant_id, delivery_id, attempt),
  CONSTRAINT webhook_attempts_delivery_fkey FOREIGN KEY (tenant_id, delivery_id) REFERENCES webhook_deliveries (tenant_id, id)
);

ALTER TABLE system_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE system_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON system_tokens USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

ALTER TABLE webhook_endpoints ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_endpoints FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_endpoints USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

ALTER TABLE webhook_deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_deliveries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_deliveries USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

ALTER TABLE webhook_attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_attempts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_attempts USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
