-- The resident register (住民記録) of the demo: synthetic households and residents only.
CREATE TABLE households (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id bigint NOT NULL,
  -- 全国地方公共団体コード of the ward; the organisation module owns the ward list (no cross-module FK)
  ward_code char(6) NOT NULL,
  postal_code char(7) NOT NULL CHECK (postal_code ~ '^[0-9]{7}$'),
  address text NOT NULL,
  income_band smallint NOT NULL CHECK (income_band BETWEEN 1 AND 10),
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE residents (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id bigint NOT NULL,
  household_id bigint NOT NULL,
  relationship text NOT NULL, -- 続柄: 世帯主 妻 夫 子 父 母
  family_name text NOT NULL,
  given_name text NOT NULL,
  family_name_kana text NOT NULL,
  given_name_kana text NOT NULL,
  birth_date date NOT NULL,
  sex char(1) NOT NULL CHECK (sex IN ('1', '2')), -- 住民基本台帳: 1 男, 2 女
  nationality char(2) NOT NULL DEFAULT 'JP', -- ISO 3166-1 alpha-2
  disability_type text CHECK (disability_type IN ('physical', 'intellectual', 'mental')),
  disability_grade text,
  ward_code char(6) NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT residents_household_fkey FOREIGN KEY (tenant_id, household_id) REFERENCES households (tenant_id, id),
  CHECK ((disability_type IS NULL) = (disability_grade IS NULL))
);

CREATE INDEX residents_household_idx ON residents (tenant_id, household_id);
CREATE INDEX residents_ward_birth_idx ON residents (tenant_id, ward_code, birth_date);

ALTER TABLE households ENABLE ROW LEVEL SECURITY;
ALTER TABLE households FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON households USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

ALTER TABLE residents ENABLE ROW LEVEL SECURITY;
ALTER TABLE residents FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON residents USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
