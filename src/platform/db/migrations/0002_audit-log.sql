-- The audit log: append-only for the app (UPDATE/DELETE revoked in roles.ts), sealed into a per-tenant
-- HMAC hash chain by the sealer (src/platform/audit/seal.ts). Requests only INSERT, so auditing never
-- waits on a lock shared with other requests. Chain order (chain_seq) is the order of sealing.
CREATE TABLE audit_log (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor text NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('resident', 'staff', 'business', 'system', 'anonymous')),
  on_behalf_of text,
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_id text,
  department text,
  data_class text NOT NULL CHECK (data_class IN ('public', 'personal', 'my_number')),
  decision text NOT NULL CHECK (decision IN ('allow', 'deny')),
  reason text,
  zone text,
  ip text,
  request_id text,
  details jsonb NOT NULL DEFAULT '{}',
  chain_seq bigint,
  prev_hash bytea,
  hash bytea,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, chain_seq)
);

CREATE INDEX audit_log_unsealed_idx ON audit_log (tenant_id, id) WHERE chain_seq IS NULL;
CREATE INDEX audit_log_time_idx ON audit_log (tenant_id, occurred_at);
CREATE INDEX audit_log_actor_idx ON audit_log (tenant_id, actor, occurred_at);

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_log USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
