-- When an article links two passages, the later one's carriers move to the earlier and its id is gone (PassageLinker).
-- The gone id is kept here with the passage that took it in, so that an address or an export naming it still leads to
-- its passage (a 301) instead of a 404. Merged again, the row follows the passage: into_id is never a gone id.
create table passage_merge (
    passage_id bigint primary key,
    into_id    bigint not null
);

-- each merge finds the ids merged before into the passages it takes away
create index passage_merge_into_idx on passage_merge (into_id);
