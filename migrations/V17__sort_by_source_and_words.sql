-- The order -words (longest first) pages by (word_count, id), over the catalog and within a source, as the date
-- orders page by (published, id) and (source_id, published, id): each page is a walk of an index that stops after
-- one page. The order source needs no index of its own: it walks the sources by host (their unique index) and each
-- source's articles by (source_id, published, id).
create index article_words_idx on article (word_count, id);
create index article_source_words_idx on article (source_id, word_count, id);

-- The search index gains word_count (search/article-index.json) for the same order: an index built before lacks
-- it, so it is built again at the next start with OpenSearch (a new epoch, so that a build already under way does
-- not mark it current). Searches meanwhile read the old index; a search sorted by -words fails there and PostgreSQL
-- answers it.
update search_outbox_state set index_stale = true, recording_epoch = recording_epoch + 1 where recording;
