-- Member counters through deltas. The statement triggers of V10 upserted the counters of every ancestor in the
-- change's own transaction, so every member change in the country waited on the country's and the province's
-- counter rows until the previous change committed — and an import, one statement of tens of seconds, held them
-- for all that time. Now a change appends its deltas (one row per ancestor and status, an insert that waits for no
-- one), a background job folds them into member_counter every second, and readers add the deltas not yet folded,
-- so the counts are exact at every moment. Meetings and evaluations keep their counters the same way.
create table organizations.member_counter_delta (
	id              bigint generated always as identity primary key,
	organization_id bigint not null,
	status_key      text   not null,
	n               bigint not null
);
create index member_counter_delta_org on organizations.member_counter_delta (organization_id, status_key);

-- What readers read: the kept counters with the deltas not yet folded (sum n per organization and status).
create view organizations.member_count as
	select organization_id, status_key, n from organizations.member_counter
	union all
	select organization_id, status_key, n from organizations.member_counter_delta;

create or replace function organizations.member_counters_insert() returns trigger language plpgsql as $$
begin
	insert into organizations.member_counter_delta (organization_id, status_key, n)
	select a.id, d.k, sum(d.n)
	from (select organization_id o, organizations.status_key(standing, status) k, count(*) n from new_rows group by 1, 2) d
	join organizations.organization x on x.id = d.o
	join organizations.organization a on a.path @> x.path
	group by a.id, d.k;
	return null;
end $$;

create or replace function organizations.member_counters_delete() returns trigger language plpgsql as $$
begin
	insert into organizations.member_counter_delta (organization_id, status_key, n)
	select a.id, d.k, -sum(d.n)
	from (select organization_id o, organizations.status_key(standing, status) k, count(*) n from old_rows group by 1, 2) d
	join organizations.organization x on x.id = d.o
	join organizations.organization a on a.path @> x.path
	group by a.id, d.k;
	return null;
end $$;

create or replace function organizations.member_counters_update() returns trigger language plpgsql as $$
begin
	insert into organizations.member_counter_delta (organization_id, status_key, n)
	select a.id, d.k, sum(d.n)
	from (select o, k, sum(n) n from (
	          select n.organization_id o, organizations.status_key(n.standing, n.status) k, 1 n
	          from new_rows n join old_rows x on x.id = n.id
	          where n.organization_id <> x.organization_id
	             or organizations.status_key(n.standing, n.status) <> organizations.status_key(x.standing, x.status)
	          union all
	          select x.organization_id, organizations.status_key(x.standing, x.status), -1
	          from new_rows n join old_rows x on x.id = n.id
	          where n.organization_id <> x.organization_id
	             or organizations.status_key(n.standing, n.status) <> organizations.status_key(x.standing, x.status)
	      ) c group by o, k having sum(n) <> 0) d
	join organizations.organization x on x.id = d.o
	join organizations.organization a on a.path @> x.path
	group by a.id, d.k
	having sum(d.n) <> 0;
	return null;
end $$;

-- Folds the deltas written so far into the counters (called by the application every second; safe to call
-- concurrently: rows are locked and skipped by a second caller). Returns how many deltas it folded.
create function organizations.fold_member_counter_deltas() returns bigint language sql as $$
	with d as (
		delete from organizations.member_counter_delta
		where id in (select id from organizations.member_counter_delta order by id limit 50000 for update skip locked)
		returning organization_id, status_key, n)
	, s as (
		insert into organizations.member_counter as c (organization_id, status_key, n)
		select organization_id, status_key, sum(n) from d group by 1, 2 order by 1, 2
		on conflict (organization_id, status_key) do update set n = c.n + excluded.n
		returning 1)
	select count(*) from d
$$;
