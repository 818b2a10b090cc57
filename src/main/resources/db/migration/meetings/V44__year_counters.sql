-- A subtree's statistics list its children's totals for the year (months up to the current one). Read from the
-- month counters, that was a province's ~98 children x 11 months = ~1,100 rows, each on its own heap page (a
-- month's rows are written together, for every organization), 1,350 buffer reads and 1.8 ms per request; under 32
-- connections a province's statistics had p95 108 ms. Two more kept counters, fed by the same deltas and folded by
-- the same job, let that read be one index range:
--   meeting_year_counter:  per parent, year and child — the whole year, every month;
--   meeting_later_counter: per parent, month and child — only months from the current one on (what is planned
--                          ahead), which readers subtract for the months not yet reached.
-- Each delta now carries the parent of its organization (the label before it in the copied path; 0 for the root),
-- so a moved organization's rows leave the old parent (down to zeros) and arrive under the new one.

-- Every counter is recounted from the meetings and assignments at the end (pending deltas included).
alter table meetings.meeting_counter_delta add column parent_id bigint not null default 0;
create index meeting_counter_delta_parent on meetings.meeting_counter_delta (parent_id, month);

create table meetings.meeting_year_counter (
	parent_id       bigint not null,
	year            int    not null,
	organization_id bigint not null,
	due             bigint not null default 0,
	held            bigint not null default 0,
	cancelled       bigint not null default 0,
	thematic_held   bigint not null default 0,
	expected        bigint not null default 0,
	present         bigint not null default 0,
	excused         bigint not null default 0,
	unexcused       bigint not null default 0,
	quality_met     bigint not null default 0,
	good            bigint not null default 0,
	fair            bigint not null default 0,
	average         bigint not null default 0,
	poor            bigint not null default 0,
	visits          bigint not null default 0,
	planned         bigint not null default 0,
	primary key (parent_id, year, organization_id)
) with (fillfactor = 80);

create table meetings.meeting_later_counter (
	parent_id bigint not null,
	like meetings.meeting_counter including defaults,
	primary key (parent_id, month, organization_id)
);
create index meeting_later_counter_month on meetings.meeting_later_counter (month);

