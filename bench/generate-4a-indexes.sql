\ir session.sql
-- Part 4a: indexes (with 4b at once).
create index organization_path_gist on organizations.organization using gist (path);
create index organization_path_btree on organizations.organization (path);
create index organization_children on organizations.organization (parent_id, (status = 'ACTIVE') desc, name collate "vi-x-icu", id);  -- as V19_3
create index organization_name_trgm on organizations.organization using gin (name_folded gin_trgm_ops);
create index organization_version_parent on organizations.organization_version using gist (parent_id, valid);
create index member_name_trgm on organizations.member using gin (name_folded gin_trgm_ops) with (gin_pending_list_limit = 256);  -- as V19_1
create index member_temp_org on organizations.member (temp_organization_id) where temp_organization_id is not null;
create index membership_org_id on organizations.membership (organization_id);
