-- National-scale synthetic registry: 34 provinces, 3,300 communes, ~300,000 organizations, 5.6 million members
-- with realistic Vietnamese names and full records, memberships, kept counters, accounts and all indexes.
-- Run against an empty, migrated dangvu database (the app started once with dangvu.demo.enabled=false):
--   psql -h localhost -p 55432 -U postgres -d dangvu -v members=5600000 -f bench/generate.sql
-- Ids are computed, not looked up: commune k has id 100+k, its grassroots g id 10000+10k+g, cell c id 1000000+8(10k+g)+c.
\set ON_ERROR_STOP on
\timing on
\if :{?members}
\else
\set members 5600000
\endif
\set key '\'demo-only-key-change-me\''

set session_replication_role = replica;  -- no triggers or FK checks during the bulk load; counters are computed at the end
set synchronous_commit = off;
set maintenance_work_mem = '1GB';
set work_mem = '256MB';

begin;
-- Secondary indexes are built once at the end.
drop index if exists organizations.member_org_name, organizations.member_name_trgm, organizations.member_temp_org,
	organizations.member_transfer_to, organizations.member_citizen_hash, organizations.member_card_no,
	organizations.member_record_no, organizations.membership_org, organizations.organization_path_gist,
	organizations.organization_path_btree, organizations.organization_parent, organizations.organization_name_trgm,
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

-- Members: names drawn by national frequency of family names; every record full.
create temporary table names as
select array['Nguyễn','Nguyễn','Nguyễn','Nguyễn','Nguyễn','Nguyễn','Nguyễn','Nguyễn','Nguyễn','Nguyễn','Nguyễn','Nguyễn',
             'Nguyễn','Nguyễn','Trần','Trần','Trần','Trần','Lê','Lê','Lê','Phạm','Phạm','Hoàng','Huỳnh','Phan','Phan','Vũ','Võ',
             'Đặng','Bùi','Đỗ','Hồ','Ngô','Dương','Lý','Đinh','Trương','Lương','Mai','Cao','Lâm','Hà','Tô','Đoàn','Chu'] as family,
       array['Văn','Hữu','Đức','Minh','Quang','Thành','Công','Xuân','Ngọc','Trọng','Hoàng','Đình','Anh'] as middle_m,
       array['Thị','Thị','Thị','Ngọc','Thu','Thanh','Minh','Kim','Thùy','Hồng','Phương','Mai'] as middle_f,
       array['An','Anh','Bình','Cường','Dũng','Đức','Giang','Hải','Hiếu','Hòa','Hùng','Huy','Khánh','Khoa','Lâm','Long',
             'Minh','Nam','Nghĩa','Phong','Phúc','Quân','Quang','Sơn','Tài','Thắng','Thành','Thịnh','Toàn','Trung','Tuấn',
             'Tùng','Việt','Vinh','Ân','Ánh','Đạt','Định','Hưng','Lộc'] as given_m,
       array['An','Anh','Ánh','Bích','Châu','Chi','Dung','Duyên','Giang','Hà','Hạnh','Hằng','Hoa','Hồng','Hương','Lan','Liên',
             'Linh','Loan','Mai','My','Nga','Ngân','Ngọc','Nhung','Oanh','Phương','Quỳnh','Thảo','Thu','Thủy','Trang','Trinh',
             'Tuyết','Uyên','Vân','Xuân','Yến','Ơn','Ân'] as given_f,
       array['Kinh','Kinh','Kinh','Kinh','Kinh','Kinh','Kinh','Kinh','Kinh','Kinh','Kinh','Kinh','Tày','Thái','Mường','Khmer',
             'H''Mông','Nùng','Dao','Hoa'] as ethnicity;

-- Member i lives in cell 1000000 + (i mod 264000): about 21 per cell. A cheap hash gives each field its own dice.
insert into organizations.member (id, organization_id, full_name, gender, birth_date, birthplace, hometown, residence,
	ethnicity, religion, citizen_id_enc, citizen_id_hash, citizen_id_last4, record_no, card_no, admitted_on, ceremony_on,
	recognized_on, party_age_basis, standing, status, status_since, education, professional, political_theory, occupation,
	phone, email)
select i, 1000000 + i % 264000,
       n.family[1 + (h1 % array_length(n.family, 1))] || ' '
         || case when male then n.middle_m[1 + (h2 % 13)] else n.middle_f[1 + (h2 % 12)] end || ' '
         || case when male then n.given_m[1 + (h3 % 40)] else n.given_f[1 + (h3 % 40)] end,
       case when male then 'M' else 'F' end, born, 'Tỉnh ' || (2 + (i % 264000) / 8 / 10 % 34), 'Xã số ' || (h4 % 3300),
       'Thôn ' || (1 + h4 % 20) || ', xã số ' || (i % 264000) / 80,
       n.ethnicity[1 + (h5 % 20)], case when h5 % 10 = 0 then 'Phật giáo' when h5 % 23 = 0 then 'Công giáo' else 'Không' end,
       pgp_sym_encrypt(cid, :key, 's2k-mode=1, cipher-algo=aes256'), hmac(cid, :key, 'sha256'), right(cid, 4),
       lpad((i % 1000000)::text, 6, '0') || (array['TT','TA','TB','TC','TD','TE','TG'])[1 + i / 1000000], case when probationary then null else lpad((10000000 + i)::text, 8, '0') end,
       admitted, admitted + 10, case when probationary then null else (admitted + interval '12 months')::date end, admitted,
       case when probationary then 'PROBATIONARY' else 'OFFICIAL' end,
       case when h6 % 100 < 3 and not probationary then 'EXEMPT' when h6 % 100 = 3 then 'ON_LEAVE' else 'ACTIVE' end,
       admitted, case when h6 % 2 = 0 then '12/12' else '9/12' end, case when h6 % 3 = 0 then 'Đại học' else 'Trung cấp' end,
       case when h6 % 4 = 0 then 'Trung cấp' else 'Sơ cấp' end,
       (array['Hưu trí','Nông dân','Công chức','Viên chức','Công nhân','Kinh doanh'])[1 + h6 % 6],
       '09' || lpad((h1 % 100000000)::text, 8, '0'), null
