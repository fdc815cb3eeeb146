-- Similarity search, a contributor's statistics, and the views the application and operators read.

-- Content most similar to an embedding: at least similarity_threshold (cosine similarity, 1 = same
-- direction), optionally of some types and visibilities, most similar first, at most max_results.
-- The filters take text arrays (ARRAY['blog'], '{blog,podcast}', or a driver's string array) and cast
-- them to the enum types here: ARRAY['blog'] is text[], which PostgreSQL will not cast to content_type[]
-- implicitly, so a signature with enum arrays rejects the most natural call. An unknown value is an error
-- naming it (invalid input value for enum content_type).
-- The HNSW index yields candidates in distance order and the filters are applied to them; with the default
-- scan a selective filter can leave fewer than max_results rows although more qualify. Iterative scans
-- (pgvector 0.8+) keep reading the index, in exact order, until max_results rows pass the filters or
-- hnsw.max_scan_tuples (default 20,000) have been read.
CREATE FUNCTION search_content_by_embedding(
  query_embedding      vector(1536),
  similarity_threshold double precision DEFAULT 0.8,
  max_results          integer DEFAULT 10,
  content_types        text[] DEFAULT NULL,
  visibility_filter    text[] DEFAULT NULL
)
RETURNS TABLE (
  id           uuid,
  title        varchar(500),
  description  text,
  content_type content_type,
  visibility   visibility,
  similarity   double precision,
  user_id      uuid,
  tags         text[]
)
LANGUAGE sql STABLE
SET hnsw.iterative_scan = strict_order
AS $$
  SELECT c.id, c.title, c.description, c.content_type, c.visibility,
         1 - (c.embedding <=> query_embedding) AS similarity,
         c.user_id, c.tags
    FROM content c
   WHERE c.embedding IS NOT NULL
     AND 1 - (c.embedding <=> query_embedding) >= similarity_threshold
     AND (content_types IS NULL OR c.content_type = ANY (content_types::content_type[]))
     AND (visibility_filter IS NULL OR c.visibility = ANY (visibility_filter::visibility[]))
   ORDER BY c.embedding <=> query_embedding
   LIMIT max_results
$$;

-- A contributor's statistics as JSON:
--   {"total_content": 3, "content_by_type": {"blog": 2, "youtube": 1},
--    "content_by_visibility": {"public": 2, "private": 1}, "badges": [{"badge_type": "hero", "awarded_at": "..."}]}
-- Each part is its own aggregate over the user's rows: the counts are of content items, and a type or
-- visibility with no content is absent rather than a null key. A user with nothing gets zeros and empty
-- objects; an unknown user the same.
CREATE FUNCTION get_user_stats(user_uuid uuid) RETURNS json
LANGUAGE sql STABLE
AS $$
  SELECT json_build_object(
    'total_content', (SELECT count(*) FROM content WHERE user_id = user_uuid),
    'content_by_type', COALESCE(
      (SELECT json_object_agg(content_type, items ORDER BY content_type)
         FROM (SELECT content_type, count(*) AS items FROM content WHERE user_id = user_uuid GROUP BY content_type) AS by_type),
      '{}'::json),
    'content_by_visibility', COALESCE(
      (SELECT json_object_agg(visibility, items ORDER BY visibility)
         FROM (SELECT visibility, count(*) AS items FROM content WHERE user_id = user_uuid GROUP BY visibility) AS by_visibility),
      '{}'::json),
    'badges', COALESCE(
      (SELECT json_agg(json_build_object('badge_type', badge_type, 'awarded_at', awarded_at) ORDER BY awarded_at, badge_type)
         FROM user_badges WHERE user_id = user_uuid),
      '[]'::json)
  )
$$;

-- The public feed with author and URLs, newest first (content without a date last).
CREATE VIEW public_content AS
SELECT c.id, c.title, c.description, c.content_type, c.publish_date, c.capture_date, c.tags, c.user_id,
       u.username, u.profile_slug,
       -- Content without URLs gets an empty array, not {NULL}.
       COALESCE(array_agg(cu.url ORDER BY cu.created_at, cu.url) FILTER (WHERE cu.url IS NOT NULL), '{}') AS urls
  FROM content c
  JOIN users u ON u.id = c.user_id
  LEFT JOIN content_urls cu ON cu.content_id = c.id
 WHERE c.visibility = 'public'
 GROUP BY c.id, u.username, u.profile_slug
 ORDER BY c.publish_date DESC NULLS LAST;

-- Planner statistics of this schema's columns, for operators tuning indexes (pg_stats shows a reader only
-- the columns it may read).
CREATE VIEW database_stats AS
SELECT schemaname, tablename, attname, n_distinct, correlation, most_common_vals, most_common_freqs
  FROM pg_stats
 WHERE schemaname = 'public'
 ORDER BY schemaname, tablename, attname;
