-- A change of an evaluation's state appended one counter delta per ancestor and side: twelve rows (each with its
-- primary-key entry) for a member's first self-assessment on a six-level path, written while 200 members submit at
-- the same instant (issue 4: p95 ≤ 150 ms on 2 cores), then read back and deleted by the fold. A delta now names
-- all the organizations it counts for (the path's ids, as an array): two rows for such a change, one per side. The
-- fold spreads a row over its organizations (unnest) before adding it to the counters, and the readers that add the
-- deltas not yet folded look for their organization in the array. (pgbench of the submission's transaction, four
-- clients, alternating: PostgreSQL CPU per transaction 0.93–1.02 → 0.79–0.97 ms.)
-- The statement trigger of inserts (V54) already adds up a statement's rows per organization: its deltas carry one
-- organization each.
alter table evaluations.counter_delta add column orgs bigint[];
update evaluations.counter_delta set orgs = array[organization_id];
alter table evaluations.counter_delta alter column orgs set not null, drop column organization_id;

create or replace function evaluations.counter_row() returns trigger language plpgsql as $$
begin
	if tg_op = 'UPDATE' and old.org_path = new.org_path and old.period = new.period
	   and old.subject_kind = new.subject_kind then
		if evaluations.state_of(old.step, old.level) <> evaluations.state_of(new.step, new.level) then
			insert into evaluations.counter_delta (orgs, period, subject_kind, state, n)
			values (string_to_array(new.org_path::text, '.')::bigint[], new.period, new.subject_kind,
			        evaluations.state_of(old.step, old.level), -1),
			       (string_to_array(new.org_path::text, '.')::bigint[], new.period, new.subject_kind,
			        evaluations.state_of(new.step, new.level), 1);
		end if;
	else
		if tg_op in ('UPDATE', 'DELETE') then
			insert into evaluations.counter_delta (orgs, period, subject_kind, state, n)
			values (string_to_array(old.org_path::text, '.')::bigint[], old.period, old.subject_kind,
			        evaluations.state_of(old.step, old.level), -1);
		end if;
		if tg_op in ('UPDATE', 'INSERT') then
			insert into evaluations.counter_delta (orgs, period, subject_kind, state, n)
			values (string_to_array(new.org_path::text, '.')::bigint[], new.period, new.subject_kind,
			        evaluations.state_of(new.step, new.level), 1);
		end if;
	end if;
	-- The quota counters: decided members at the two top levels, per grassroots organization and peer group.
	if tg_op in ('UPDATE', 'DELETE') and old.subject_kind = 'MEMBER' and old.step = 'DECIDED'
	   and old.level in ('HTXSNV', 'HTTNV') then
		insert into evaluations.quota_counter_delta (period, grassroots_id, grassroots_path, peer_group, excellent, good)
		values (old.period, old.grassroots_id, evaluations.grassroots_path(old.org_path, old.grassroots_id), old.peer_group,
		        -(old.level = 'HTXSNV')::int, -(old.level = 'HTTNV')::int);
	end if;
	if tg_op in ('UPDATE', 'INSERT') and new.subject_kind = 'MEMBER' and new.step = 'DECIDED'
	   and new.level in ('HTXSNV', 'HTTNV') then
		insert into evaluations.quota_counter_delta (period, grassroots_id, grassroots_path, peer_group, excellent, good)
		values (new.period, new.grassroots_id, evaluations.grassroots_path(new.org_path, new.grassroots_id), new.peer_group,
		        (new.level = 'HTXSNV')::int, (new.level = 'HTTNV')::int);
	end if;
	return null;
end $$;

create or replace function evaluations.counter_insert_rows() returns trigger language plpgsql as $$
begin
	insert into evaluations.counter_delta (orgs, period, subject_kind, state, n)
	select array[a::bigint], r.period, r.subject_kind, evaluations.state_of(r.step, r.level), count(*)
	from new_rows r, unnest(string_to_array(r.org_path::text, '.')) a
	group by a, 2, 3, 4;
	insert into evaluations.quota_counter_delta (period, grassroots_id, grassroots_path, peer_group, excellent, good)
	select r.period, r.grassroots_id, min(evaluations.grassroots_path(r.org_path, r.grassroots_id)::text)::ltree, r.peer_group,
	       count(*) filter (where r.level = 'HTXSNV'), count(*) filter (where r.level = 'HTTNV')
	from new_rows r
	where r.subject_kind = 'MEMBER' and r.step = 'DECIDED' and r.level in ('HTXSNV', 'HTTNV')
	group by r.period, r.grassroots_id, r.peer_group;
	return null;
end $$;

create or replace function evaluations.fold_counter_deltas() returns bigint language sql as $$
	select pg_advisory_xact_lock(hashtext('evaluations.fold_counter_deltas'));
	with d as (
		delete from evaluations.counter_delta
		where id in (select id from evaluations.counter_delta order by id limit 50000 for update skip locked)
		returning *)
	, s as (
		insert into evaluations.counter as c (organization_id, period, subject_kind, state, n)
		select o, period, subject_kind, state, sum(n) from d, unnest(d.orgs) o group by 1, 2, 3, 4 order by 1, 2, 3, 4
		on conflict (organization_id, period, subject_kind, state) do update set n = c.n + excluded.n
		returning 1)
	, q as (
		delete from evaluations.quota_counter_delta
		where id in (select id from evaluations.quota_counter_delta order by id limit 50000 for update skip locked)
		returning *)
	, qa as (
		select period, grassroots_id, peer_group, min(grassroots_path::text)::ltree as gp, sum(excellent) as e, sum(good) as g
		from q group by 1, 2, 3)
	, before as (
		select qa.*, coalesce(c.excellent, 0) as oe, coalesce(c.good, 0) as og
		from qa left join evaluations.quota_counter c using (period, grassroots_id, peer_group))
	, qs as (
		insert into evaluations.quota_counter as c (period, grassroots_id, grassroots_path, peer_group, excellent, good)
		select period, grassroots_id, gp, peer_group, e, g from qa order by 1, 2, 3
		on conflict (period, grassroots_id, peer_group) do update set excellent = c.excellent + excluded.excellent,
			good = c.good + excluded.good, grassroots_path = excluded.grassroots_path
		returning 1)
	, flips as (
		select period, gp, 'GROUPS' as state, (oe + e + og + g > 0)::int - (oe + og > 0)::int as n from before
		union all
		select period, gp, 'OVER', (oe + e > (og + g) * 20 / 100)::int - (oe > og * 20 / 100)::int from before)
	, fl as (
		insert into evaluations.counter as c (organization_id, period, subject_kind, state, n)
		select a::bigint, f.period, 'QUOTA', f.state, sum(f.n)
		from flips f, unnest(string_to_array(f.gp::text, '.')) a
		where f.n <> 0 group by 1, 2, 3, 4 order by 1, 2, 3, 4
		on conflict (organization_id, period, subject_kind, state) do update set n = c.n + excluded.n
		returning 1)
	select (select count(*) from d) + (select count(*) from q)
$$;
