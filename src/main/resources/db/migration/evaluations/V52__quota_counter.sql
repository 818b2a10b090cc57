-- Decided HTXSNV and HTTNV members per grassroots organization and peer group, kept like the other counters (deltas
-- appended by the row trigger, folded by the job), and from them the roll-up's "groups over the HTXSNV ceiling",
-- kept in the counters too (subject_kind QUOTA, states GROUPS and OVER, for every ancestor of the grassroots
-- organization), so that reading it costs what reading the counts costs.
create table evaluations.quota_counter (
	period           text   not null,
	grassroots_id    bigint not null,
	grassroots_path  ltree  not null,
	peer_group       text   not null,
	excellent        bigint not null default 0,
	good             bigint not null default 0,
	primary key (period, grassroots_id, peer_group)
);
create index quota_counter_path on evaluations.quota_counter using gist (grassroots_path);
create table evaluations.quota_counter_delta (
	id bigint generated always as identity primary key,
	like evaluations.quota_counter including defaults
);

-- The grassroots organization's path: the evaluated organization's path cut after the grassroots organization's id.
create function evaluations.grassroots_path(org_path ltree, grassroots_id bigint) returns ltree
	language sql immutable parallel safe as $$
	select case when index(org_path, grassroots_id::text::ltree) >= 0
	            then subpath(org_path, 0, index(org_path, grassroots_id::text::ltree) + 1) else org_path end
$$;

create or replace function evaluations.add_delta(r evaluations.evaluation, s int) returns void language sql as $$
	insert into evaluations.counter_delta (organization_id, period, subject_kind, state, n)
	select a::bigint, r.period, r.subject_kind, evaluations.state_of(r.step, r.level), s
	from unnest(string_to_array(r.org_path::text, '.')) a;
	insert into evaluations.quota_counter_delta (period, grassroots_id, grassroots_path, peer_group, excellent, good)
	select r.period, r.grassroots_id, evaluations.grassroots_path(r.org_path, r.grassroots_id), r.peer_group,
	       s * (r.level = 'HTXSNV')::int, s * (r.level = 'HTTNV')::int
	where r.subject_kind = 'MEMBER' and r.step = 'DECIDED' and r.level in ('HTXSNV', 'HTTNV');
$$;

drop trigger counter_update on evaluations.evaluation;
create trigger counter_update after update on evaluations.evaluation
	for each row when ((old.org_path, old.period, old.subject_kind, old.step, old.level, old.grassroots_id, old.peer_group)
	                   is distinct from (new.org_path, new.period, new.subject_kind, new.step, new.level, new.grassroots_id, new.peer_group))
	execute function evaluations.counter_row();

-- Decisions recorded before this migration.
insert into evaluations.quota_counter (period, grassroots_id, grassroots_path, peer_group, excellent, good)
select period, grassroots_id, min(evaluations.grassroots_path(org_path, grassroots_id)::text)::ltree, peer_group,
       count(*) filter (where level = 'HTXSNV'), count(*) filter (where level = 'HTTNV')
from evaluations.evaluation
where subject_kind = 'MEMBER' and step = 'DECIDED' and level in ('HTXSNV', 'HTTNV')
group by period, grassroots_id, peer_group;

-- A group is a (grassroots organization, peer group) with decided HTXSNV or HTTNV members; it is over when its
-- HTXSNV exceed 20 % of its HTTNV (the default ceiling; a cycle's own percent applies on its page). The fold works
-- out which groups changed side and appends those changes; one fold at a time (advisory lock), since it reads the
-- groups before changing them.
create or replace function evaluations.fold_counter_deltas() returns bigint language sql as $$
	select pg_advisory_xact_lock(hashtext('evaluations.fold_counter_deltas'));
	with d as (
		delete from evaluations.counter_delta
		where id in (select id from evaluations.counter_delta order by id limit 50000 for update skip locked)
		returning *)
	, s as (
		insert into evaluations.counter as c (organization_id, period, subject_kind, state, n)
		select organization_id, period, subject_kind, state, sum(n) from d group by 1, 2, 3, 4 order by 1, 2, 3, 4
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

-- The groups as they stand.
insert into evaluations.counter as c (organization_id, period, subject_kind, state, n)
select a::bigint, g.period, 'QUOTA', x.state, sum(x.n)
from evaluations.quota_counter g
cross join lateral (values ('GROUPS', (g.excellent + g.good > 0)::int), ('OVER', (g.excellent > g.good * 20 / 100)::int)) x(state, n)
cross join lateral unnest(string_to_array(g.grassroots_path::text, '.')) a
where x.n <> 0
group by 1, 2, 3, 4
on conflict (organization_id, period, subject_kind, state) do update set n = c.n + excluded.n;
