-- The URLs of a piece of content (a talk can have a video and slides).

CREATE TABLE content_urls (
  id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  content_id uuid        NOT NULL REFERENCES content (id) ON DELETE CASCADE,
  url        text        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT content_urls_url_format CHECK (url ~* '^https?://'),
  CONSTRAINT content_urls_url_length CHECK (length(url) <= 2048)
);

-- The URLs of a content item (and the cascade when it is deleted).
CREATE INDEX content_urls_content_id_idx ON content_urls (content_id);
-- Is this URL already tracked? WHERE url = $1.
CREATE INDEX content_urls_url_idx ON content_urls (url);
