-- Planned visits of assigned committee members, kept like the other counters (per committee subtree and month of
-- the plan's start), so that statistics of the country no longer sum every assignment.
alter table meetings.meeting_counter add column planned bigint not null default 0;
alter table meetings.meeting_counter_delta add column planned bigint not null default 0;

create function meetings.assignment_counter_row() returns trigger language plpgsql as $$
begin
	if tg_op in ('UPDATE', 'DELETE') and not old.ended then
		insert into meetings.meeting_counter_delta (organization_id, month, due, held, cancelled, thematic_held, expected,
		       present, excused, unexcused, quality_met, good, fair, average, poor, visits, planned)
		select a::bigint, make_date(old.year, coalesce(old.quarter * 3 - 2, 1), 1), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		       -old.planned
		from unnest(string_to_array(old.committee_path::text, '.')) a;
	end if;
	if tg_op in ('UPDATE', 'INSERT') and not new.ended then
		insert into meetings.meeting_counter_delta (organization_id, month, due, held, cancelled, thematic_held, expected,
		       present, excused, unexcused, quality_met, good, fair, average, poor, visits, planned)
		select a::bigint, make_date(new.year, coalesce(new.quarter * 3 - 2, 1), 1), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		       new.planned
		from unnest(string_to_array(new.committee_path::text, '.')) a;
	end if;
	return null;
end $$;
create trigger assignment_counter_insert after insert on meetings.assignment
	for each row execute function meetings.assignment_counter_row();
create trigger assignment_counter_delete after delete on meetings.assignment
	for each row execute function meetings.assignment_counter_row();
create trigger assignment_counter_update after update on meetings.assignment
	for each row when ((old.committee_path, old.year, old.quarter, old.planned, old.ended)
	                   is distinct from (new.committee_path, new.year, new.quarter, new.planned, new.ended))
	execute function meetings.assignment_counter_row();

-- Assignments made before this migration.
insert into meetings.meeting_counter_delta (organization_id, month, due, held, cancelled, thematic_held, expected, present,
       excused, unexcused, quality_met, good, fair, average, poor, visits, planned)
select a::bigint, make_date(year, coalesce(quarter * 3 - 2, 1), 1), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, sum(planned)
from meetings.assignment, unnest(string_to_array(committee_path::text, '.')) a
where not ended
group by 1, 2;

create or replace function meetings.fold_counter_deltas() returns bigint language sql as $$
	with d as (
		delete from meetings.meeting_counter_delta
		where id in (select id from meetings.meeting_counter_delta order by id limit 50000 for update skip locked)
		returning *)
	, s as (
		insert into meetings.meeting_counter as c (organization_id, month, due, held, cancelled, thematic_held, expected,
		       present, excused, unexcused, quality_met, good, fair, average, poor, visits, planned)
		select organization_id, month, sum(due), sum(held), sum(cancelled), sum(thematic_held), sum(expected), sum(present),
		       sum(excused), sum(unexcused), sum(quality_met), sum(good), sum(fair), sum(average), sum(poor), sum(visits),
		       sum(planned)
		from d group by 1, 2 order by 1, 2
		on conflict (organization_id, month) do update set
			due = c.due + excluded.due, held = c.held + excluded.held, cancelled = c.cancelled + excluded.cancelled,
			thematic_held = c.thematic_held + excluded.thematic_held, expected = c.expected + excluded.expected,
			present = c.present + excluded.present, excused = c.excused + excluded.excused,
			unexcused = c.unexcused + excluded.unexcused, quality_met = c.quality_met + excluded.quality_met,
			good = c.good + excluded.good, fair = c.fair + excluded.fair, average = c.average + excluded.average,
			poor = c.poor + excluded.poor, visits = c.visits + excluded.visits, planned = c.planned + excluded.planned
		returning 1)
	select count(*) from d
$$;
