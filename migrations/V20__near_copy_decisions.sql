-- An archivist's decision on a near-copy pair (reuse/NearCopies) is audited on both articles; undoing one is the
-- same action with no new decision. The actions of V15 are listed too, so that this list keeps them.
alter table audit_event drop constraint audit_event_action_check;
alter table audit_event add constraint audit_event_action_check
    check (action in ('edit', 'withdraw', 'restore', 'ingest',
                      'user_add', 'user_role', 'user_disable', 'user_enable', 'user_password',
                      'collection_add', 'collection_edit', 'collection_sources', 'collection_delete',
                      'run_dismiss', 'run_undismiss', 'near_copy_decision'));

-- Listings leave out the later article of a pair decided to be the same article: each listed row asks this index.
create index near_copy_same_article_idx on near_copy (copy_id) where decision = 'same_article';

-- The decided pairs, newest first, for the review page's list of what can be undone.
create index near_copy_decided_idx on near_copy (decided_at desc, article_id, copy_id) where decision is not null;

-- Listing counts are kept until catalog_version changes; a decision changes what listings show.
create trigger near_copy_decided after update of decision on near_copy
    for each statement execute function catalog_version_bump();
