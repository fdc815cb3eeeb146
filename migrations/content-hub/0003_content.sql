-- Community content (posts, videos, repositories, talks, podcasts) with its embedding for similarity search.

CREATE TABLE content (
  id              uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Content goes with its contributor (erasure requests).
  user_id         uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title           varchar(500) NOT NULL,
  description     text,
  content_type    content_type NOT NULL,
  visibility      visibility   NOT NULL DEFAULT 'private',
  -- "Not in the future" is checked by the application: a CHECK calling now() is not immutable, so a
  -- restore or reload at another time could reject rows the database once accepted.
  publish_date    timestamptz,
  capture_date    timestamptz  NOT NULL DEFAULT now(),
  metrics         jsonb        NOT NULL DEFAULT '{}',
  tags            text[]       NOT NULL DEFAULT '{}',
  -- OpenAI ada-002 / text-embedding-3-small size.
  embedding       vector(1536),
  is_claimed      boolean      NOT NULL DEFAULT true,
  original_author varchar(255),
  created_at      timestamptz  NOT NULL DEFAULT now(),
  updated_at      timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT content_title_not_empty CHECK (length(trim(title)) > 0),
  CONSTRAINT content_tags_at_most_20 CHECK (cardinality(tags) <= 20)
);

-- Similarity search: ORDER BY embedding <=> $1 (cosine distance). Only cosine is queried, so there is no
-- second (L2) HNSW index: each one doubles the write cost and the memory of the vector index.
CREATE INDEX content_embedding_cosine_idx ON content
  USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64);

-- A contributor's content by visibility (and the cascade when a user is deleted): WHERE user_id = $1 [AND visibility = $2].
CREATE INDEX content_user_visibility_idx ON content (user_id, visibility);
-- Browsing by type: WHERE content_type = $1 [AND visibility = $2].
CREATE INDEX content_type_visibility_idx ON content (content_type, visibility);
-- The public feed: WHERE visibility = 'public' ORDER BY publish_date DESC.
CREATE INDEX content_visibility_publish_date_idx ON content (visibility, publish_date DESC);
-- Listings by date, newest first.
CREATE INDEX content_publish_date_idx ON content (publish_date DESC);
CREATE INDEX content_capture_date_idx ON content (capture_date DESC);
CREATE INDEX content_created_at_idx ON content (created_at DESC);
-- Tag containment: WHERE tags @> ARRAY['serverless'].
CREATE INDEX content_tags_idx ON content USING gin (tags);
-- Metrics queries: WHERE metrics @> '{"source": "youtube"}' or metrics ? 'views'.
CREATE INDEX content_metrics_idx ON content USING gin (metrics);
-- Full-text search: WHERE to_tsvector('english', title) @@ websearch_to_tsquery('english', $1) (same for description).
CREATE INDEX content_title_fts_idx ON content USING gin (to_tsvector('english', title));
CREATE INDEX content_description_fts_idx ON content USING gin (to_tsvector('english', description));

CREATE TRIGGER content_set_updated_at BEFORE UPDATE ON content
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

COMMENT ON COLUMN content.embedding IS 'Embedding of the content for similarity search (1536 dimensions, cosine distance)';
COMMENT ON COLUMN content.metrics IS 'Engagement metrics (views, likes, shares ...) as reported by the source';