from (
	select i, male, born, cid, h1, h2, h3, h4, h5, h6,
	       (born + make_interval(years => (18 + h4 % 12)::int) + make_interval(days => (h5 % 4000)::int))::date as admitted0
	from (
		select i, (i * 2654435761 % 4294967296) as h1, (i * 40503 % 65536) as h2, (i * 9973 % 10007) as h3,
		       (i * 7919 % 7907) as h4, (i * 104729 % 104723) as h5, (i * 1299709 % 1299689) as h6,
		       (i * 31 % 100) < 62 as male,
		       date '1942-01-01' + (i * 6007 % 21900)::int as born,
		       lpad(((i * 37) % 96 + 1)::text, 3, '0') || lpad((i % 1000000000)::text, 9, '0') as cid
		from generate_series(1::bigint, :members) i
	) x
) y
cross join lateral (select least(admitted0, current_date - 30) as admitted, least(admitted0, current_date - 30) > current_date - 365 as probationary) a
cross join names n;

select setval(pg_get_serial_sequence('organizations.member', 'id'), (select max(id) from organizations.member));

insert into organizations.membership (member_id, organization_id, kind, valid)
select id, organization_id, 'OFFICIAL', daterange(date '2025-07-01', null) from organizations.member;

-- Positions: a secretary in every cell.
insert into organizations.position (member_id, organization_id, title, started_on, decision_ref)
select min(id), organization_id, 'BI_THU', date '2025-07-01', '01-QĐ/ĐU' from organizations.member group by organization_id;

-- Kept counters for every organization's subtree: count the members of each cell, then roll the sums up one level
-- at a time (members sit only in cells here).
create temporary table cnt as
select organization_id as o, organizations.status_key(standing, status) as k, count(*) as n
from organizations.member group by 1, 2;
insert into cnt select x.parent_id, c.k, sum(c.n) from cnt c join organizations.organization x on x.id = c.o
	where x.level = 'CELL' group by 1, 2;
insert into cnt select x.parent_id, c.k, sum(c.n) from cnt c join organizations.organization x on x.id = c.o
	where x.level = 'GRASSROOTS' group by 1, 2;
insert into cnt select x.parent_id, c.k, sum(c.n) from cnt c join organizations.organization x on x.id = c.o
	where x.level = 'COMMUNE' group by 1, 2;
insert into cnt select x.parent_id, c.k, sum(c.n) from cnt c join organizations.organization x on x.id = c.o
	where x.level = 'PROVINCE' group by 1, 2;
insert into organizations.member_counter (organization_id, status_key, n) select o, k, n from cnt;
commit;

-- Indexes, as the migrations define them.
alter table organizations.membership add primary key (member_id, kind, valid);
create index organization_path_gist on organizations.organization using gist (path);
create index organization_path_btree on organizations.organization (path);
create index organization_parent on organizations.organization (parent_id, name);
create index organization_name_trgm on organizations.organization using gin (name_folded gin_trgm_ops);
create index organization_version_parent on organizations.organization_version using gist (parent_id, valid);
create index member_org_name on organizations.member (organization_id, (given_name collate "vi-x-icu"), (name_rest collate "vi-x-icu"), id);
create index member_name_trgm on organizations.member using gin (name_folded gin_trgm_ops);
create index member_temp_org on organizations.member (temp_organization_id) where temp_organization_id is not null;
create index member_transfer_to on organizations.member (transfer_to_id) where transfer_to_id is not null;
create unique index member_citizen_hash on organizations.member (citizen_id_hash) where citizen_id_hash is not null;
create unique index member_card_no on organizations.member (card_no) where card_no is not null;
create unique index member_record_no on organizations.member (record_no) where record_no is not null;
create index membership_org on organizations.membership using gist (organization_id, valid);

-- Accounts: a secretary for every cell, staff for every commune and province, and the bench's own accounts
-- (password "DangVu@2026", TOTP secret as the demo's). One bcrypt hash is reused: hashing 270,000 passwords is
-- not what this measures.
\set hash '\'{bcrypt}$2a$10$w.bccE5aZi.1x/dN8h1czuW2uONfzVwCIHiTwd8smUpsbV8yV0c2C\''
insert into accounts.account (username, display_name, password_hash, home_organization_id, home_path, must_change_password)
select 'bithu.' || o.id, 'Bí thư ' || o.name, :hash, o.id, o.path, false
from organizations.organization o where o.level = 'CELL';
insert into accounts.role_grant (account_id, organization_id, role, granted_by)
select a.id, a.home_organization_id, 'CELL_SECRETARY', 'thử tải' from accounts.account a where a.username like 'bithu.%';
insert into accounts.account (username, display_name, password_hash, home_organization_id, home_path, must_change_password,
	totp_secret, totp_enabled)
select 'canbo.' || o.id, 'Cán bộ ' || o.name, :hash, o.id, o.path, false, 'DEMODANGVUDEMODANGVUDEMODANGVU22', true
from organizations.organization o where o.level in ('COMMUNE', 'PROVINCE', 'CENTRAL');
insert into accounts.role_grant (account_id, organization_id, role, granted_by)
select a.id, a.home_organization_id, case when a.home_organization_id = 1 then 'ADMIN' else 'COMMITTEE_STAFF' end, 'thử tải'
from accounts.account a where a.username like 'canbo.%';

analyze;
