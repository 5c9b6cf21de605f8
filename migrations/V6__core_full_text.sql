-- Full text on what PostgreSQL itself ships: GIN indexes over the tsvectors instead of the RUM extension, which
-- crashed the server on queries of only exclusions and made every insert six times dearer. Relevance is tiered
-- (headline, then lead, then the rest, each newest first), so no index needs to rank.
drop index article_search_idx;
drop index article_lead_idx;
create index article_search_idx on article using gin (search_vector);
create index article_lead_idx on article using gin (lead_vector);
-- the first tier: articles whose headline holds the query
create index article_headline_idx on article using gin (to_tsvector('english'::regconfig, headline));

-- Nothing uses RUM any more. Only its owner may drop it; a service that is not its owner leaves it for them.
do $$
begin
    drop extension if exists rum;
exception when insufficient_privilege then
    raise notice 'the RUM extension is no longer used; drop it as its owner: drop extension rum';
end
$$;
