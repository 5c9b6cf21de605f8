-- The admin area: disabled users, browser sessions, editable metadata with an audit log, uploads as background runs.

-- A disabled user keeps their name in the history but can no longer sign in.
alter table app_user add column disabled_at timestamptz;

-- Browser sessions. The cookie carries a random token; only its SHA-256 is stored, so a copy of this table opens
-- no session. Each session has its own token for the forms it posts (CSRF).
create table user_session (
    token_sha256 bytea       primary key,
    user_id      bigint      not null references app_user,
    csrf_token   text        not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null
);
create index user_session_user_idx on user_session (user_id);

-- Metadata archivists may correct. The original file never changes; metadata_revision counts corrections and is
-- what an edit must name to be saved (optimistic locking).
alter table article add column note text;
alter table article add column withdrawn_reason text;
alter table article add column metadata_revision integer not null default 1;

-- Every change to articles and users: who, when, what, why, and the old and new values
-- ({"headline": {"old": ..., "new": ...}}). Rows are only ever added.
create table audit_event (
    id           bigint generated always as identity primary key,
    at           timestamptz not null default clock_timestamp(),
    username     text        not null,
    action       text        not null check (action in ('edit', 'withdraw', 'restore', 'ingest',
                                                        'user_add', 'user_role', 'user_disable', 'user_enable',
                                                        'user_password')),
    article_id   bigint references article,
    run_id       bigint references ingest_run,
    subject_user text,
    -- the article's metadata revision after the change
    revision     integer,
    reason       text,
    changes      jsonb       not null default '{}'
);
create index audit_event_at_idx on audit_event (at desc, id desc);
create index audit_event_article_idx on audit_event (article_id, id) where article_id is not null;
create index audit_event_user_idx on audit_event (username, at desc);

-- Runs started from the admin pages work on an upload kept on disk (so a dry run can be committed later and rejected
-- files downloaded back). A run's progress is its outcome counts against its total.
alter table ingest_run drop constraint ingest_run_trigger_check;
alter table ingest_run add constraint ingest_run_trigger_check check (trigger in ('cli', 'api', 'startup', 'web'));
alter table ingest_run add column total_files integer;
alter table ingest_run add column upload_dir text;
-- the dry run whose files a run commits
alter table ingest_run add column commits_run bigint references ingest_run;
