-- Wards (区) and the organisation tree (局・部・課, 区役所) of each tenant.
CREATE TABLE wards (
  tenant_id text NOT NULL REFERENCES tenants(id),
  code char(6) NOT NULL CHECK (code ~ '^[0-9]{6}$'),
  name_ja text NOT NULL,
  name_kana text NOT NULL,
  name_en text NOT NULL,
  sort_order int NOT NULL,
  PRIMARY KEY (tenant_id, code)
);

CREATE TABLE departments (
  tenant_id text NOT NULL REFERENCES tenants(id),
  code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9.-]*$'),
  parent_code text,
  kind text NOT NULL CHECK (kind IN ('bureau', 'department', 'section', 'ward_office')),
  name_ja text NOT NULL,
  name_kana text NOT NULL,
  name_en text NOT NULL,
  ward_code char(6),
  sort_order int NOT NULL,
  PRIMARY KEY (tenant_id, code),
  FOREIGN KEY (tenant_id, parent_code) REFERENCES departments (tenant_id, code),
  FOREIGN KEY (tenant_id, ward_code) REFERENCES wards (tenant_id, code)
);

ALTER TABLE wards ENABLE ROW LEVEL SECURITY;
ALTER TABLE wards FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON wards USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

ALTER TABLE departments ENABLE ROW LEVEL SECURITY;
ALTER TABLE departments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON departments USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
