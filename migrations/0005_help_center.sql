-- Help center (DESIGN capability 10): articles in the database, every edit kept as a version, "Was this
-- helpful?" feedback, and what search needs: a weighted tsvector and trigram indexes for typo tolerance.
-- Owned by src/modules/help-center. PostgreSQL 15 subset; pg_trgm ships with PostgreSQL and with PGlite.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE help_articles (
  slug          text PRIMARY KEY CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  summary       text NOT NULL CHECK (length(summary) BETWEEN 1 AND 300),   -- the meta description
  body          text NOT NULL CHECK (length(body) <= 50000),              -- markdown (safe subset)
  body_text     text NOT NULL,                                             -- plain text of body, derived on save
  faq           jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(faq) = 'array'),   -- [{ "q": …, "a": … }]
  keywords      text NOT NULL DEFAULT '',
  product_line  text,                                                      -- the hotline offered at the end
  status        text NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
  position      integer NOT NULL DEFAULT 100,
  version       integer NOT NULL CHECK (version >= 1),
  author_id     text REFERENCES users(id),
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  published_at  timestamptz,
  -- Weights: title A; summary, keywords and FAQ questions B; body and FAQ answers C.
  search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A') ||
    setweight(to_tsvector('english', summary || ' ' || keywords), 'B') ||
    setweight(jsonb_to_tsvector('english', jsonb_path_query_array(faq, '$[*].q'), '["string"]'), 'B') ||
    setweight(to_tsvector('english', body_text), 'C') ||
    setweight(jsonb_to_tsvector('english', jsonb_path_query_array(faq, '$[*].a'), '["string"]'), 'C')
  ) STORED
);
CREATE INDEX help_articles_search_idx ON help_articles USING gin (search_vector);
CREATE INDEX help_articles_title_trgm_idx ON help_articles USING gin (title gin_trgm_ops);
CREATE INDEX help_articles_listing_idx ON help_articles (status, position, title);

-- Every edit, the first one included: what the article said, who wrote it and when.
CREATE TABLE help_article_versions (
  slug          text NOT NULL REFERENCES help_articles(slug),
  version       integer NOT NULL CHECK (version >= 1),
  title         text NOT NULL,
  summary       text NOT NULL,
  body          text NOT NULL,
  faq           jsonb NOT NULL,
  keywords      text NOT NULL,
  product_line  text,
  status        text NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
  position      integer NOT NULL,
  note          text CHECK (note IS NULL OR length(note) <= 500),
  author_id     text REFERENCES users(id),
  created_at    timestamptz NOT NULL,
  PRIMARY KEY (slug, version)
);

-- Anonymous "Was this helpful?" answers; the comment is redacted before it is stored.
CREATE TABLE help_article_feedback (
  id          bigserial PRIMARY KEY,
  slug        text NOT NULL REFERENCES help_articles(slug),
  version     integer NOT NULL,
  helpful     boolean NOT NULL,
  comment     text CHECK (comment IS NULL OR length(comment) <= 1000),
  created_at  timestamptz NOT NULL
);
CREATE INDEX help_article_feedback_slug_idx ON help_article_feedback (slug, created_at);

-- Words that occur in articles (unstemmed), for "did you mean" spelling correction by trigram similarity:
-- the pg_trgm documentation's recipe (F.35.5). Grows on every save; words are not removed when an article
-- stops using them (a stale word only adds a search alternative that matches nothing).
CREATE TABLE help_search_words (
  word  text PRIMARY KEY
);
CREATE INDEX help_search_words_trgm_idx ON help_search_words USING gin (word gin_trgm_ops);
