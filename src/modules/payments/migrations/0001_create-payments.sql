-- Fees (手数料) and their payment: online through the payment provider, or at the counter (cash or
-- cashless). application_id is the applications module's id as text: no foreign key across modules.
CREATE TABLE payments (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  application_id text,
  receipt_number text,
  description text NOT NULL,
  department text,
  amount integer NOT NULL CHECK (amount > 0 AND amount <= 10000000),
  currency text NOT NULL DEFAULT 'jpy' CHECK (currency = 'jpy'),
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'paid', 'failed', 'cancelled', 'refunded', 'partially_refunded')),
  -- What was offered online (card, paypay); what was used once paid.
  methods text[] NOT NULL DEFAULT '{}',
  method text CHECK (method IN ('card', 'paypay', 'bank_transfer', 'cash', 'el_qr', 'counter_card', 'counter_qr', 'counter_emoney')),
  channel text NOT NULL CHECK (channel IN ('online', 'counter')),
  -- KPI ①イ: every method but cash counts as cashless (see docs/adr/0010).
  cashless boolean,
  payer text,
  return_url text,
  provider_session_id text,
  checkout_url text,
  provider_payment_id text,
  failure_reason text,
  paid_at timestamptz,
  refunded_amount integer NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, provider_session_id),
  CHECK (channel = 'counter' OR payer IS NOT NULL)
);
-- One open attempt and one settled payment per application: a second click reuses, never pays twice.
CREATE UNIQUE INDEX payments_one_open_idx ON payments (tenant_id, application_id) WHERE status = 'pending';
CREATE UNIQUE INDEX payments_one_paid_idx ON payments (tenant_id, application_id)
  WHERE status IN ('paid', 'partially_refunded');
CREATE INDEX payments_paid_at_idx ON payments (tenant_id, paid_at);
CREATE INDEX payments_created_at_idx ON payments (tenant_id, created_at DESC);
CREATE INDEX payments_receipt_idx ON payments (tenant_id, receipt_number);

CREATE TABLE refunds (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  payment_id uuid NOT NULL,
  amount integer NOT NULL CHECK (amount > 0),
  reason text NOT NULL,
  -- Cash refunds at the counter have no provider refund.
  provider_refund_id text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, provider_refund_id),
  FOREIGN KEY (tenant_id, payment_id) REFERENCES payments (tenant_id, id)
);
CREATE INDEX refunds_created_at_idx ON refunds (tenant_id, created_at);

-- Webhook events already handled: the provider retries and may send one event twice.
CREATE TABLE payment_provider_events (
  tenant_id text NOT NULL REFERENCES tenants(id),
  event_id text NOT NULL,
  type text NOT NULL,
  provider_session_id text,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, event_id)
);

-- Bills of taxes and public funds issued by the tax system (地方税統一QRコード, eL-QR), shown on the
-- resident's page. eL番号 and the QR text are stored exactly as the tax system gives them.
CREATE TABLE el_bills (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- Whom the bill is for: the register's resident, or the e-mail an e-delivery sign-up gave.
  resident_id bigint,
  recipient_email text CHECK (recipient_email = lower(recipient_email)),
  tax_kind text NOT NULL,
  fiscal_year integer NOT NULL,
  installment integer NOT NULL DEFAULT 1,
  amount integer NOT NULL CHECK (amount > 0),
  due_date date NOT NULL,
  el_number text NOT NULL,
  qr_text text NOT NULL,
  paid_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, el_number),
  CHECK (resident_id IS NOT NULL OR recipient_email IS NOT NULL)
);
CREATE INDEX el_bills_resident_idx ON el_bills (tenant_id, resident_id);
CREATE INDEX el_bills_email_idx ON el_bills (tenant_id, recipient_email);

ALTER TABLE payments ENABLE ROW LEVEL SECURITY;
ALTER TABLE payments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON payments USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

ALTER TABLE refunds ENABLE ROW LEVEL SECURITY;
ALTER TABLE refunds FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON refunds USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

ALTER TABLE payment_provider_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_provider_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON payment_provider_events USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

ALTER TABLE el_bills ENABLE ROW LEVEL SECURITY;
ALTER TABLE el_bills FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON el_bills USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
