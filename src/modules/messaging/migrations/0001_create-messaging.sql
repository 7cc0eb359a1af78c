-- Messaging (C7): who receives the city's messages on which channel (subscribers with topics, ward, language
-- and age band), the messages staff compose for a segment, and one delivery row per message, subscriber and
-- channel: the primary key is what makes delivery exactly-once per recipient and channel. LINE recipients
-- are grouped into batches of at most 500 (one multicast each) whose retry key is stored before sending,
-- so a worker killed mid-send resends with the same X-Line-Retry-Key and LINE delivers once.

CREATE TABLE msg_subscribers (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  channel text NOT NULL CHECK (channel IN ('line', 'email', 'webpush', 'inbox')),
  -- LINE user id, e-mail address, push endpoint, or the account id for the in-app inbox.
  address text NOT NULL CHECK (length(address) BETWEEN 1 AND 2000),
  -- Web Push keys (p256dh, auth) of the subscription.
  keys jsonb,
  -- The resident account this subscriber is linked to, for personal notices.
  account_id uuid,
  topics text[] NOT NULL DEFAULT '{}',
  ward_code text,
  language text NOT NULL DEFAULT 'ja' CHECK (language IN ('ja', 'ja-easy', 'en')),
  -- For age bands of segments; only the year is kept.
  birth_year integer CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'blocked', 'unsubscribed', 'gone')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, channel, address)
);
CREATE INDEX msg_subscribers_topics ON msg_subscribers USING gin (topics);

CREATE TABLE msg_messages (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  -- The text in each language; a subscriber gets theirs, or Japanese when theirs is missing.
  body_ja text NOT NULL CHECK (length(body_ja) BETWEEN 1 AND 5000),
  body_easy text,
  body_en text,
  -- { topics: [], wards: [], ageMin, ageMax, languages: [], channels: [] }
  segment jsonb NOT NULL,
  -- Disaster and safety alerts go through their own queue, ahead of everything else.
  urgent boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'sending', 'sent', 'cancelled')),
  scheduled_at timestamptz,
  audience integer,
  created_by text NOT NULL,
  approved_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE msg_batches (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL,
  message_id uuid NOT NULL,
  channel text NOT NULL,
  -- One text per batch: a multicast carries the same message to all its recipients.
  language text NOT NULL,
  -- Sent as X-Line-Retry-Key on every attempt of this batch.
  retry_key uuid NOT NULL,
  recipients integer NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  sent_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, message_id) REFERENCES msg_messages (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE msg_deliveries (
  tenant_id text NOT NULL REFERENCES tenants(id),
  message_id uuid NOT NULL,
  subscriber_id uuid NOT NULL,
  channel text NOT NULL,
  batch_id uuid,
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'sent', 'failed', 'blocked', 'unsubscribed', 'gone')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  sent_at timestamptz,
  PRIMARY KEY (tenant_id, message_id, subscriber_id),
  FOREIGN KEY (tenant_id, message_id) REFERENCES msg_messages (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, subscriber_id) REFERENCES msg_subscribers (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX msg_deliveries_batch ON msg_deliveries (tenant_id, batch_id);

-- The in-app inbox: one row per account and message (exactly once by its key).
CREATE TABLE msg_inbox (
  tenant_id text NOT NULL REFERENCES tenants(id),
  account_id uuid NOT NULL,
  message_id uuid NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  PRIMARY KEY (tenant_id, account_id, message_id),
  FOREIGN KEY (tenant_id, message_id) REFERENCES msg_messages (tenant_id, id) ON DELETE CASCADE
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['msg_subscribers', 'msg_messages', 'msg_batches', 'msg_deliveries', 'msg_inbox']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END $$;
