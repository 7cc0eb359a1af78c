-- Push-type services (C6): which version of each rule a city uses and whether staff approved telling people,
-- every run over the register, and the result per person and rule with the version that decided it.
--
-- elig_results keeps the people a rule finds eligible (absence means not eligible; 1.55 million residents ×
-- 35 rules would be 54 million rows, the eligible ones are about 2.6 million). A person stays one row per rule
-- while eligible; when a run no longer finds them the row is 'ended', and finding them again makes them new.
-- `baseline`: found by the first run of a rule, before the city used this system: already known to the city,
-- so never counted as newly eligible nor contacted as such.

CREATE TABLE elig_rule_settings (
  tenant_id text NOT NULL REFERENCES tenants(id),
  rule_id text NOT NULL,
  active_version integer NOT NULL CHECK (active_version >= 1),
  -- Staff approved the outreach: newly eligible people found on an event (a birth, a move-in …) are told at once.
  auto_notify boolean NOT NULL DEFAULT false,
  activated_by text NOT NULL,
  activated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, rule_id)
);

CREATE TABLE elig_runs (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- population: everyone; event: the households of a life event; preview: a proposed version, nothing stored.
  kind text NOT NULL CHECK (kind IN ('population', 'event', 'preview')),
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
  evaluated_on date NOT NULL,
  -- { "jido-teate": 1, … }: the versions this run used.
  rules jsonb NOT NULL,
  households integer NOT NULL DEFAULT 0,
  residents integer NOT NULL DEFAULT 0,
  eligible integer NOT NULL DEFAULT 0,
  newly_eligible integer NOT NULL DEFAULT 0,
  no_longer_eligible integer NOT NULL DEFAULT 0,
  -- A preview's difference from the active version: counts and a few people each way, with reasons.
  difference jsonb,
  error text,
  triggered_by text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX elig_runs_started ON elig_runs (tenant_id, started_at DESC);

CREATE TABLE elig_results (
  tenant_id text NOT NULL REFERENCES tenants(id),
  rule_id text NOT NULL,
  -- The resident (the register's id); for a household rule, the person the notice is addressed to.
  person_id bigint NOT NULL,
  version integer NOT NULL,
  household_id bigint NOT NULL,
  status text NOT NULL DEFAULT 'eligible' CHECK (status IN ('eligible', 'ended')),
  baseline boolean NOT NULL DEFAULT false,
  since date NOT NULL,
  since_run uuid NOT NULL,
  ended_run uuid,
  notified_at timestamptz,
  PRIMARY KEY (tenant_id, rule_id, person_id)
) WITH (fillfactor = 90);
-- What staff look at: per rule, the eligible not yet told.
CREATE INDEX elig_results_waiting ON elig_results (tenant_id, rule_id)
  WHERE status = 'eligible' AND NOT baseline AND notified_at IS NULL;
CREATE INDEX elig_results_household ON elig_results (tenant_id, household_id);

-- Each time staff approve telling the newly eligible of a rule: who approved, how many, and the notice sent.
CREATE TABLE elig_outreach (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  rule_id text NOT NULL,
  version integer NOT NULL,
  -- staff: an approval on the rule's page; event: told at once under a standing approval.
  kind text NOT NULL CHECK (kind IN ('staff', 'event')),
  people integer NOT NULL,
  -- People with no account linked to the register (nor an adult of their household with one): a letter.
  by_post integer NOT NULL DEFAULT 0,
  approved_by text NOT NULL,
  approved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

-- Who was told, through which account, by which notice: the base of conversion (who then applied).
CREATE TABLE elig_notices (
  tenant_id text NOT NULL REFERENCES tenants(id),
  rule_id text NOT NULL,
  person_id bigint NOT NULL,
  account_id uuid NOT NULL,
  outreach_id uuid NOT NULL,
  message_id uuid,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, rule_id, person_id, account_id)
);
CREATE INDEX elig_notices_outreach ON elig_notices (tenant_id, outreach_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['elig_rule_settings', 'elig_runs', 'elig_results', 'elig_outreach', 'elig_notices']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END $$;
