-- National-scale synthetic registry: 34 provinces, 3,300 communes, ~300,000 organizations, 5.6 million members
-- with realistic Vietnamese names and full records, memberships, kept counters, accounts and all indexes.
-- Part 1 of 5 (bench/run.sh runs them; parts 2 and 4 in two sessions at once, one per core).
-- Ids are computed, not looked up: commune k has id 100+k, its grassroots g id 10000+10k+g, cell c id 1000000+8(10k+g)+c.
\ir session.sql

begin;
-- Secondary indexes are built once at the end.
drop index if exists organizations.member_name_words, organizations.member_province_words, organizations.member_name_keys, organizations.member_org_name, organizations.member_name_trgm, organizations.member_temp_org,
	organizations.member_transfer_to, organizations.member_citizen_hash, organizations.member_card_no,
	organizations.member_record_no, organizations.membership_org, organizations.membership_org_id, organizations.organization_path_gist,
	organizations.organization_path_btree, organizations.organization_parent, organizations.organization_children, organizations.organization_name_trgm,
	organizations.organization_version_parent;
alter table organizations.membership drop constraint if exists membership_pkey;

insert into organizations.organization (id, parent_id, path, level, name, code, established_on, child_count)
values (1, null, '1', 'CENTRAL', 'Trung ương (dữ liệu thử tải)', 'BENCH-TW', date '1930-02-03', 34);

insert into organizations.organization (id, parent_id, path, level, name, code, established_on, child_count)
select p, 1, ('1.' || p)::ltree, 'PROVINCE', 'Đảng bộ tỉnh Thử Tải ' || lpad((p - 1)::text, 2, '0'), 'BENCH-P' || (p - 1),
       date '2025-07-01', (select count(*) from generate_series(0, 3299) k where 2 + k % 34 = p)
from generate_series(2, 35) p;

insert into organizations.organization (id, parent_id, path, level, kind, name, established_on, child_count)
select 100 + k, 2 + k % 34, ('1.' || (2 + k % 34) || '.' || (100 + k))::ltree, 'COMMUNE', null,
       (array['Đảng bộ xã ', 'Đảng bộ phường ', 'Đảng bộ xã '])[1 + k % 3]
         || (array['Tân','Đông','Tây','Nam','Bắc','Phú','Hòa','Bình','An','Thạnh','Long','Mỹ','Hưng','Quảng','Vĩnh'])[1 + k % 15] || ' '
         || (array['An','Bình','Hòa','Lợi','Phước','Thành','Lộc','Xuân','Sơn','Hải','Lâm','Thủy','Ngọc','Khánh'])[1 + (k / 15) % 14]
         || ' ' || (k / 210 + 1),
       date '2025-07-01', 10
from generate_series(0, 3299) k;

insert into organizations.organization (id, parent_id, path, level, kind, name, established_on, child_count)
select 10000 + 10 * k + g, 100 + k, ('1.' || (2 + k % 34) || '.' || (100 + k) || '.' || (10000 + 10 * k + g))::ltree,
       'GRASSROOTS', case when g < 6 then 'RESIDENTIAL' else 'WORKPLACE' end,
       case when g < 6 then 'Đảng bộ cơ sở khu dân cư số ' || (g + 1)
            else (array['Đảng bộ Trường THCS','Đảng bộ Trạm Y tế','Đảng bộ Công an','Đảng bộ Hợp tác xã'])[g - 5] end
         || ' - xã ' || k,
       date '2025-07-01', 8
from generate_series(0, 3299) k, generate_series(0, 9) g;

insert into organizations.organization (id, parent_id, path, level, kind, name, established_on, child_count)
select 1000000 + 8 * (10 * k + g) + c, 10000 + 10 * k + g,
       ('1.' || (2 + k % 34) || '.' || (100 + k) || '.' || (10000 + 10 * k + g) || '.' || (1000000 + 8 * (10 * k + g) + c))::ltree,
       'CELL', case when g < 6 then 'RESIDENTIAL' else 'WORKPLACE' end,
       'Chi bộ ' || (array['Thôn Đông','Thôn Tây','Thôn Bắc','Thôn Nam','Khu phố 1','Khu phố 2','Tổ dân phố 3','Bản Na Hang',
                           'Ấp Phước Lợi','Xóm Chùa','Bản Ít Ong','Tổ 7'])[1 + (k + g + c) % 12] || ' ' || (c + 1) || ' (' || (10 * k + g) || ')',
       date '2025-07-01', 0
from generate_series(0, 3299) k, generate_series(0, 9) g, generate_series(0, 7) c;

select setval(pg_get_serial_sequence('organizations.organization', 'id'), (select max(id) from organizations.organization));

insert into organizations.organization_version (organization_id, parent_id, name, level, kind, valid)
select id, parent_id, name, level, kind, daterange(established_on, null) from organizations.organization;

commit;
