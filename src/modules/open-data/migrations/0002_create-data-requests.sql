-- Data requests (利用者ニーズ): anyone asks for a dataset the city does not publish yet, others support
-- the request, and the DX office answers it (受付中 → 検討中 → 公開済み / 対応できない), linking the dataset
-- once it is published. The requester's e-mail is personal data and only staff see it.

CREATE TABLE od_data_requests (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- Short public number used in addresses: /open-data/requests/12.
  number integer NOT NULL CHECK (number > 0),
  -- What data is wanted (one line), the description of it, and what it would be used for.
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  purpose text NOT NULL DEFAULT '' CHECK (length(purpose) <= 1000),
  -- Personal data: never published, shown only to staff allowed to read it.
  contact_email text CHECK (contact_email IS NULL OR length(contact_email) BETWEEN 3 AND 254),
  -- open 受付中, considering 検討中, published 公開済み, declined 対応できない.
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'considering', 'published', 'declined')),
  -- The city's answer, shown with the request.
  answer text NOT NULL DEFAULT '' CHECK (length(answer) <= 2000),
  -- The published dataset that answers the request (set with 公開済み; the pages show it only while the
  -- dataset is active and public).
  dataset_id uuid,
  answered_at timestamptz,
  answered_by text,
  -- Taken off the public list by staff (個人情報を含む, 広告 …): the reason is required and audited.
  hidden_reason text CHECK (hidden_reason IS NULL OR length(hidden_reason) BETWEEN 1 AND 500),
  -- SHA-256 of the normalised title and description, and the keyed hash of the sender's address: the
  -- same text sent again by the same sender within minutes lands on the first request.
  content_hash bytea NOT NULL,
  sender_hash bytea NOT NULL,
  idempotency_key text,
  -- Bumped by every staff change, so two staff answering at once cannot overwrite each other unseen.
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, number),
  UNIQUE (tenant_id, idempotency_key),
  FOREIGN KEY (tenant_id, dataset_id) REFERENCES od_datasets (tenant_id, id) ON DELETE SET NULL (dataset_id)
);
CREATE INDEX od_data_requests_created ON od_data_requests (tenant_id, created_at DESC);
CREATE INDEX od_data_requests_sender ON od_data_requests (tenant_id, sender_hash, content_hash);

-- One support (賛同) per person and request. The supporter is the keyed hash of a random id kept in a
-- signed cookie, so no account and no address is stored. The requester is the first supporter.
CREATE TABLE od_data_request_supports (
  tenant_id text NOT NULL REFERENCES tenants(id),
  request_id uuid NOT NULL,
  supporter_hash bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, request_id, supporter_hash),
  FOREIGN KEY (tenant_id, request_id) REFERENCES od_data_requests (tenant_id, id) ON DELETE CASCADE
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['od_data_requests', 'od_data_request_supports']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END $$;
