-- Development data: three tenants, and for each the metrics every role may see (16 per tenant).
-- Applied only with `npm run migrate -- --seed` or a migration function built with seedData, never in production.

INSERT INTO tenants (tenant_id, tenant_name, industry, plan_tier, country, created_date, is_active) VALUES
  ('T001', 'Fashion Boutique', 'Retail', 'Premium', 'USA', DATE '2024-01-01', true),
  ('T002', 'Tech Gadgets Inc', 'Electronics', 'Enterprise', 'Canada', DATE '2024-01-15', true),
  ('T003', 'Home Decor Co', 'Home & Garden', 'Standard', 'USA', DATE '2024-02-01', true);

INSERT INTO role_metric_visibility (tenant_id, role, metric_name, is_visible)
SELECT tenant.tenant_id, metric.role, metric.metric_name, true
  FROM (VALUES ('T001'), ('T002'), ('T003')) AS tenant (tenant_id)
 CROSS JOIN (VALUES
   ('Finance', 'gross_revenue'), ('Finance', 'net_revenue'), ('Finance', 'discount_amount'), ('Finance', 'margin'),
   ('Operations', 'fulfillment_status'), ('Operations', 'sla_met'), ('Operations', 'days_to_ship'), ('Operations', 'inventory_levels'),
   ('Marketing', 'campaign_spend'), ('Marketing', 'conversions'), ('Marketing', 'revenue_attributed'), ('Marketing', 'cac'),
   ('Admin', 'gross_revenue'), ('Admin', 'net_revenue'), ('Admin', 'fulfillment_status'), ('Admin', 'campaign_spend')
 ) AS metric (role, metric_name)
 ORDER BY tenant.tenant_id, metric.role, metric.metric_name;
