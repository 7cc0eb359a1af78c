-- Open data catalogue (オープンデータ): datasets (CKAN "packages") with their resources, tags and groups,
-- every revision of a dataset's metadata, uploads waiting for publication with their quality report,
-- tabular rows for datastore_search, download counts per month, and staff API tokens for CKAN clients.

CREATE TABLE od_groups (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- CKAN name: lower-case ASCII, digits, - and _, 2–100 characters.
  name text NOT NULL CHECK (name ~ '^[a-z0-9_-]{2,100}$'),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, name)
);

CREATE TABLE od_datasets (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (name ~ '^[a-z0-9_-]{2,100}$'),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
  -- The publishing department (CKAN organization): a department code of the organisation module.
  organization text NOT NULL,
  license_id text NOT NULL CHECK (license_id IN ('cc-by-4.0', 'pdl-1.0')),
  -- How often it is updated: a code from model.ts (daily, weekly, monthly, quarterly, annual, irregular).
  frequency text NOT NULL DEFAULT 'irregular',
  spatial text NOT NULL DEFAULT '',
  temporal_start date,
  temporal_end date,
  contact_name text NOT NULL DEFAULT '',
  contact_email text NOT NULL DEFAULT '',
  -- 自治体標準オープンデータセット this dataset follows (schemas in ingest/schemas.ts), if any.
  standard text,
  private boolean NOT NULL DEFAULT false,
  state text NOT NULL DEFAULT 'active' CHECK (state IN ('draft', 'active', 'deleted')),
  revision integer NOT NULL DEFAULT 1,
  -- Normalised text and its character bigrams for Japanese full-text search (search/).
  search_text text NOT NULL DEFAULT '',
  search_vector tsvector NOT NULL DEFAULT ''::tsvector,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, name),
  CHECK (temporal_start IS NULL OR temporal_end IS NULL OR temporal_start <= temporal_end)
);
CREATE INDEX od_datasets_search ON od_datasets USING gin (search_vector);
CREATE INDEX od_datasets_modified ON od_datasets (tenant_id, modified_at DESC);

CREATE TABLE od_dataset_tags (
  tenant_id text NOT NULL REFERENCES tenants(id),
  dataset_id uuid NOT NULL,
  tag text NOT NULL CHECK (length(tag) BETWEEN 1 AND 100),
  PRIMARY KEY (tenant_id, dataset_id, tag),
  FOREIGN KEY (tenant_id, dataset_id) REFERENCES od_datasets (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX od_dataset_tags_tag ON od_dataset_tags (tenant_id, tag);

CREATE TABLE od_dataset_groups (
  tenant_id text NOT NULL REFERENCES tenants(id),
  dataset_id uuid NOT NULL,
  group_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, dataset_id, group_id),
  FOREIGN KEY (tenant_id, dataset_id) REFERENCES od_datasets (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, group_id) REFERENCES od_groups (tenant_id, id) ON DELETE CASCADE
);

-- Every change of a dataset's metadata or resources, with the whole dataset as it was after it.
CREATE TABLE od_dataset_revisions (
  tenant_id text NOT NULL REFERENCES tenants(id),
  dataset_id uuid NOT NULL,
  revision integer NOT NULL,
  action text NOT NULL,
  actor text NOT NULL,
  snapshot jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, dataset_id, revision),
  FOREIGN KEY (tenant_id, dataset_id) REFERENCES od_datasets (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE od_resources (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  dataset_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  -- CSV, JSON, GeoJSON, XLSX, PDF, or HTML (and anything else for a link).
  format text NOT NULL DEFAULT '',
  -- 'upload': a file in file storage (file_key); 'link': a URL somewhere else.
  url_type text NOT NULL CHECK (url_type IN ('upload', 'link')),
  url text NOT NULL DEFAULT '',
  file_key text,
  file_name text,
  mimetype text,
  size bigint,
  sha256 text,
  -- Tabular resources: the columns (name, type) and the rows loaded for datastore_search.
  columns jsonb,
  row_count integer,
  datastore_active boolean NOT NULL DEFAULT false,
  -- Latitude / longitude columns when the table has coordinates (GeoJSON and the map use them).
  lat_column text,
  lon_column text,
  -- What the upload was before conversion (utf-8, utf-8-bom, shift_jis) and its quality report.
  source_encoding text,
  report jsonb,
  position integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, dataset_id) REFERENCES od_datasets (tenant_id, id) ON DELETE CASCADE,
  CHECK ((url_type = 'upload') = (file_key IS NOT NULL))
);
CREATE INDEX od_resources_dataset ON od_resources (tenant_id, dataset_id, position);

-- An uploaded file checked but not yet published: staff read its report and publish it or upload a
-- fixed file. Nothing reaches the catalogue until the report has no errors.
CREATE TABLE od_uploads (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  dataset_id uuid NOT NULL,
  -- The resource this upload replaces, when it is a new version of one.
  resource_id uuid,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  format text NOT NULL,
  file_key text NOT NULL,
  file_name text NOT NULL,
  mimetype text NOT NULL,
  size bigint NOT NULL,
  sha256 text NOT NULL,
  standard text,
  report jsonb NOT NULL,
  ok boolean NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, dataset_id) REFERENCES od_datasets (tenant_id, id) ON DELETE CASCADE
);

-- Rows of tabular resources, as JSON objects keyed by column name (datastore_search).
CREATE TABLE od_datastore_rows (
  tenant_id text NOT NULL REFERENCES tenants(id),
  resource_id uuid NOT NULL,
  row_no integer NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (tenant_id, resource_id, row_no),
  FOREIGN KEY (tenant_id, resource_id) REFERENCES od_resources (tenant_id, id) ON DELETE CASCADE
);

-- Downloads per resource and month (the plan's downloads KPI: 38,163 → 63,000+).
CREATE TABLE od_downloads (
  tenant_id text NOT NULL REFERENCES tenants(id),
  resource_id uuid NOT NULL,
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  count bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, resource_id, month),
  FOREIGN KEY (tenant_id, resource_id) REFERENCES od_resources (tenant_id, id) ON DELETE CASCADE
);

-- API tokens staff create for CKAN clients (ckanapi, ckan.js …): sent as the Authorization header.
CREATE TABLE od_api_tokens (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  account_id text NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  token_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, token_hash)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['od_groups', 'od_datasets', 'od_dataset_tags', 'od_dataset_groups',
    'od_dataset_revisions', 'od_resources', 'od_uploads', 'od_datastore_rows', 'od_downloads', 'od_api_tokens']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END $$;
