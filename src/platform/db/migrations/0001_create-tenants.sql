-- Tenants (municipalities) and the function every row-level-security policy reads.
CREATE TABLE tenants (
  id text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]{1,62}$'),
  -- 全国地方公共団体コード (6 digits with check digit), e.g. 141305 for 川崎市
  lg_code char(6) NOT NULL UNIQUE CHECK (lg_code ~ '^[0-9]{6}$'),
  name_ja text NOT NULL,
  name_en text NOT NULL,
  -- Host names that select this tenant (e.g. kawasaki.cityhall.example); see docs/architecture.md
  hostnames text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The tenant of the current transaction, or NULL when none is set: then every policy matches nothing.
CREATE FUNCTION app_tenant() RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '') $$;
