-- Whether the search index misses changes: recording stopped (search-index stop-recording) or started while an
-- index existed. Each start or stop of recording sets it and counts a new epoch; a rebuild whose snapshot was taken in
-- that epoch clears it, so that a build that began before the last start or stop does not.
alter table search_outbox_state
    add column index_stale     boolean not null default false,
    add column recording_epoch bigint  not null default 0;
