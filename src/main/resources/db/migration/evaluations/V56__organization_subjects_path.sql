-- A province's or the country's organizations in a cycle are found without walking its millions of members.
create index evaluation_org_path on evaluations.evaluation using gist (org_path) where member_id is null;
