-- The search index's outbox. PostgreSQL stays the record; a search engine (OpenSearch) holds a copy of the articles
-- that search reads, kept current by the service (search/OutboxIndexer). Every statement that inserts or updates
-- articles (ingest's COPY, corrections, withdrawals, restores, later edits) adds one row per article here, in its
-- own transaction, through the triggers below, so that no writer can forget it.

-- Whether changes are recorded: set by the first start with a search engine configured, so that a catalog on
-- PostgreSQL alone pays nothing for the outbox.
create table search_outbox_state (
    id        boolean primary key default true check (id),
    recording boolean not null
);
insert into search_outbox_state values (true, false);

create table article_change (
    seq        bigint generated always as identity primary key,
    article_id bigint      not null,
    changed_at timestamptz not null default now()
);

create function article_change_record() returns trigger
    language plpgsql as
$$
begin
    if (select recording from search_outbox_state) then
        insert into article_change (article_id) select id from new_rows;
    end if;
    return null;
end
$$;

create trigger article_change_insert after insert on article
    referencing new table as new_rows for each statement execute function article_change_record();
create trigger article_change_update after update on article
    referencing new table as new_rows for each statement execute function article_change_record();

-- Versions of indexed documents: each read of an article for the index takes the next one, so that of two writes of
-- one document the later read wins (OpenSearch's external versions).
create sequence search_document_version;
