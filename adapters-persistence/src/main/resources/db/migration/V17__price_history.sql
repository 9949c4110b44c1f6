-- The comparables Boomer saw at live market sources (never its own suggested prices, never simulated ones),
-- one observation per listing, query, queried condition and day. The history source prices from them when the
-- live source is down or has too few; market_trends sums them up per product and day.
CREATE TABLE price_observations (
    source            text           NOT NULL,
    kind              text           NOT NULL,
    listing_url       text           NOT NULL,
    condition         text           NOT NULL,
    seen_on           date           NOT NULL,
    seen_at           timestamptz    NOT NULL,
    gtin              text,
    words_key         text           NOT NULL,
    currency          char(3)        NOT NULL,
    title             text           NOT NULL,
    price             numeric(12, 2) NOT NULL CHECK (price > 0),
    shipping          numeric(12, 2) NOT NULL CHECK (shipping >= 0),
    listing_condition text           NOT NULL,
    listed_at         timestamptz,
    PRIMARY KEY (source, listing_url, words_key, condition, seen_on)
);

CREATE INDEX price_observations_by_gtin ON price_observations (gtin, condition, currency, seen_at DESC)
    WHERE gtin IS NOT NULL;
CREATE INDEX price_observations_by_words ON price_observations (words_key, condition, currency, seen_at DESC);

CREATE VIEW market_trends AS
SELECT coalesce('gtin-' || gtin, words_key) AS product,
       condition,
       currency,
       seen_on                                                     AS day,
       count(*)                                                    AS listings,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY price + shipping) AS median_total,
       min(price + shipping)                                       AS lowest_total,
       max(price + shipping)                                       AS highest_total
  FROM price_observations
 GROUP BY 1, 2, 3, 4;
