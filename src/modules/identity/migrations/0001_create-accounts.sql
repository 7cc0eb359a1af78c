-- Accounts of residents, business people and staff; how they prove who they are; their sessions.
CREATE TABLE accounts (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('resident', 'staff')),
  -- Stored lower-cased: one account per address, whatever case it was typed in.
  email text CHECK (email = lower(email)),
  email_verified_at timestamptz,
  display_name text NOT NULL,
  password_hash text,
  failed_sign_ins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  -- Set when a My Number Card check matched this account to the resident register (住民記録).
  resident_id bigint,
  jpki_verified_at timestamptz,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, email)
);

-- Staff: roles and the departments and wards they work for (the policy decision point reads these).
CREATE TABLE staff_members (
  tenant_id text NOT NULL REFERENCES tenants(id),
  account_id uuid NOT NULL,
  staff_number text NOT NULL,
  roles text[] NOT NULL CHECK (roles <@ ARRAY['counter_staff', 'case_worker', 'department_admin', 'dx_admin', 'auditor']::text[] AND cardinality(roles) > 0),
  departments text[] NOT NULL DEFAULT '{}',
  wards text[] NOT NULL DEFAULT '{}',
  -- TOTP secret, envelope-encrypted with the tenant's data key; NULL until the second factor is set up.
  totp_secret bytea,
  totp_enrolled_at timestamptz,
  -- The last 30-second step accepted: a code cannot be used twice.
  totp_last_step bigint,
  PRIMARY KEY (tenant_id, account_id),
  UNIQUE (tenant_id, staff_number),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id)
);

-- Browsers a DX administrator has registered as the city's devices (zero trust: device posture).
CREATE TABLE staff_devices (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  token_hash bytea NOT NULL,
  label text NOT NULL,
  account_id uuid NOT NULL,
  registered_by uuid NOT NULL,
  registered_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, token_hash),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id)
);

CREATE TABLE passkeys (
  tenant_id text NOT NULL REFERENCES tenants(id),
  credential_id text NOT NULL, -- base64url, as WebAuthn names it
  account_id uuid NOT NULL,
  public_key bytea NOT NULL,
  counter bigint NOT NULL DEFAULT 0,
  transports text[] NOT NULL DEFAULT '{}',
  label text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  PRIMARY KEY (tenant_id, credential_id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id)
);
CREATE INDEX passkeys_account_idx ON passkeys (tenant_id, account_id);

-- A session is known by the SHA-256 of its cookie value: a leaked table cannot be replayed.
CREATE TABLE sessions (
  tenant_id text NOT NULL REFERENCES tenants(id),
  token_hash bytea NOT NULL,
  account_id uuid NOT NULL,
  -- 'password' | 'passkey' | 'jpki' (+ staff second factor): what the person proved at sign-in.
  method text NOT NULL,
  assurance text NOT NULL CHECK (assurance IN ('account', 'jpki_identity')),
  -- Staff sessions wait here until the second factor is given.
  mfa_pending boolean NOT NULL DEFAULT false,
  acting_for uuid,
  acting_as_business uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  ip text,
  user_agent text,
  PRIMARY KEY (tenant_id, token_hash),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id)
);
CREATE INDEX sessions_account_idx ON sessions (tenant_id, account_id) WHERE revoked_at IS NULL;

-- One-time links sent by e-mail (address verification, account recovery, business invitations).
CREATE TABLE email_tokens (
  tenant_id text NOT NULL REFERENCES tenants(id),
  token_hash bytea NOT NULL,
  account_id uuid NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('verify', 'recover')),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, token_hash),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id)
);

-- WebAuthn and OpenID Connect hand-shakes in flight; the browser holds only the id, in a cookie.
CREATE TABLE auth_flows (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  purpose text NOT NULL CHECK (purpose IN ('passkey_register', 'passkey_sign_in', 'oidc', 'jpki_challenge')),
  account_id uuid,
  data jsonb NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);

-- My Number Card links: the OpenID Connect subject or certificate serial that proved this account.
CREATE TABLE jpki_links (
  tenant_id text NOT NULL REFERENCES tenants(id),
  account_id uuid NOT NULL,
  source text NOT NULL CHECK (source IN ('oidc', 'certificate')),
  subject text NOT NULL, -- OIDC `sub`, or issuer + certificate serial
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, source, subject),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id)
);

-- 事業者: a business with members who act for it.
CREATE TABLE businesses (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  -- 法人番号 (13 digits with check digit); NULL for a sole proprietor (個人事業主)
  corporate_number char(13) CHECK (corporate_number ~ '^[0-9]{13}$'),
  address text NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, corporate_number)
);

CREATE TABLE business_members (
  tenant_id text NOT NULL REFERENCES tenants(id),
  business_id uuid NOT NULL,
  account_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
  added_by uuid NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, business_id, account_id),
  FOREIGN KEY (tenant_id, business_id) REFERENCES businesses (tenant_id, id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id)
);
CREATE INDEX business_members_account_idx ON business_members (tenant_id, account_id);

-- 代理: the principal lets the proxy act for them, for some procedures (or all), until a date.
CREATE TABLE proxy_grants (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  principal_id uuid NOT NULL,
  proxy_id uuid NOT NULL,
  relationship text NOT NULL CHECK (relationship IN ('family', 'supporter', 'guardian')),
  -- Procedure codes; empty means every procedure that allows a proxy.
  procedures text[] NOT NULL DEFAULT '{}',
  valid_until date NOT NULL,
  granted_by uuid NOT NULL,
  granted_by_kind text NOT NULL CHECK (granted_by_kind IN ('principal', 'staff')),
  -- For grants staff register from documents (e.g. 成年後見 登記事項証明書): what was seen.
  basis text,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoked_by uuid,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, principal_id) REFERENCES accounts (tenant_id, id),
  FOREIGN KEY (tenant_id, proxy_id) REFERENCES accounts (tenant_id, id),
  CHECK (principal_id <> proxy_id)
);
CREATE INDEX proxy_grants_proxy_idx ON proxy_grants (tenant_id, proxy_id) WHERE revoked_at IS NULL;
CREATE INDEX proxy_grants_principal_idx ON proxy_grants (tenant_id, principal_id);

ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON accounts USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

ALTER TABLE staff_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_members FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON staff_members USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

ALTER TABLE staff_devices ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_devices FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON staff_devices USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

ALTER TABLE passkeys ENABLE ROW LEVEL SECURITY;
ALTER TABLE passkeys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON passkeys USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sessions USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

ALTER TABLE email_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE email_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON email_tokens USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

ALTER TABLE auth_flows ENABLE ROW LEVEL SECURITY;
ALTER TABLE auth_flows FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON auth_flows USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

ALTER TABLE jpki_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE jpki_links FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON jpki_links USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

ALTER TABLE businesses ENABLE ROW LEVEL SECURITY;
ALTER TABLE businesses FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON businesses USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

ALTER TABLE business_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE business_members FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON business_members USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

ALTER TABLE proxy_grants ENABLE ROW LEVEL SECURITY;
ALTER TABLE proxy_grants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON proxy_grants USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
