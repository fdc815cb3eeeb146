-- The NFT catalog, mints, the NFTs players own and forging (burning several NFTs to mint a higher one).
-- Owned NFTs and forging are keyed by the wallet's stake key, not by player: an NFT belongs to whoever
-- holds the wallet, so these tables deliberately have no foreign key to players.

-- Artwork and metadata prepared ahead of minting; the files are in S3, only their keys are kept here.
CREATE TABLE nft_catalog (
  id          uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  category_id uuid         NOT NULL REFERENCES categories (id),
  name        varchar(200) NOT NULL,
  description text,
  s3_art_key  varchar(500) NOT NULL,
  s3_meta_key varchar(500) NOT NULL,
  -- Set when the artwork is pinned to IPFS at mint time.
  ipfs_cid    varchar(100),
  is_minted   boolean      NOT NULL DEFAULT false,
  minted_at   timestamptz,
  tier        varchar(20)  NOT NULL DEFAULT 'category',
  attributes  jsonb,
  created_at  timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT nft_catalog_tier_known CHECK (tier IN ('category', 'ultimate', 'master', 'seasonal'))
);

-- An unminted item to mint for a category and tier: WHERE category_id = $1 AND tier = $2 AND NOT is_minted LIMIT 1.
CREATE INDEX nft_catalog_available_idx ON nft_catalog (category_id, tier) WHERE NOT is_minted;
-- Recently minted items: WHERE is_minted ORDER BY minted_at DESC LIMIT $1.
CREATE INDEX nft_catalog_minted_idx ON nft_catalog (is_minted, minted_at);

CREATE TABLE mints (
  id                uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The eligibility it used; a failed mint may be retried with the same one, so it is not unique.
  eligibility_id    uuid         NOT NULL REFERENCES eligibilities (id),
  catalog_id        uuid         NOT NULL REFERENCES nft_catalog (id),
  player_id         uuid         NOT NULL REFERENCES players (id) ON DELETE CASCADE,
  stake_key         varchar(255) NOT NULL,
  status            varchar(20)  NOT NULL DEFAULT 'pending',
  tx_hash           varchar(64),
  policy_id         varchar(56)  NOT NULL,
  asset_fingerprint varchar(44),
  token_name        varchar(64),
  ipfs_cid          varchar(100),
  error             text,
  created_at        timestamptz  NOT NULL DEFAULT now(),
  confirmed_at      timestamptz,
  CONSTRAINT mints_status_known CHECK (status IN ('pending', 'confirmed', 'failed'))
);

-- A player's mints: WHERE player_id = $1 ORDER BY created_at DESC LIMIT $2 (and the cascade on player delete).
CREATE INDEX mints_player_recent_idx ON mints (player_id, created_at DESC);
-- Mints in one state, oldest first (the confirmation poller): WHERE status = 'pending' ORDER BY created_at LIMIT $1.
CREATE INDEX mints_status_idx ON mints (status, created_at);
-- The mint of a transaction seen on chain: WHERE tx_hash = $1.
CREATE INDEX mints_tx_hash_idx ON mints (tx_hash) WHERE tx_hash IS NOT NULL;
-- The mints of an eligibility (and the foreign key check when eligibilities are deleted).
CREATE INDEX mints_eligibility_idx ON mints (eligibility_id);

-- NFTs confirmed on chain, keyed by the holding wallet.
CREATE TABLE player_nfts (
  id                uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  stake_key         varchar(255) NOT NULL,
  policy_id         varchar(56)  NOT NULL,
  -- CIP-14 asset fingerprint; its unique constraint's index serves the look-up by fingerprint.
  asset_fingerprint varchar(44)  NOT NULL,
  token_name        varchar(64)  NOT NULL,
  source            varchar(20)  NOT NULL,
  category_id       uuid         REFERENCES categories (id),
  season_id         varchar(50)  REFERENCES seasons (id),
  tier              varchar(20)  NOT NULL,
  status            varchar(20)  NOT NULL DEFAULT 'confirmed',
  minted_at         timestamptz  NOT NULL,
  burned_at         timestamptz,
  metadata          jsonb        NOT NULL,
  created_at        timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT player_nfts_asset_fingerprint_key UNIQUE (asset_fingerprint),
  CONSTRAINT player_nfts_source_known CHECK (source IN ('mint', 'forge')),
  CONSTRAINT player_nfts_tier_known CHECK (tier IN ('category', 'ultimate', 'master', 'seasonal')),
  CONSTRAINT player_nfts_status_known CHECK (status IN ('confirmed', 'burned'))
);

-- A wallet's NFTs, newest first: WHERE stake_key = $1 AND status = 'confirmed' ORDER BY minted_at DESC.
CREATE INDEX player_nfts_owned_idx ON player_nfts (stake_key, minted_at DESC) WHERE status = 'confirmed';
-- A wallet's NFTs of one category (what can be forged): WHERE stake_key = $1 AND category_id = $2 AND status = $3.
CREATE INDEX player_nfts_category_idx ON player_nfts (stake_key, category_id, status);
-- A wallet's NFTs of one tier: WHERE stake_key = $1 AND tier = $2 AND status = $3.
CREATE INDEX player_nfts_tier_idx ON player_nfts (stake_key, tier, status);

CREATE TABLE forge_operations (
  id                       uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  type                     varchar(20)  NOT NULL,
  stake_key                varchar(255) NOT NULL,
  category_id              uuid         REFERENCES categories (id),
  season_id                varchar(50)  REFERENCES seasons (id),
  -- The fingerprints of the NFTs burned, as a JSON array.
  input_fingerprints       jsonb        NOT NULL,
  burn_tx_hash             varchar(64),
  mint_tx_hash             varchar(64),
  output_asset_fingerprint varchar(44),
  status                   varchar(20)  NOT NULL DEFAULT 'pending',
  error                    text,
  created_at               timestamptz  NOT NULL DEFAULT now(),
  confirmed_at             timestamptz,
  CONSTRAINT forge_operations_type_known CHECK (type IN ('category', 'master', 'season')),
  CONSTRAINT forge_operations_status_known CHECK (status IN ('pending', 'confirmed', 'failed')),
  CONSTRAINT forge_operations_inputs_array CHECK (jsonb_typeof(input_fingerprints) = 'array')
);

-- A wallet's forge operations: WHERE stake_key = $1 ORDER BY created_at DESC LIMIT $2.
CREATE INDEX forge_operations_stake_key_idx ON forge_operations (stake_key, created_at DESC);
-- Operations in one state, oldest first: WHERE status = 'pending' ORDER BY created_at LIMIT $1.
CREATE INDEX forge_operations_status_idx ON forge_operations (status, created_at);
-- Operations of one type in one state: WHERE type = $1 AND status = $2.
CREATE INDEX forge_operations_type_status_idx ON forge_operations (type, status);
