-- When an article version's record last changed, for harvesters (OAI-PMH datestamps and from/until): its ingest, then
-- each correction, withdrawal or restoration, each of which counts a metadata revision (the trigger below, so that
-- no writer can forget it). Harvests read records in the order of (changed_at, id), by source too.
alter table article add column changed_at timestamptz not null default now();
update article a
set changed_at = greatest(a.ingested_at, (select max(e.at) from audit_event e where e.article_id = a.id));

create function article_changed_at() returns trigger
    language plpgsql as
$$
begin
    new.changed_at := clock_timestamp();
    return new;
end
$$;

create trigger article_changed_at before update on article for each row
    when (old.metadata_revision is distinct from new.metadata_revision) execute function article_changed_at();

create index article_changed_idx on article (changed_at, id);
create index article_source_changed_idx on article (source_id, changed_at, id);
