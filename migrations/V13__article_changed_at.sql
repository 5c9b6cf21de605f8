-- When an article version's record last changed, for harvesters (OAI-PMH datestamps and from/until): null until its
-- first correction, withdrawal or restoration, each of which counts a metadata revision and sets it (the trigger
-- below, so that no writer can forget it); until then the record last changed when it was ingested. A nullable
-- column with no default costs nothing to add, where filling it would rewrite every row (and compute every search
-- vector again). Harvests read records in the order of (coalesce(changed_at, ingested_at), id), by source too.
alter table article add column changed_at timestamptz;
update article a set changed_at = e.at
from (select article_id, max(at) as at from audit_event where article_id is not null group by article_id) e
where e.article_id = a.id;

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
