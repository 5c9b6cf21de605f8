-- The order source lists hosts A to Z by their bytes (collate "C"), as the search engine's keyword sort does, so
-- that a cursor of one engine pages on under the other, whatever collation the database was made with (en_US, for
-- one, ignores punctuation: a-c.com would come after ab.com). The walk of the sources in that order reads this index.
create index source_host_bytes_idx on source (host collate "C");
