-- Reference data every environment needs, production included: the nine trivia categories and the first season.
-- Categories get fixed ids so that the same category has the same id in every environment (catalog
-- imports and support tooling can refer to it); applications look categories up by slug.

INSERT INTO categories (id, name, slug, description, display_order) VALUES
  ('6f1c0a3e-0001-4000-8000-000000000001', 'Science',           'science',         'Physics, chemistry, biology and the night sky', 1),
  ('6f1c0a3e-0002-4000-8000-000000000002', 'History',           'history',         'People, events and turning points of the past', 2),
  ('6f1c0a3e-0003-4000-8000-000000000003', 'Geography',         'geography',       'Countries, capitals, rivers and mountains', 3),
  ('6f1c0a3e-0004-4000-8000-000000000004', 'Sports',            'sports',          'Games, teams, records and athletes', 4),
  ('6f1c0a3e-0005-4000-8000-000000000005', 'Arts',              'arts',            'Painting, music, theatre and dance', 5),
  ('6f1c0a3e-0006-4000-8000-000000000006', 'Entertainment',     'entertainment',   'Film, television and popular culture', 6),
  ('6f1c0a3e-0007-4000-8000-000000000007', 'Technology',        'technology',      'Computers, the internet and inventions', 7),
  ('6f1c0a3e-0008-4000-8000-000000000008', 'Literature',        'literature',      'Books, authors and the stories they told', 8),
  ('6f1c0a3e-0009-4000-8000-000000000009', 'Weird & Wonderful', 'weird-wonderful', 'Strange and surprising facts from any field', 9);

-- Fixed dates rather than now(): a season must start and end at the same instant in every environment,
-- whenever each database happened to be migrated (or re-created from scratch). Three months of northern
-- winter, in UTC; to move the dates before production has applied this file, edit it, afterwards add a
-- migration that updates the row.
INSERT INTO seasons (id, name, starts_at, ends_at, grace_days, is_active) VALUES
  ('winter-s1', 'Winter Season 1', '2026-12-01 00:00:00+00', '2027-03-01 00:00:00+00', 7, true);
