-- The procedure catalogue (手続一覧) of each tenant. `definition` is the whole Procedure (definition.ts);
-- the other columns repeat what lists filter and sort by, so they can be read without unpacking it.
CREATE TABLE procedures (
  tenant_id text NOT NULL REFERENCES tenants(id),
  code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  name text NOT NULL,
  name_kana text NOT NULL,
  name_en text NOT NULL,
  department text NOT NULL,
  filer text NOT NULL CHECK (filer IN ('resident', 'business', 'both')),
  availability text NOT NULL CHECK (availability IN ('online', 'online_with_visit', 'in_person')),
  life_events text[] NOT NULL DEFAULT '{}',
  categories text[] NOT NULL DEFAULT '{}',
  "full" boolean NOT NULL DEFAULT false,
  definition jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, code)
);

-- Which demo catalogue a tenant holds (a digest of it), so start-up skips loading an unchanged one.
CREATE TABLE procedure_catalogues (
  tenant_id text NOT NULL REFERENCES tenants(id),
  digest text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id)
);

ALTER TABLE procedures ENABLE ROW LEVEL SECURITY;
ALTER TABLE procedures FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON procedures USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

ALTER TABLE procedure_catalogues ENABLE ROW LEVEL SECURITY;
ALTER TABLE procedure_catalogues FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON procedure_catalogues USING (tenant_id = app_tenant())
  WITH CHECK (tenant_id = app_tenant());
