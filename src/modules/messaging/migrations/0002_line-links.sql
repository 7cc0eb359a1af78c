-- Linking a LINE account to a resident account by a one-time code the resident sends to the city's LINE
-- account (never by guessing from names or numbers), and the webhook events already handled (LINE
-- redelivers events; each is acted on once).
CREATE TABLE msg_link_codes (
  tenant_id text NOT NULL REFERENCES tenants(id),
  code_hash text NOT NULL,
  account_id uuid NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, code_hash)
);
CREATE INDEX msg_link_codes_account ON msg_link_codes (tenant_id, account_id);

CREATE TABLE msg_webhook_events (
  tenant_id text NOT NULL REFERENCES tenants(id),
  webhook_event_id text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, webhook_event_id)
);

ALTER TABLE msg_link_codes ENABLE ROW LEVEL SECURITY;
ALTER TABLE msg_link_codes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON msg_link_codes USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
ALTER TABLE msg_webhook_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE msg_webhook_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON msg_webhook_events USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
