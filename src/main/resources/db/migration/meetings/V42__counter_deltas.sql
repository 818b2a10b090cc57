-- Every attendance recorded in the country updated the same few counter rows (the country's, the province's, the
-- commune's for the month), so concurrent recordings queued on their row locks until each commit. Now a meeting
-- change appends its deltas to meeting_counter_delta (an insert, no conflict with anyone), a background job folds
-- the deltas into meeting_counter every second or so, and readers add the deltas not yet folded: the counts are
-- exact at every moment and no recording waits for another.
create table meetings.meeting_counter_delta (
	id              bigint generated always as identity primary key,
	organization_id bigint not null,
	month           date   not null,
	due             bigint not null,
	held            bigint not null,
	cancelled       bigint not null,
	thematic_held   bigint not null,
	expected        bigint not null,
	present         bigint not null,
	excused         bigint not null,
	unexcused       bigint not null,
	quality_met     bigint not null,
	good            bigint not null,
	fair            bigint not null,
	average         bigint not null,
	poor            bigint not null,
	visits          bigint not null
);
create index meeting_counter_delta_org on meetings.meeting_counter_delta (organization_id, month);

-- Row-level triggers with static SQL (PL/pgSQL keeps their plans): a change of a meeting appends the old row's
-- contribution, negated, and the new row's, one delta row per ancestor (the labels of its path). The statement-
-- level triggers of V40 built and planned their SQL on every statement (EXECUTE), about 10 ms per recording.
drop trigger meeting_counters_insert on meetings.meeting;
drop trigger meeting_counters_update on meetings.meeting;
drop trigger meeting_counters_delete on meetings.meeting;
drop function meetings.meeting_counters_insert();
drop function meetings.meeting_counters_update();
drop function meetings.meeting_counters_delete();
drop function meetings.counter_sql(text);

create function meetings.add_counter_delta(r meetings.meeting, s int) returns void language sql as $$
	insert into meetings.meeting_counter_delta (organization_id, month, due, held, cancelled, thematic_held, expected,
	       present, excused, unexcused, quality_met, good, fair, average, poor, visits)
	select a::bigint, date_trunc('month', r.meeting_date)::date,
	       s * (r.kind in ('REGULAR','THEMATIC') and r.status <> 'CANCELLED')::int,
	       s * (r.status = 'HELD')::int,
	       s * (r.status = 'CANCELLED')::int,
	       s * (r.status = 'HELD' and r.kind = 'THEMATIC')::int,
	       s * case when r.status = 'HELD' then r.expected else 0 end,
	       s * case when r.status = 'HELD' then r.present else 0 end,
	       s * case when r.status = 'HELD' then r.excused else 0 end,
	       s * case when r.status = 'HELD' then r.unexcused else 0 end,
	       s * coalesce(r.status = 'HELD' and r.quality_attendance and r.quality_no_unexcused and r.quality_excused_streak, false)::int,
	       s * (r.status = 'HELD' and r.quality_band is not distinct from 'GOOD')::int,
	       s * (r.status = 'HELD' and r.quality_band is not distinct from 'FAIR')::int,
	       s * (r.status = 'HELD' and r.quality_band is not distinct from 'AVERAGE')::int,
	       s * (r.status = 'HELD' and r.quality_band is not distinct from 'POOR')::int,
	       s * r.visits
	from unnest(string_to_array(r.org_path::text, '.')) a
$$;

create function meetings.meeting_counter_row() returns trigger language plpgsql as $$
begin
	if tg_op in ('UPDATE', 'DELETE') then
		perform meetings.add_counter_delta(old, -1);
	end if;
	if tg_op in ('UPDATE', 'INSERT') then
		perform meetings.add_counter_delta(new, 1);
	end if;
	return null;
end $$;

create trigger meeting_counter_insert after insert on meetings.meeting
	for each row execute function meetings.meeting_counter_row();
create trigger meeting_counter_delete after delete on meetings.meeting
	for each row execute function meetings.meeting_counter_row();
create trigger meeting_counter_update after update on meetings.meeting
	for each row when ((old.org_path, old.meeting_date, old.kind, old.status, old.expected, old.present, old.excused,
	                    old.unexcused, old.quality_attendance, old.quality_no_unexcused, old.quality_excused_streak,
	                    old.quality_band, old.visits)
	                   is distinct from
	                   (new.org_path, new.meeting_date, new.kind, new.status, new.expected, new.present, new.excused,
	                    new.unexcused, new.quality_attendance, new.quality_no_unexcused, new.quality_excused_streak,
	                    new.quality_band, new.visits))
	execute function meetings.meeting_counter_row();

-- Folds the deltas written so far into the counters (called by the application every second; safe to call
-- concurrently: rows are locked and skipped by a second caller).
create function meetings.fold_counter_deltas() returns bigint language sql as $$
	with d as (
		delete from meetings.meeting_counter_delta
		where id in (select id from meetings.meeting_counter_delta order by id limit 50000 for update skip locked)
		returning *)
	, s as (
		insert into meetings.meeting_counter as c (organization_id, month, due, held, cancelled, thematic_held, expected,
		       present, excused, unexcused, quality_met, good, fair, average, poor, visits)
		select organization_id, month, sum(due), sum(held), sum(cancelled), sum(thematic_held), sum(expected), sum(present),
		       sum(excused), sum(unexcused), sum(quality_met), sum(good), sum(fair), sum(average), sum(poor), sum(visits)
		from d group by 1, 2 order by 1, 2
		on conflict (organization_id, month) do update set
			due = c.due + excluded.due, held = c.held + excluded.held, cancelled = c.cancelled + excluded.cancelled,
			thematic_held = c.thematic_held + excluded.thematic_held, expected = c.expected + excluded.expected,
			present = c.present + excluded.present, excused = c.excused + excluded.excused,
			unexcused = c.unexcused + excluded.unexcused, quality_met = c.quality_met + excluded.quality_met,
			good = c.good + excluded.good, fair = c.fair + excluded.fair, average = c.average + excluded.average,
			poor = c.poor + excluded.poor, visits = c.visits + excluded.visits
		returning 1)
	select count(*) from d
$$;

