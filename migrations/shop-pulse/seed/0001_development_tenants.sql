-- Development data: three tenants, and for each the metrics every role may see (16 per tenant).
-- Applied only with `npm run migrate -- --seed` or a migration function built with seedData, never in production.
-- Row-level security is forced on every table, for the owner running this file too: each tenant's rows are
-- written with that tenant set (transaction-local, so it ends with this file's transaction).

DO $$
DECLARE
  tenant record;
BEGIN
  FOR tenant IN
    SELECT * FROM (VALUES
      ('T001', 'Fashion Boutique', 'Retail', 'Premium', 'USA', DATE '2024-01-01'),
      ('T002', 'Tech Gadgets Inc', 'Electronics', 'Enterprise', 'Canada', DATE '2024-01-15'),
      ('T003', 'Home Decor Co', 'Home & Garden', 'Standard', 'USA', DATE '2024-02-01')
    ) AS t (tenant_id, tenant_name, industry, plan_tier, country, created_date)
    ORDER BY tenant_id
  LOOP
    PERFORM set_config('app.tenant_id', tenant.tenant_id, true);

    INSERT INTO tenants (tenant_id, tenant_name, industry, plan_tier, country, created_date, is_active)
    VALUES (tenant.tenant_id, tenant.tenant_name, tenant.industry, tenant.plan_tier, tenant.country, tenant.created_date, true);

    INSERT INTO role_metric_visibility (tenant_id, role, metric_name, is_visible)
    SELECT tenant.tenant_id, metric.role, metric.metric_name, true
      FROM (VALUES
        ('Finance', 'gross_revenue'), ('Finance', 'net_revenue'), ('Finance', 'discount_amount'), ('Finance', 'margin'),
        ('Operations', 'fulfillment_status'), ('Operations', 'sla_met'), ('Operations', 'days_to_ship'), ('Operations', 'inventory_levels'),
        ('Marketing', 'campaign_spend'), ('Marketing', 'conversions'), ('Marketing', 'revenue_attributed'), ('Marketing', 'cac'),
        ('Admin', 'gross_revenue'), ('Admin', 'net_revenue'), ('Admin', 'fulfillment_status'), ('Admin', 'campaign_spend')
      ) AS metric (role, metric_name)
     ORDER BY metric.role, metric.metric_name;
  END LOOP;
END;
$$;
