-- Envelope encryption: each tenant's data keys, wrapped (encrypted) by the master key, which never
-- touches the database. 'encrypt' keys have versions (new writes use the newest); the 'index' key for
-- blind indexes is never replaced, or exact-match lookups over old rows would stop working.
CREATE TABLE tenant_data_keys (
  tenant_id text NOT NULL REFERENCES tenants(id),
  purpose text NOT NULL CHECK (purpose IN ('encrypt', 'index')),
  version integer NOT NULL CHECK (version > 0),
  wrapped_key bytea NOT NULL,
  master_key_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  rewrapped_at timestamptz,
  PRIMARY KEY (tenant_id, purpose, version)
);

ALTER TABLE tenant_data_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_data_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_data_keys USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
