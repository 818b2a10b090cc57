\ir session.sql
-- Part 4b: indexes (with 4a at once).
create index member_org_name on organizations.member (organization_id, (given_name collate "vi-x-icu"), (name_rest collate "vi-x-icu"), id);
alter table organizations.membership add primary key (member_id, kind, valid);
create index member_transfer_to on organizations.member (transfer_to_id) where transfer_to_id is not null;
create unique index member_citizen_hash on organizations.member (citizen_id_hash) where citizen_id_hash is not null;
create unique index member_card_no on organizations.member (card_no) where card_no is not null;
create unique index member_record_no on organizations.member (record_no) where record_no is not null;
create index member_name_keys on organizations.member using gin (name_keys) with (gin_pending_list_limit = 256);  -- as V19_1
