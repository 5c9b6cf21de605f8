-- The preservation event log, in the vocabulary of PREMIS 3 (event types of id.loc.gov's preservation vocabulary):
-- what happened to each stored original (ingestion, fixity check, metadata modification, deaccession when it is
-- withdrawn, accession when it is restored, recovery from a bag) and to selections of the catalog (dissemination in an
-- export of originals, a fixity pass). Rows are only ever added.
create table preservation_event (
    id               bigint generated always as identity primary key,
    event_type       text        not null check (event_type in ('ingestion', 'fixity check', 'metadata modification',
                                                                'deaccession', 'accession', 'dissemination', 'recovery')),
    at               timestamptz not null default clock_timestamp(),
    outcome          text        not null check (outcome in ('success', 'failure')),
    -- what happened, in words (PREMIS eventOutcomeDetailNote)
    detail           text        not null,
    -- who: a user name, or "catalog" for the catalog's own scheduled work (PREMIS linkingAgentIdentifier)
    agent            text        not null,
    -- the object: one article version, or null for a selection or the whole catalog
    article_id       bigint,
    run_id           bigint,
    -- a selection's own identifier: an export's or a restored bag's External-Identifier
    identifier       text,
    -- a fixity pass checks the originals chunk by chunk, an event each: this one checked the articles of these ids
    -- (those stored when it reached them); each failure is an event of its own, part of its chunk
    first_article_id bigint,
    last_article_id  bigint,
    part_of          bigint
);
create index preservation_event_article_idx on preservation_event (article_id, id) where article_id is not null;
-- the checks of a fixity pass, a chunk of articles each: which cover an article (range containment), the newest,
-- those of one pass
create index preservation_event_chunks_idx on preservation_event
    using gist (int8range(first_article_id, last_article_id, '[]')) where first_article_id is not null;
create index preservation_event_newest_chunk_idx on preservation_event (id) where first_article_id is not null;
create index preservation_event_pass_idx on preservation_event (identifier, at) where first_article_id is not null;
-- failed fixity checks, for the dashboard
create index preservation_event_fixity_failures_idx on preservation_event (article_id, id)
    where event_type = 'fixity check' and outcome = 'failure';

-- What the catalog already knows: every article's ingestion, and the corrections, withdrawals and restorations of the
-- audit log, in the order they happened.
insert into preservation_event (event_type, at, outcome, detail, agent, article_id, run_id)
select event_type, at, 'success', detail, agent, article_id, run_id
from (select 'ingestion' as event_type, a.ingested_at as at,
             'stored ' || a.file_name || ' as version ' || a.version || ' of ' || a.normalized_url || ', SHA-256 '
                 || a.sha256 as detail,
             r.started_by as agent, a.id as article_id, a.ingest_run_id as run_id, 0 as kind, a.id as seq
      from article a join ingest_run r on r.id = a.ingest_run_id
      union all
      select case e.action when 'edit' then 'metadata modification' when 'withdraw' then 'deaccession'
                  else 'accession' end,
             e.at,
             case e.action when 'edit' then 'corrected ' || (select string_agg(k, ', ') from jsonb_object_keys(e.changes) k)
                           when 'withdraw' then 'withdrawn' else 'restored' end
                 || ': ' || coalesce(e.reason, ''),
             e.username, e.article_id, null, 1, e.id
      from audit_event e
      where e.article_id is not null and e.action in ('edit', 'withdraw', 'restore')) known
order by at, kind, seq;

-- The references, checked once after the backfill rather than row by row (which would lock every article row).
alter table preservation_event
    add constraint preservation_event_article_fk foreign key (article_id) references article not valid,
    add constraint preservation_event_run_fk foreign key (run_id) references ingest_run not valid,
    add constraint preservation_event_part_of_fk foreign key (part_of) references preservation_event not valid;
alter table preservation_event validate constraint preservation_event_article_fk;
alter table preservation_event validate constraint preservation_event_run_fk;
alter table preservation_event validate constraint preservation_event_part_of_fk;
