-- The recount of V22 wrote again every row of the passages it was given, though linking a batch changes few of them:
-- a quote that forty sources carry gained one day and had all its rows deleted and inserted again, which made the
-- table bloat and linking a quarter slower. Now only the rows that are gone are deleted and only the new ones inserted.
create or replace function passage_source_days_recount(ids bigint[]) returns void
    language sql as
$$
select pg_advisory_xact_lock(1312903747, 0);
with kept as (
    select * from passage_source_days_of(ids)),
gone as (
    delete from passage_source_day d
    where d.passage_id = any(ids)
      and not exists (select from kept k
                      where (k.passage_id, k.source_id, k.day) = (d.passage_id, d.source_id, d.day)))
insert into passage_source_day
select * from kept k
where not exists (select from passage_source_day d
                  where (d.passage_id, d.source_id, d.day) = (k.passage_id, k.source_id, k.day));
$$;
