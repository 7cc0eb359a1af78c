-- 受付番号 made by the database in the statement that stores the application: year (Japan time), a
-- serial of at least six digits and a check digit (weights 3,1,3,1… mod 10), e.g. 2026-004217-3.
CREATE FUNCTION application_receipt_number(serial bigint) RETURNS text
LANGUAGE sql VOLATILE AS $$
  WITH b AS (SELECT to_char(now() AT TIME ZONE 'Asia/Tokyo', 'YYYY') || lpad(serial::text, 6, '0') AS body)
  SELECT substr(body, 1, 4) || '-' || substr(body, 5) || '-' || (
    (10 - (SELECT sum(substr(body, i, 1)::int * CASE WHEN i % 2 = 1 THEN 3 ELSE 1 END)
           FROM generate_series(1, length(body)) AS i) % 10) % 10
  )::text
  FROM b
$$;
