-- A member change and a move of its organization no longer race. The counter triggers (V19) read the organization's
-- path and its ancestors; a move (OrganizationRepository.move) rewrites the subtree's paths and shifts the subtree's
-- counts from the old ancestors to the new ones. A change that read the paths before an uncommitted move, or that
-- committed after the move had read the counts, left its member counted under the old ancestors. Now each trigger
-- first takes a share lock on the organizations of the rows it counts, and a move rewrites (locks) the subtree's
-- paths before it reads the counts: whichever comes second waits for the first to commit and then sees it.
create or replace function organizations.member_counters_insert() returns trigger language plpgsql as $$
begin
	perform 1 from organizations.organization where id in (select organization_id from new_rows) order by id for share;
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
	perform 1 from organizations.organization where id in (select organization_id from old_rows) order by id for share;
	insert into organizations.member_counter_delta (organization_id, status_key, n)
	select a.id, d.k, -sum(d.n)
	from (select organization_id o, organizations.status_key(standing, status) k, count(*) n from old_rows group by 1, 2) d
	join organizations.organization x on x.id = d.o
	join organizations.organization a on a.path @> x.path
	group by a.id, d.k;
	return null;
end $$;

-- Only the rows whose organization or status changes are counted, and only their organizations are locked.
create or replace function organizations.member_counters_update() returns trigger language plpgsql as $$
begin
	perform 1 from organizations.organization
	where id in (select unnest(array[n.organization_id, x.organization_id]) from new_rows n join old_rows x on x.id = n.id
	             where n.organization_id <> x.organization_id
	                or organizations.status_key(n.standing, n.status) <> organizations.status_key(x.standing, x.status))
	order by id for share;
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
