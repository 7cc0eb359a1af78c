-- 個人番号 (My Number), a designated personal field: stored only encrypted with the tenant's data key,
-- and found by exact match through its blind index (src/platform/crypto/field-crypto.ts).
ALTER TABLE residents ADD COLUMN my_number bytea;
ALTER TABLE residents ADD COLUMN my_number_index bytea;
CREATE UNIQUE INDEX residents_my_number_index_idx ON residents (tenant_id, my_number_index) WHERE my_number_index IS NOT NULL;
