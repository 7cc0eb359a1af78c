-- Residents' own choices and the city's personal notices.
-- * `personal`: whether a channel also carries notices meant for this resident (eligibility, application
--   status), not only the topics. The in-app inbox always does: it is the record of what the city said.
-- * `pending`: an e-mail address waiting for its confirmation link (double opt-in); nothing is sent to it.
-- * Personal notices are messages of kind 'personal' with their recipients by account, each with an
--   optional note (why this person: 「お子さんが3歳未満のため…」) shown in their inbox. `source` names what
--   produced a notice (e.g. `eligibility:jido-teate@1:12345`) and is unique, so a retried event or a
--   second approval never tells anyone twice.
ALTER TABLE msg_subscribers ADD COLUMN personal boolean NOT NULL DEFAULT true;
ALTER TABLE msg_subscribers DROP CONSTRAINT msg_subscribers_status_check;
ALTER TABLE msg_subscribers ADD CONSTRAINT msg_subscribers_status_check
  CHECK (status IN ('pending', 'active', 'blocked', 'unsubscribed', 'gone'));
CREATE INDEX msg_subscribers_account ON msg_subscribers (tenant_id, account_id) WHERE account_id IS NOT NULL;

ALTER TABLE msg_messages ADD COLUMN kind text NOT NULL DEFAULT 'segment' CHECK (kind IN ('segment', 'personal'));
ALTER TABLE msg_messages ADD COLUMN source text;
CREATE UNIQUE INDEX msg_messages_source ON msg_messages (tenant_id, source) WHERE source IS NOT NULL;

CREATE TABLE msg_message_accounts (
  tenant_id text NOT NULL REFERENCES tenants(id),
  message_id uuid NOT NULL,
  account_id uuid NOT NULL,
  note text CHECK (note IS NULL OR length(note) <= 1000),
  PRIMARY KEY (tenant_id, message_id, account_id),
  FOREIGN KEY (tenant_id, message_id) REFERENCES msg_messages (tenant_id, id) ON DELETE CASCADE
);

ALTER TABLE msg_message_accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE msg_message_accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON msg_message_accounts USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
