-- Shipping of orders: warehouse, carrier, promised and actual delivery.

CREATE TABLE fulfillment (
  fulfillment_id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id              varchar(10) NOT NULL REFERENCES tenants (tenant_id),
  order_id               varchar(20) NOT NULL,
  warehouse              varchar(20),
  carrier                varchar(20),
  promised_delivery_date date,
  actual_delivery_date   date,
  fulfillment_status     varchar(20),
  sla_met                boolean,
  days_to_ship           integer,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  -- The order must be the same tenant's: a fulfillment can never point at another tenant's order.
  CONSTRAINT fulfillment_order_fkey FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, order_id)
);

-- An order's fulfillment (and the foreign key's checks): WHERE tenant_id = $1 AND order_id = $2.
CREATE INDEX fulfillment_tenant_order_idx ON fulfillment (tenant_id, order_id);
-- Deliveries in a date range: WHERE tenant_id = $1 AND actual_delivery_date BETWEEN $2 AND $3.
CREATE INDEX fulfillment_tenant_delivery_idx ON fulfillment (tenant_id, actual_delivery_date);

CREATE TRIGGER fulfillment_set_updated_at BEFORE UPDATE ON fulfillment
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

ALTER TABLE fulfillment ENABLE ROW LEVEL SECURITY;
CREATE POLICY fulfillment_tenant_isolation ON fulfillment
  USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
