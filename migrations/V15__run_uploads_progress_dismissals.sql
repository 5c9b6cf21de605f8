-- Ingest runs archivists can follow.

-- The names of the files an archivist uploaded (as the browser sent them, without folders), for runs over an upload
-- from the admin pages or the API; null for earlier runs and for runs of the command line and start-up.
alter table ingest_run add column upload_names text[];

-- When the last few batches of a run were stored, each as [epoch milliseconds, files done by then], oldest first:
-- a running run's rate and time left come from this recent window rather than from the whole run, whose first batch
-- is slower (nothing read ahead yet). Null until its first batch is stored, as in runs from before V15 and in bags
-- exported before it.
alter table ingest_run add column progress_marks jsonb;

-- A run an archivist took off the dashboard's Needs attention list (it stays in the list of runs); who and when, and
-- the audit log says so, with the undoing.
alter table ingest_run add column dismissed_at timestamptz;
alter table ingest_run add column dismissed_by text;
alter table ingest_run add constraint ingest_run_dismissed_check check ((dismissed_at is null) = (dismissed_by is null));

-- The actions of V14's source collections are listed too, so that this list keeps them.
alter table audit_event drop constraint audit_event_action_check;
alter table audit_event add constraint audit_event_action_check
    check (action in ('edit', 'withdraw', 'restore', 'ingest',
                      'user_add', 'user_role', 'user_disable', 'user_enable', 'user_password',
                      'collection_add', 'collection_edit', 'collection_sources', 'collection_delete',
                      'run_dismiss', 'run_undismiss'));
