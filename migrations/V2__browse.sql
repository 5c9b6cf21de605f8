-- Browsing: ranked full-text search, keyset listings and facet counts that do not scan the catalog.

-- RUM keeps word positions in the index, so results come out ordered by rank without reading the rows
-- (Debian package postgresql-15-rum).
create extension if not exists rum;
drop index article_search_idx;
create index article_search_idx on article using rum (search_vector rum_tsvector_ops);

-- The lead: headline and first three sentences. Ranked search lists the articles whose lead matches first; RUM
-- ranks every match of an index before it returns one, and the lead index has far fewer matches than the body.
-- Cut like article_body_text, so that the lead's vector is always a prefix of the whole one.
create function article_lead_text(sentences text[]) returns text
    language sql immutable parallel safe
    return left(array_to_string(sentences[1:3], ' '), 200000);
alter table article add column lead_vector tsvector generated always as (
    setweight(to_tsvector('english'::regconfig, headline), 'A') ||
    setweight(to_tsvector('english'::regconfig, article_lead_text(sentences)), 'B')) stored;
create index article_lead_idx on article using rum (lead_vector rum_tsvector_ops);

-- keyset pages: newest or oldest first, overall and per source
create index article_published_idx on article (published, id);
create index article_source_published_idx on article (source_id, published, id);

-- Articles per source and month, for each visibility (latest or not, status), kept by the triggers below.
-- Facets, totals and the timeline of filters without a text query add up these rows instead of the articles.
create table article_month_count (
    source_id bigint  not null references source,
    month     date    not null check (extract(day from month) = 1),
    latest    boolean not null,
    status    text    not null,
    articles  bigint  not null,
    primary key (source_id, month, latest, status)
);

-- Bumped by every statement that changes articles, so that counts computed before can be known to be current.
create table catalog_version (
    id      boolean primary key default true check (id),
    version bigint  not null
);
insert into catalog_version values (true, 0);

create function article_month_count_track() returns trigger
    language plpgsql as
$$
begin
    -- one statement per trigger event, whatever the number of rows (COPY of a batch, an edit)
    if tg_op = 'INSERT' then
        insert into article_month_count as c (source_id, month, latest, status, articles)
        select source_id, date_trunc('month', published)::date, latest, status, count(*)
        from new_rows group by 1, 2, 3, 4
        on conflict (source_id, month, latest, status) do update set articles = c.articles + excluded.articles;
    elsif tg_op = 'UPDATE' then
        insert into article_month_count as c (source_id, month, latest, status, articles)
        select source_id, month, latest, status, sum(delta)
        from (select source_id, date_trunc('month', published)::date as month, latest, status, -1 as delta
              from old_rows
              union all
              select source_id, date_trunc('month', published)::date, latest, status, 1
              from new_rows) changes
        group by 1, 2, 3, 4
        having sum(delta) <> 0
        on conflict (source_id, month, latest, status) do update set articles = c.articles + excluded.articles;
    else
        update article_month_count c set articles = c.articles - gone.articles
        from (select source_id, date_trunc('month', published)::date as month, latest, status, count(*) as articles
              from old_rows group by 1, 2, 3, 4) gone
        where (c.source_id, c.month, c.latest, c.status) = (gone.source_id, gone.month, gone.latest, gone.status);
    end if;
    update catalog_version set version = version + 1;
    return null;
end
$$;

create trigger article_month_count_insert after insert on article
    referencing new table as new_rows for each statement execute function article_month_count_track();
create trigger article_month_count_update after update on article
    referencing old table as old_rows new table as new_rows for each statement execute function article_month_count_track();
create trigger article_month_count_delete after delete on article
    referencing old table as old_rows for each statement execute function article_month_count_track();

insert into article_month_count (source_id, month, latest, status, articles)
select source_id, date_trunc('month', published)::date, latest, status, count(*)
from article group by 1, 2, 3, 4;