-- The first month kept in meeting_later_counter. Readers subtract the months from the first of next month on, never
-- earlier, so any month at or before the current one (by the database's clock) is safe.
create function meetings.later_from() returns date language sql stable as $$
	select date_trunc('month', now() at time zone 'Asia/Ho_Chi_Minh')::date
$$;

create or replace function meetings.insert_counter_delta(path ltree, day date, v bigint[]) returns void language plpgsql as $$
declare
	ids bigint[] := string_to_array(path::text, '.')::bigint[];
begin
	insert into meetings.meeting_counter_delta (organization_id, parent_id, month, due, held, cancelled, thematic_held,
	       expected, present, excused, unexcused, quality_met, good, fair, average, poor, visits)
	select ids[i], coalesce(ids[i - 1], 0), date_trunc('month', day)::date, v[1], v[2], v[3], v[4], v[5], v[6], v[7],
	       v[8], v[9], v[10], v[11], v[12], v[13], v[14]
	from generate_subscripts(ids, 1) i;
end $$;

create or replace function meetings.assignment_counter_row() returns trigger language plpgsql as $$
declare
	ids bigint[];
begin
	if tg_op in ('UPDATE', 'DELETE') and not old.ended then
		ids := string_to_array(old.committee_path::text, '.')::bigint[];
		insert into meetings.meeting_counter_delta (organization_id, parent_id, month, planned)
		select ids[i], coalesce(ids[i - 1], 0), make_date(old.year, coalesce(old.quarter * 3 - 2, 1), 1), -old.planned
		from generate_subscripts(ids, 1) i;
	end if;
	if tg_op in ('UPDATE', 'INSERT') and not new.ended then
		ids := string_to_array(new.committee_path::text, '.')::bigint[];
		insert into meetings.meeting_counter_delta (organization_id, parent_id, month, planned)
		select ids[i], coalesce(ids[i - 1], 0), make_date(new.year, coalesce(new.quarter * 3 - 2, 1), 1), new.planned
		from generate_subscripts(ids, 1) i;
	end if;
	return null;
end $$;

-- One statement: the deltas taken (the oldest `batch` of them; null: all), then the three counters. Safe to call
-- concurrently (rows locked and skipped).
drop function meetings.fold_counter_deltas();
create function meetings.fold_counter_deltas(batch int default 50000) returns bigint language sql as $$
	delete from meetings.meeting_later_counter where month < meetings.later_from();
	with d as (
		delete from meetings.meeting_counter_delta
		where id in (select id from meetings.meeting_counter_delta order by id limit batch for update skip locked)
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
	, y as (
		insert into meetings.meeting_year_counter as c (parent_id, year, organization_id, due, held, cancelled,
		       thematic_held, expected, present, excused, unexcused, quality_met, good, fair, average, poor, visits, planned)
		select parent_id, extract(year from month)::int, organization_id, sum(due), sum(held), sum(cancelled),
		       sum(thematic_held), sum(expected), sum(present), sum(excused), sum(unexcused), sum(quality_met), sum(good),
		       sum(fair), sum(average), sum(poor), sum(visits), sum(planned)
		from d group by 1, 2, 3 order by 1, 2, 3
		on conflict (parent_id, year, organization_id) do update set
			due = c.due + excluded.due, held = c.held + excluded.held, cancelled = c.cancelled + excluded.cancelled,
			thematic_held = c.thematic_held + excluded.thematic_held, expected = c.expected + excluded.expected,
			present = c.present + excluded.present, excused = c.excused + excluded.excused,
			unexcused = c.unexcused + excluded.unexcused, quality_met = c.quality_met + excluded.quality_met,
			good = c.good + excluded.good, fair = c.fair + excluded.fair, average = c.average + excluded.average,
			poor = c.poor + excluded.poor, visits = c.visits + excluded.visits, planned = c.planned + excluded.planned
		returning 1)
	, l as (
		insert into meetings.meeting_later_counter as c (parent_id, month, organization_id, due, held, cancelled,
		       thematic_held, expected, present, excused, unexcused, quality_met, good, fair, average, poor, visits, planned)
		select parent_id, month, organization_id, sum(due), sum(held), sum(cancelled), sum(thematic_held), sum(expected),
		       sum(present), sum(excused), sum(unexcused), sum(quality_met), sum(good), sum(fair), sum(average), sum(poor),
		       sum(visits), sum(planned)
		from d where month >= meetings.later_from() group by 1, 2, 3 order by 1, 2, 3
		on conflict (parent_id, month, organization_id) do update set
			due = c.due + excluded.due, held = c.held + excluded.held, cancelled = c.cancelled + excluded.cancelled,
			thematic_held = c.thematic_held + excluded.thematic_held, expected = c.expected + excluded.expected,
			present = c.present + excluded.present, excused = c.excused + excluded.excused,
			unexcused = c.unexcused + excluded.unexcused, quality_met = c.quality_met + excluded.quality_met,
			good = c.good + excluded.good, fair = c.fair + excluded.fair, average = c.average + excluded.average,
			poor = c.poor + excluded.poor, visits = c.visits + excluded.visits, planned = c.planned + excluded.planned
		returning 1)
	select count(*) from d
$$;

-- Every kept counter recounted from the meetings and the assignments (this migration; the benchmark generator,
-- which loads with triggers off): each meeting's values as the trigger takes them (counter_values), each
-- assignment's planned visits, appended as deltas per organization, parent and month, then folded at once.
create function meetings.recount_counters() returns void language plpgsql as $$
begin
	truncate meetings.meeting_counter, meetings.meeting_counter_delta, meetings.meeting_year_counter,
	         meetings.meeting_later_counter;
	insert into meetings.meeting_counter_delta (organization_id, parent_id, month, due, held, cancelled, thematic_held,
	       expected, present, excused, unexcused, quality_met, good, fair, average, poor, visits, planned)
	select ids[i], coalesce(ids[i - 1], 0), month, sum(v[1]), sum(v[2]), sum(v[3]), sum(v[4]), sum(v[5]), sum(v[6]),
	       sum(v[7]), sum(v[8]), sum(v[9]), sum(v[10]), sum(v[11]), sum(v[12]), sum(v[13]), sum(v[14]), sum(planned)
	from (select string_to_array(m.org_path::text, '.')::bigint[] ids, date_trunc('month', m.meeting_date)::date as month,
	             meetings.counter_values(m) v, 0 planned
	      from meetings.meeting m
	      union all
	      select string_to_array(committee_path::text, '.')::bigint[], make_date(year, coalesce(quarter * 3 - 2, 1), 1),
	             array_fill(0::bigint, array[14]), planned
	      from meetings.assignment where not ended) c, generate_subscripts(ids, 1) i
	group by 1, 2, 3;
	perform meetings.fold_counter_deltas(null);
end $$;

select meetings.recount_counters();
analyze meetings.meeting_counter;
analyze meetings.meeting_year_counter;
analyze meetings.meeting_later_counter;
