-- Orders, one row per order, as the tenant's shop reports them.

CREATE TABLE orders (
  tenant_id       varchar(10)   NOT NULL REFERENCES tenants (tenant_id),
  order_id        varchar(20)   NOT NULL,
  order_date      date          NOT NULL,
  store_id        varchar(10),
  region          varchar(10),
  channel         varchar(20),
  order_status    varchar(20),
  items_count     integer,
  gross_revenue   numeric(10,2),
  discount_amount numeric(10,2),
  net_revenue     numeric(10,2),
  currency        varchar(3)    NOT NULL DEFAULT 'USD',
  created_at      timestamptz   NOT NULL DEFAULT now(),
  updated_at      timestamptz   NOT NULL DEFAULT now(),
  -- Order ids are the tenant's own: unique within a tenant. (A key on order_id alone would let one
  -- tenant's order number block another's, and tell it that the other has that order.)
  CONSTRAINT orders_pkey PRIMARY KEY (tenant_id, order_id)
);

-- Every index leads with tenant_id: each query is one tenant's.
-- Orders in a date range: WHERE tenant_id = $1 AND order_date BETWEEN $2 AND $3.
CREATE INDEX orders_tenant_date_idx ON orders (tenant_id, order_date);
-- By region and by store: WHERE tenant_id = $1 AND region = $2 / AND store_id = $2.
CREATE INDEX orders_tenant_region_idx ON orders (tenant_id, region);
CREATE INDEX orders_tenant_store_idx ON orders (tenant_id, store_id);

CREATE TRIGGER orders_set_updated_at BEFORE UPDATE ON orders
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY orders_tenant_isolation ON orders
  USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
