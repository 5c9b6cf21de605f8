-- Failed sign-ins, kept here rather than in each service's memory, so that every instance on this catalog counts
-- the same failures (account/SignInLimiter). A key is a pair of user name (its SHA-256) and client address, or an
-- address alone; an attempt is written as failed when it starts and deleted when its password was right.
create table sign_in_failure (
    id        bigint generated always as identity primary key,
    key       text        not null,
    failed_at timestamptz not null
);
create index sign_in_failure_key_idx on sign_in_failure (key, failed_at);
-- what no longer counts is deleted by age at every attempt
create index sign_in_failure_failed_at_idx on sign_in_failure (failed_at);
