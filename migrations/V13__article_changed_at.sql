-- When an article version's record last changed in this repository, for harvesters (OAI-PMH datestamps and
-- from/until): null until its next correction, withdrawal or restoration, each of which counts a metadata revision
-- and sets it (the trigger below, so that no writer can forget it); until then the record last changed when it was
-- ingested. Nothing is filled in for earlier changes: no harvester has seen the repository before, and filling would
-- rewrite those rows (computing their search vectors again). A nullable column with no default costs nothing to add.
-- Harvests read records in the order of (coalesce(changed_at, ingested_at), id), by source too.
alter table article add column changed_at timestamptz;

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

create index article_changed_idx on article ((coalesce(changed_at, ingested_at)), id);
create index article_source_changed_idx on article (source_id, (coalesce(changed_at, ingested_at)), id);
