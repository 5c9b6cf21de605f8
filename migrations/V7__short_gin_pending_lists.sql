-- New rows wait in a GIN index's list of pending entries until it is merged into the index, and every text search
-- reads that whole list: near the default 4 MB, searches during an ingest took seconds and were refused as busy.
-- A short list keeps them fast, at some cost to the ingest (merged more often).
alter index article_search_idx set (gin_pending_list_limit = 256);
alter index article_lead_idx set (gin_pending_list_limit = 256);
alter index article_headline_idx set (gin_pending_list_limit = 256);
