\ir session.sql
-- Part 3: memberships, positions, counters.
begin;
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
