-- The indexer claims only the oldest waiting change of each article (search/OutboxIndexer, ArticleChanges.claim),
-- so that one article's changes reach the index in order without a lock per article; this finds them.
create index article_change_article on article_change (article_id, seq);
