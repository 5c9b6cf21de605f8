-- Source collections: named groups of sources that archivists make ("UK tabloids"), a filter of listings, exports
-- and feeds as a source is. The slug names a collection in addresses (?collection=uk-tabloids); it is made from the
-- name when the collection is made and kept when it is renamed, so that links and saved searches keep working.
create table source_collection (
    id          bigint generated always as identity primary key,
    name        text        not null check (length(name) between 1 and 100),
    slug        text        not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    description text        not null default '' check (length(description) <= 1000),
    created_by  text        not null,
    created_at  timestamptz not null default now()
);
-- one collection a name, whatever its case
create unique index source_collection_name_idx on source_collection (lower(name));

create table source_collection_member (
    collection_id bigint not null references source_collection on delete cascade,
    source_id     bigint not null references source,
    primary key (collection_id, source_id)
);
create index source_collection_member_source_idx on source_collection_member (source_id);

-- Listing counts are kept until catalog_version changes; what a collection holds changes them too.
create function catalog_version_bump() returns trigger
    language plpgsql as
$$
begin
    update catalog_version set version = version + 1;
    return null;
end
$$;

create trigger source_collection_changed after insert or update or delete on source_collection
    for each statement execute function catalog_version_bump();
create trigger source_collection_member_changed after insert or update or delete on source_collection_member
    for each statement execute function catalog_version_bump();

-- Changes to collections are audited like those to articles and users; the collection is named as it was then.
alter table audit_event add column subject_collection text;
alter table audit_event drop constraint audit_event_action_check;
alter table audit_event add constraint audit_event_action_check
    check (action in ('edit', 'withdraw', 'restore', 'ingest',
                      'user_add', 'user_role', 'user_disable', 'user_enable', 'user_password',
                      'collection_add', 'collection_edit', 'collection_sources', 'collection_delete'));
