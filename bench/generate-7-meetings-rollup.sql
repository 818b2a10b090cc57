-- Part 7: the kept meeting counters of every organization (see V40, V44), the member index of
-- attendance, a commune committee's assignments, and 2,000 cells of province 2 grown to 30 members whose
-- November meeting is announced but not yet recorded (what the attendance benchmark records).
\ir session.sql
begin;
select setval(pg_get_serial_sequence('meetings.meeting', 'id'), (select max(id) from meetings.meeting));
commit;

create index attendance_member on meetings.attendance (member_id, meeting_id);
analyze meetings.meeting;
analyze meetings.attendance;

begin;
-- Each commune committee assigns six of its members to follow a residential cell each.
insert into meetings.assignment (committee_id, committee_path, committee_level, member_id, member_name, cell_id, cell_path,
	cell_name, year, planned, created_by)
select c.id, c.path, 'COMMUNE', m.id, m.full_name, cell.id, cell.path, cell.name, 2026, 6, 'thử tải'
from organizations.organization c
cross join generate_series(0, 5) k
join organizations.organization cell on cell.id = 1000000 + 8 * (10 * (c.id - 100) + k) + 1
join organizations.member m on m.id = (select min(id) from organizations.member where organization_id = 1000000 + 8 * (10 * (c.id - 100) + k))
where c.level = 'COMMUNE';
commit;
-- Every kept meeting counter (per organization and month, per parent, child and year, per parent, child and later
-- month) recounted from the meetings and the assignments: the triggers are off in this session.
select meetings.recount_counters();
analyze meetings.meeting_counter;
analyze meetings.meeting_year_counter;
analyze meetings.meeting_later_counter;

-- 2,000 cells of province 2 grow to 30 members (through the counters' triggers, so counts stay exact).
set session_replication_role = origin;
begin;
create temporary table bench_cells as
select id from organizations.organization where level = 'CELL' and path <@ '1.2' order by id limit 2000;
insert into organizations.member (organization_id, province_id, full_name, gender, birth_date, ethnicity, religion, admitted_on,
	party_age_basis, standing, status, status_since)
select c.id, 2, (array['Nguyễn','Trần','Lê','Phạm'])[1 + k % 4] || ' Văn ' || (array['An','Bình','Cường','Dũng','Giang','Hải','Khoa','Long','Minh'])[1 + k % 9],
       'M', date '1980-01-01' + k, 'Kinh', 'Không', date '2010-01-01', date '2010-01-01', 'OFFICIAL', 'ACTIVE', date '2010-01-01'
from bench_cells c, generate_series(0, 30 - 1 - (select count(*) from organizations.member where organization_id = c.id and status = 'ACTIVE')::int) k;
-- Their November meeting: announced, invitations out, nothing recorded yet.
update meetings.meeting set status = 'PUBLISHED', recorded_at = null, expected = 0, present = 0, excused = 0, unexcused = 0,
       exempt = 0, quorum_met = null, quality_attendance = null, quality_no_unexcused = null, quality_excused_streak = null,
       quality_score = null, quality_band = null
where organization_id in (select id from bench_cells) and kind = 'REGULAR' and meeting_date >= date '2026-11-01';
delete from meetings.attendance a using meetings.meeting m
where a.meeting_id = m.id and m.organization_id in (select id from bench_cells) and m.kind = 'REGULAR' and m.meeting_date >= date '2026-11-01';
insert into meetings.attendance (meeting_id, member_id, full_name, standing, status, org_path)
select mt.id, m.id, m.full_name, case when m.status <> 'ACTIVE' then 'EXEMPT' else m.standing end,
       case when m.status <> 'ACTIVE' then 'EXEMPT' end, mt.org_path
from meetings.meeting mt join organizations.member m on m.organization_id = mt.organization_id
where mt.organization_id in (select id from bench_cells) and mt.kind = 'REGULAR' and mt.meeting_date >= date '2026-11-01'
  and m.status in ('ACTIVE','EXEMPT','ON_LEAVE');
commit;
