-- Who copies whom (reuse/SourcePairs) from the days each source carried each passage, kept as passages change,
-- instead of from every carrier joined to its article: at 1,000,000 articles that took longer than the browse
-- timeout for a single month, since carriers cannot be found by date.
--
-- A passage that two sources or more carry in their latest active articles, and that is no source's boilerplate, has
-- a passage_source_day row for each source and day on which one of them was published. A period reads its days'
-- rows by the index on day.
create table passage_source_day (
    passage_id bigint not null,
    source_id  bigint not null references source,
    day        date   not null,
    primary key (passage_id, source_id, day)
);
create index passage_source_day_day_idx on passage_source_day (day);

-- A source's boilerplate: a passage it carries in at least 10 of its articles, and in at least half of all the
-- articles that do (reuse/ArticleReuse leaves it out too).
create function passage_boilerplate(passage bigint) returns boolean
    language sql stable parallel safe
    return coalesce((select max(articles) >= 10 and 2 * max(articles) >= sum(articles)
                     from passage_source where passage_id = passage), false);

-- What passage_source_day holds for these passages, from their carriers as they are now. Boilerplate is set aside
-- before its carriers are read: a byline may have a hundred thousand.
create function passage_source_days_of(ids bigint[]) returns setof passage_source_day
    language sql stable as
$$
with days as (
    select c.passage_id, a.source_id, a.published as day
    from unnest(ids) p(id)
    join passage_carrier c on c.passage_id = p.id
    join article a on a.id = c.article_id
    where not passage_boilerplate(p.id) and a.latest and a.status = 'active'
    group by c.passage_id, a.source_id, a.published)
select * from days
where passage_id in (select passage_id from days group by passage_id having count(distinct source_id) > 1)
$$;

-- Writes these passages' rows again. Linking calls it for the passages it adds carriers to or merges, and the trigger
-- below for those of changed articles. Both hold the catalog's write lock (system/CatalogWriteLock), taken here too:
-- two recounts of one passage at once would insert the same rows.
create function passage_source_days_recount(ids bigint[]) returns void
    language sql as
$$
select pg_advisory_xact_lock(1312903747, 0);
delete from passage_source_day where passage_id = any(ids);
insert into passage_source_day select * from passage_source_days_of(ids);
$$;

-- An article that stops or starts counting (a new version, a withdrawal, a restore), changes its date or moves to
-- another source (a corrected address) changes the rows of the passages it carries.
create function passage_source_days_track() returns trigger
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
        perform passage_source_days_recount(ids);
    end if;
    return null;
end
$$;
create trigger passage_source_days_article_update after update on article
    referencing old table as old_rows new table as new_rows for each statement
    execute function passage_source_days_track();

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
        perform passage_source_days_recount(slice);
    end loop;
end
$$;
