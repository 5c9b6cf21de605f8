-- Who copies whom (reuse/SourcePairs) from each passage's firsts, kept as passages change, instead of from every
-- carrier of the period: at 1,000,000 articles that took longer than the browse timeout for a single month.
--
-- A passage that two sources or more carry in their latest active articles, and that is no source's boilerplate, has
-- a passage_first row per source: the date of that source's earliest article carrying it, and the day the passage
-- first appeared (the earliest of its rows), by which a period finds its passages.
create table passage_first (
    passage_id bigint not null,
    source_id  bigint not null references source,
    first      date   not null,
    born       date   not null,
    primary key (passage_id, source_id)
);
create index passage_first_born_idx on passage_first (born);

-- A source's boilerplate: a passage it carries in at least 10 of its articles, and in at least half of all the
-- articles that do (reuse/ArticleReuse leaves it out too).
create function passage_boilerplate(passage bigint) returns boolean
    language sql stable parallel safe
    return coalesce((select max(articles) >= 10 and 2 * max(articles) >= sum(articles)
                     from passage_source where passage_id = passage), false);

-- What passage_first holds for these passages, from their carriers as they are now. Boilerplate is set aside before
-- its carriers are read: a byline may have a hundred thousand.
create function passage_first_of(ids bigint[]) returns setof passage_first
    language sql stable as
$$
select passage_id, source_id, first, born
from (select c.passage_id, a.source_id, min(a.published) as first,
             min(min(a.published)) over (partition by c.passage_id) as born,
             count(*) over (partition by c.passage_id) as sources
      from unnest(ids) p(id)
      join passage_carrier c on c.passage_id = p.id
      join article a on a.id = c.article_id
      where not passage_boilerplate(p.id) and a.latest and a.status = 'active'
      group by c.passage_id, a.source_id) s
where sources > 1
$$;

-- Counts these passages again. Linking calls it for the passages it adds carriers to or merges, and the trigger below
-- for those of changed articles. Both hold the catalog's write lock (system/CatalogWriteLock), taken here too: two
-- recounts of one passage at once would insert the same rows.
create function passage_first_recount(ids bigint[]) returns void
    language sql as
$$
select pg_advisory_xact_lock(1312903747, 0);
delete from passage_first where passage_id = any(ids);
insert into passage_first select * from passage_first_of(ids);
$$;

-- An article that stops or starts counting (a new version, a withdrawal, a restore), changes its date or moves to
-- another source (a corrected address) changes the firsts of the passages it carries.
create function passage_first_track() returns trigger
    language plpgsql as
$$
declare
    ids bigint[];
begin
    ids := array(
        select distinct c.passage_id
        from old_rows o join new_rows n on n.id = o.id
        join passage_carrier c on c.article_id = n.id
        where (o.latest, o.status, o.published, o.source_id)
                  is distinct from (n.latest, n.status, n.published, n.source_id));
    if cardinality(ids) > 0 then
        perform passage_first_recount(ids);
    end if;
    return null;
end
$$;
create trigger passage_first_article_update after update on article
    referencing old table as old_rows new table as new_rows for each statement execute function passage_first_track();

-- the passages linked before this migration, a slice at a time
do
$$
declare
    slice bigint[];
begin
    for slice in
        select array_agg(passage_id)
        from (select passage_id, row_number() over (order by passage_id) / 10000 as n
              from passage_carrier group by passage_id) p
        group by n
    loop
        perform passage_first_recount(slice);
    end loop;
end
$$;
