-- Applications (申請) and the cases staff handle from them: one row from the first draft to the closed
-- case. Receipt numbers come from a sequence (no hot counter row under load; gaps are allowed).
CREATE SEQUENCE application_receipt_seq;

CREATE TABLE applications (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  receipt_number text,
  procedure_code text NOT NULL,
  procedure_name text NOT NULL,
  -- The handling unit (organisation code), resolved at submission (ward.kumin → ward-141313.kumin).
  department text NOT NULL,
  ward_code char(6),
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'in_review', 'correction_requested', 'resubmitted',
    'approved', 'rejected', 'issued', 'closed', 'withdrawn')),
  channel text NOT NULL CHECK (channel IN ('online', 'counter', 'post')),
  -- Who acted (a proxy or staff at the counter) and for whom; the business when filed for one.
  actor_id text NOT NULL,
  on_behalf_of text NOT NULL,
  via_proxy_grant text,
  business_id text,
  applicant_name text NOT NULL DEFAULT '',
  -- Where status notices go (the applicant's e-mail at submission); null: notices in the page only.
  notify_email text,
  answers jsonb NOT NULL DEFAULT '{}',
  -- My Number fields: encrypted together under the tenant's data key; answers hold a mask only.
  secret_answers bytea,
  prefilled jsonb NOT NULL DEFAULT '{}',
  fee_amount integer NOT NULL DEFAULT 0 CHECK (fee_amount >= 0),
  payment_status text NOT NULL DEFAULT 'none' CHECK (payment_status IN ('none', 'pending', 'paid', 'refunded')),
  -- The open correction request (補正): fields to change with a message each.
  correction jsonb,
  assigned_to text,
  due_date date,
  idempotency_key text,
  request_hash text,
  jpki_signature jsonb,
  document_id text,
  verification_code text,
  decision_reason text,
  submitted_at timestamptz,
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, receipt_number),
  UNIQUE (tenant_id, actor_id, idempotency_key)
);

CREATE INDEX applications_inbox_idx ON applications (tenant_id, department, status, due_date);
CREATE INDEX applications_owner_idx ON applications (tenant_id, on_behalf_of, created_at DESC);
CREATE INDEX applications_actor_idx ON applications (tenant_id, actor_id, created_at DESC);
CREATE INDEX applications_submitted_idx ON applications (tenant_id, submitted_at);

-- The timeline of an application: every status change, correction and resubmission, with who did it.
CREATE TABLE application_history (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  application_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id text NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('resident', 'staff', 'business', 'system')),
  from_status text,
  to_status text NOT NULL,
  note text,
  details jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, id)
);
CREATE INDEX application_history_app_idx ON application_history (tenant_id, application_id, id);

-- Messages between the applicant and staff (visible to both), and staff-only notes.
CREATE TABLE application_messages (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  application_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  author_id text NOT NULL,
  author_kind text NOT NULL CHECK (author_kind IN ('resident', 'staff')),
  internal boolean NOT NULL DEFAULT false,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, id)
);
CREATE INDEX application_messages_app_idx ON application_messages (tenant_id, application_id, id);

CREATE TABLE application_attachments (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL,
  field text NOT NULL,
  filename text NOT NULL,
  content_type text NOT NULL,
  bytes integer NOT NULL,
  sha256 text NOT NULL,
  storage_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, id)
);
CREATE INDEX application_attachments_app_idx ON application_attachments (tenant_id, application_id);

ALTER TABLE applications ENABLE ROW LEVEL SECURITY;
ALTER TABLE applications FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON applications USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
ALTER TABLE application_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE application_history FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON application_history USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
ALTER TABLE application_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE application_messages FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON application_messages USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
ALTER TABLE application_attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE application_attachments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON application_attachments USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
