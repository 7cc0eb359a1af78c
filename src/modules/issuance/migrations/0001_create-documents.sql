-- Issued documents (交付物): certificates and decision notices as signed PDFs, with what a verifier needs.
-- application_id and recipient_account_id name other modules' records as text (no cross-module FK).
CREATE TABLE documents (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- 16 characters of Crockford base32 (no I L O U), shown as XXXX-XXXX-XXXX-XXXX
  verification_code char(16) NOT NULL CHECK (verification_code ~ '^[0-9A-HJKMNP-TV-Z]{16}$'),
  document_number text NOT NULL,
  application_id text NOT NULL,
  receipt_number text NOT NULL,
  procedure_code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('certificate', 'decision', 'permit', 'receipt')),
  title text NOT NULL,
  issuer text NOT NULL,
  department text NOT NULL,
  recipient_account_id text NOT NULL,
  -- Only the masked name (川＊ 花＊) a verifier is shown; the full name lives in the case.
  recipient_name_masked text NOT NULL DEFAULT '',
  sha256 bytea NOT NULL CHECK (octet_length(sha256) = 32),
  pdf bytea NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoked_by text,
  revoke_reason text,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, verification_code),
  -- One document per application: issuing again returns the first.
  UNIQUE (tenant_id, application_id),
  UNIQUE (tenant_id, document_number),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL) AND (revoked_at IS NULL) = (revoke_reason IS NULL))
);

CREATE INDEX documents_recipient_idx ON documents (tenant_id, recipient_account_id, issued_at DESC);
CREATE INDEX documents_sha256_idx ON documents (tenant_id, sha256);
CREATE INDEX documents_department_idx ON documents (tenant_id, department, issued_at DESC);

-- 文書番号: one counter per tenant and year.
CREATE TABLE document_counters (
  tenant_id text NOT NULL REFERENCES tenants(id),
  year smallint NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (tenant_id, year)
);

ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON documents USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

ALTER TABLE document_counters ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_counters FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON document_counters USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
