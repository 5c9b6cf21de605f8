-- Text reuse (the reuse package; README "Text reuse"). An article has a reuse_article row once its passages have
-- been looked for: at ingest for new articles, by `catalog reuse` for those stored before. Its keys are the min-hash
-- keys of its passages that no article before it carried, each with the sentence it came from: a passage that many
-- articles repeat is found under the first article that carried it (or that wording of it), so that a lookup finds
-- one article, not every one. The GIN index is written through (no pending list): every ingest batch looks it up.
create table reuse_article (
    article_id    bigint    primary key references article,
    words         integer   not null,
    keys          integer[] not null,
    key_sentences smallint[] not null check (cardinality(key_sentences) = cardinality(keys))
);
create index reuse_article_keys_idx on reuse_article using gin (keys) with (fastupdate = off);

-- A passage is what linked sentences share, numbered from passage_id_seq; each sentence that carries it is a
-- carrier. passage_source counts a passage's articles by source (a revision of an article that carries it already is
-- not counted again): a passage that one source carries in many of its articles, and in most of all, is that
-- source's boilerplate (a byline, a newsletter call) and is left out of reuse.
create sequence passage_id_seq;
create table passage_carrier (
    passage_id bigint   not null,
    article_id bigint   not null references article,
    sentence   smallint not null check (sentence >= 0),
    primary key (passage_id, article_id, sentence)
);
create index passage_carrier_article_idx on passage_carrier (article_id, sentence);
create table passage_source (
    passage_id bigint  not null,
    source_id  bigint  not null references source,
    articles   integer not null check (articles > 0),
    primary key (passage_id, source_id)
);

-- Articles at different addresses whose shared passages cover most of each, the lower id first, and what an
-- archivist decided they are (none yet: the review queue).
create table near_copy (
    article_id bigint      not null references article,
    copy_id    bigint      not null references article,
    similarity real        not null check (similarity between 0 and 1),
    found_at   timestamptz not null default now(),
    decision   text        check (decision in ('same_article', 'syndicated', 'different')),
    decided_by text,
    decided_at timestamptz,
    primary key (article_id, copy_id),
    check (article_id < copy_id),
    check ((decision is null) = (decided_at is null))
);
create index near_copy_copy_idx on near_copy (copy_id);
create index near_copy_undecided_idx on near_copy (found_at, article_id, copy_id) where decision is null;
