\ir session.sql
-- Part 2: members :from..:to (two sessions load halves at once).
begin;
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
insert into organizations.member (id, organization_id, province_id, full_name, gender, birth_date, birthplace, hometown, residence,
	ethnicity, religion, citizen_id_enc, citizen_id_hash, citizen_id_last4, record_no, card_no, admitted_on, ceremony_on,
	recognized_on, party_age_basis, standing, status, status_since, education, professional, political_theory, occupation,
	phone, email)
select i, 1000000 + i % 264000, 2 + ((i % 264000) / 80) % 34,
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
		from generate_series(:from::bigint, :to) i
	) x
) y
cross join lateral (select least(admitted0, current_date - 30) as admitted, least(admitted0, current_date - 30) > current_date - 365 as probationary) a
cross join names n;

commit;
