-- Who copies whom (reuse/SourcePairs) from counts kept as passages change, instead of from every carrier of the
-- period: at 1,000,000 articles that took longer than the browse timeout for a single month.
--
-- A passage that two sources or more carry in their latest active articles, and that is no source's boilerplate, has
-- a passage_first row per source: the date of that source's earliest article carrying it. source_pair_lead adds them
-- up per day the passage first appeared (its earliest row's date), pair of sources (the lower id as A) and lead (B's
-- first date less A's, in days): how many passages. A period's pairs add up its days; the median lead comes from the
-- counts of each lead.
create table passage_first (
    passage_id bigint not null,
    source_id  bigint not null references source,
    first      date   not null,
    primary key (passage_id, source_id)
);
create table source_pair_lead (
    day       date    not null,
    source_a  bigint  not null references source,
    source_b  bigint  not null references source,
    lead_days integer not null,
    -- no check that it is above zero: an insert's row is checked before it finds its conflict, and a change's row
    -- that takes passages out is below zero
    passages  integer not null,
    primary key (day, source_a, source_b, lead_days),
    check (source_a < source_b)
);

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
select passage_id, source_id, first
from (select c.passage_id, a.source_id, min(a.published) as first,
             count(*) over (partition by c.passage_id) as sources
      from unnest(ids) p(id)
      join passage_carrier c on c.passage_id = p.id
      join article a on a.id = c.article_id
      where not passage_boilerplate(p.id) and a.latest and a.status = 'active'
      group by c.passage_id, a.source_id) s
where sources > 1
$$;

-- The source_pair_lead rows these passage_first rows count: each two sources of a passage once.
create function source_pair_leads(firsts passage_first[]) returns table (day date, source_a bigint, source_b bigint,
                                                                          lead_days integer)
    language sql immutable as
$$
with f as (select *, min(first) over (partition by passage_id) as day from unnest(firsts))
select a.day, a.source_id, b.source_id, b.first - a.first
from f a join f b on b.passage_id = a.passage_id and b.source_id > a.source_id
$$;

-- Counts these passages again: what they counted is taken out of source_pair_lead, what they count now added.
-- Linking calls it for the passages it adds carriers to or merges, and the trigger below for those of changed articles.
-- Both hold the catalog's write lock (system/CatalogWriteLock), taken here too: two recounts at once would insert the
-- same passage_first rows, or wait for each other's source_pair_lead rows.
create function passage_first_recount(ids bigint[]) returns void
    language plpgsql as
$$
declare
    gone    passage_first[];
    fresh   passage_first[];
    emptied source_pair_lead[];
begin
    perform pg_advisory_xact_lock(1312903747, 0);
    with deleted as (delete from passage_first where passage_id = any(ids) returning *)
    select coalesce(array_agg(row(passage_id, source_id, first)::passage_first), '{}') into gone from deleted;
    select coalesce(array_agg(f), '{}') into fresh from passage_first_of(ids) f;
    with changes as (
        select *, -1 as delta from source_pair_leads(gone)
        union all
        select *, 1 from source_pair_leads(fresh)),
    applied as (
        insert into source_pair_lead as l (day, source_a, source_b, lead_days, passages)
        select day, source_a, source_b, lead_days, sum(delta) from changes
        group by day, source_a, source_b, lead_days
        having sum(delta) <> 0
        on conflict (day, source_a, source_b, lead_days) do update set passages = l.passages + excluded.passages
        returning l.*)
    select coalesce(array_agg(row(day, source_a, source_b, lead_days, passages)::source_pair_lead), '{}')
    into emptied from applied where passages = 0;
    delete from source_pair_lead l using unnest(emptied) e
    where (l.day, l.source_a, l.source_b, l.lead_days) = (e.day, e.source_a, e.source_b, e.lead_days)
      and l.passages = 0;
    insert into passage_first select * from unnest(fresh);
end
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
