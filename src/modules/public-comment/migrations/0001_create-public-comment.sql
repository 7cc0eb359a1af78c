-- Public comment (パブリックコメント): consultations with their documents and topics, the submissions
-- received (通), the opinions staff split them into (件), the changes made to the draft, the tenant's
-- response classes (対応区分) and the people who asked to be told when a consultation opens.

-- The tenant's list of response classes; a consultation copies it when created, so a published
-- report keeps the classes it was decided with.
CREATE TABLE pc_response_classes (
  tenant_id text NOT NULL REFERENCES tenants(id),
  code text NOT NULL CHECK (code ~ '^[A-Z]$'),
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
  position integer NOT NULL,
  PRIMARY KEY (tenant_id, code)
);

CREATE TABLE pc_consultations (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- Short public number used in addresses: /public-comments/12.
  number integer NOT NULL,
  department text NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- As it reads inside a sentence: 「川崎市DX推進プラン」の改定案
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
  summary text NOT NULL DEFAULT '',
  -- 'closed' is also what an open consultation is once its period has passed (see phase.ts).
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed', 'analysing', 'published')),
  opens_on date NOT NULL,
  closes_on date NOT NULL,
  methods text[] NOT NULL CHECK (cardinality(methods) > 0 AND methods <@ ARRAY['web', 'post', 'fax', 'in_person']),
  -- Where the documents can be read and how the consultation was announced (市政だより, 各区役所 …).
  announcements text[] NOT NULL DEFAULT '{}',
  -- Address, FAX number and counter for opinions that do not come through the web form.
  send_to text NOT NULL DEFAULT '',
  -- Written while analysing, printed in the result: 1 経過, the opening of 4, the note under 5, 6 今後の予定.
  background text NOT NULL DEFAULT '',
  overview text NOT NULL DEFAULT '',
  changes_note text NOT NULL DEFAULT '',
  schedule jsonb NOT NULL DEFAULT '[]',
  classes jsonb NOT NULL,
  -- The published report, frozen at publication: the HTML, PDF, CSV and JSON are all rendered from it.
  result jsonb,
  published_on date,
  opened_at timestamptz,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, number),
  CHECK (opens_on <= closes_on)
);

CREATE TABLE pc_topics (
  tenant_id text NOT NULL REFERENCES tenants(id),
  consultation_id uuid NOT NULL,
  -- ア, イ, ウ …
  code text NOT NULL CHECK (length(code) BETWEEN 1 AND 4),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  position integer NOT NULL,
  PRIMARY KEY (tenant_id, consultation_id, code),
  FOREIGN KEY (tenant_id, consultation_id) REFERENCES pc_consultations (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE pc_documents (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  file_key text NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'text/html')),
  size bigint NOT NULL,
  sha256 text NOT NULL,
  position integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, consultation_id) REFERENCES pc_consultations (tenant_id, id) ON DELETE CASCADE
);

-- One submission (通) as received. Name and contact are never published.
CREATE TABLE pc_submissions (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL,
  -- 1, 2, 3 … within the consultation; the receipt number says it: 12-0007.
  seq integer NOT NULL,
  channel text NOT NULL CHECK (channel IN ('web', 'post', 'fax', 'in_person')),
  received_on date NOT NULL,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  name text,
  contact text,
  -- The scan of a letter or fax, registered by staff.
  scan_file_key text,
  scan_file_name text,
  scan_content_type text,
  -- SHA-256 of the normalised text: a repeat from the same sender is answered with the first receipt.
  content_hash bytea NOT NULL,
  -- HMAC of the sender's address (web) so repeats and floods can be told apart without keeping the address.
  sender_hash bytea,
  idempotency_key text,
  duplicate_of uuid,
  -- Not counted (スパム, 案と無関係 …): the reason is required and audited.
  excluded_reason text,
  registered_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, consultation_id, seq),
  UNIQUE (tenant_id, consultation_id, idempotency_key),
  FOREIGN KEY (tenant_id, consultation_id) REFERENCES pc_consultations (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX pc_submissions_hash_idx ON pc_submissions (tenant_id, consultation_id, content_hash);

CREATE TABLE pc_changes (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL,
  position integer NOT NULL,
  summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 2000),
  after_text text NOT NULL CHECK (length(after_text) <= 10000),
  before_text text NOT NULL CHECK (length(before_text) <= 10000),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, consultation_id) REFERENCES pc_consultations (tenant_id, id) ON DELETE CASCADE
);

-- One opinion (件), split from a submission by staff.
CREATE TABLE pc_opinions (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL,
  submission_id uuid NOT NULL,
  topic_code text,
  -- 意見の要旨, 本市の考え方, 区分
  summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 10000),
  response text NOT NULL DEFAULT '' CHECK (length(response) <= 10000),
  class_code text,
  -- The change in the draft this opinion led to (class A usually has one).
  change_id uuid,
  -- Order within its topic in the report.
  position integer NOT NULL,
  -- Set when staff confirmed the topic (a suggested one is only a suggestion until then).
  topic_confirmed boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, submission_id) REFERENCES pc_submissions (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, change_id) REFERENCES pc_changes (tenant_id, id) ON DELETE SET NULL (change_id),
  FOREIGN KEY (tenant_id, consultation_id, topic_code) REFERENCES pc_topics (tenant_id, consultation_id, code)
);
CREATE INDEX pc_opinions_consultation_idx ON pc_opinions (tenant_id, consultation_id, position);

-- People told by e-mail when a consultation opens. Confirmed by a link first; one link to stop.
CREATE TABLE pc_subscriptions (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  email text NOT NULL,
  -- SHA-256 of the token in the confirm and stop links.
  token_hash bytea NOT NULL,
  confirmed_at timestamptz,
  unsubscribed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, email),
  UNIQUE (tenant_id, token_hash)
);

-- One notice per subscriber and consultation, however often the job runs.
CREATE TABLE pc_notices (
  tenant_id text NOT NULL REFERENCES tenants(id),
  subscription_id uuid NOT NULL,
  consultation_id uuid NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, subscription_id, consultation_id)
);

ALTER TABLE pc_response_classes ENABLE ROW LEVEL SECURITY;
ALTER TABLE pc_response_classes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON pc_response_classes USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
ALTER TABLE pc_consultations ENABLE ROW LEVEL SECURITY;
ALTER TABLE pc_consultations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON pc_consultations USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
ALTER TABLE pc_topics ENABLE ROW LEVEL SECURITY;
ALTER TABLE pc_topics FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON pc_topics USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
ALTER TABLE pc_documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE pc_documents FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON pc_documents USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
ALTER TABLE pc_submissions ENABLE ROW LEVEL SECURITY;
ALTER TABLE pc_submissions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON pc_submissions USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
ALTER TABLE pc_changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE pc_changes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON pc_changes USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
ALTER TABLE pc_opinions ENABLE ROW LEVEL SECURITY;
ALTER TABLE pc_opinions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON pc_opinions USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
ALTER TABLE pc_subscriptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE pc_subscriptions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON pc_subscriptions USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
ALTER TABLE pc_notices ENABLE ROW LEVEL SECURITY;
ALTER TABLE pc_notices FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON pc_notices USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
