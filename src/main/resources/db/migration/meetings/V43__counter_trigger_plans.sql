-- The meeting counters' trigger called a SQL function for each side of a change; PostgreSQL plans the body of such
-- a function again on every call, which made the trigger ~2 ms of a 2.5 ms attendance recount (pg_stat_statements on
-- the national dataset). Now the values are an inlinable expression and the insert a PL/pgSQL statement whose plan
-- the session keeps; an update that keeps the organization and the month writes one row of differences per
-- ancestor instead of two rows.
create function meetings.counter_values(r meetings.meeting) returns bigint[] language sql immutable as $$
	select array[
	       (r.kind in ('REGULAR','THEMATIC') and r.status <> 'CANCELLED')::int,
	       (r.status = 'HELD')::int,
	       (r.status = 'CANCELLED')::int,
	       (r.status = 'HELD' and r.kind = 'THEMATIC')::int,
	       case when r.status = 'HELD' then r.expected else 0 end,
	       case when r.status = 'HELD' then r.present else 0 end,
	       case when r.status = 'HELD' then r.excused else 0 end,
	       case when r.status = 'HELD' then r.unexcused else 0 end,
	       coalesce(r.status = 'HELD' and r.quality_attendance and r.quality_no_unexcused and r.quality_excused_streak, false)::int,
	       (r.status = 'HELD' and r.quality_band is not distinct from 'GOOD')::int,
	       (r.status = 'HELD' and r.quality_band is not distinct from 'FAIR')::int,
	       (r.status = 'HELD' and r.quality_band is not distinct from 'AVERAGE')::int,
	       (r.status = 'HELD' and r.quality_band is not distinct from 'POOR')::int,
	       r.visits]::bigint[]
$$;

create function meetings.insert_counter_delta(path ltree, day date, v bigint[]) returns void language plpgsql as $$
begin
	insert into meetings.meeting_counter_delta (organization_id, month, due, held, cancelled, thematic_held, expected,
	       present, excused, unexcused, quality_met, good, fair, average, poor, visits)
	select a::bigint, date_trunc('month', day)::date, v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11],
	       v[12], v[13], v[14]
	from unnest(string_to_array(path::text, '.')) a;
end $$;

create or replace function meetings.meeting_counter_row() returns trigger language plpgsql as $$
declare
	o bigint[];
	n bigint[];
	d bigint[];
	changed boolean;
begin
	if tg_op = 'UPDATE' and old.org_path = new.org_path
	   and date_trunc('month', old.meeting_date) = date_trunc('month', new.meeting_date) then
		o := meetings.counter_values(old);
		n := meetings.counter_values(new);
		d := n;
		changed := false;
		for i in 1 .. array_length(n, 1) loop
			d[i] := n[i] - o[i];
			changed := changed or d[i] <> 0;
		end loop;
		if changed then
			perform meetings.insert_counter_delta(new.org_path, new.meeting_date, d);
		end if;
		return null;
	end if;
	if tg_op in ('UPDATE', 'DELETE') then
		o := meetings.counter_values(old);
		for i in 1 .. array_length(o, 1) loop
			o[i] := -o[i];
		end loop;
		perform meetings.insert_counter_delta(old.org_path, old.meeting_date, o);
	end if;
	if tg_op in ('UPDATE', 'INSERT') then
		perform meetings.insert_counter_delta(new.org_path, new.meeting_date, meetings.counter_values(new));
	end if;
	return null;
end $$;

drop function meetings.add_counter_delta(meetings.meeting, int);
