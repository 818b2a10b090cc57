-- The counters' row trigger (updates and deletes: one subject at a time, e.g. a self-assessment moving a member
-- from SELF to OPINION) called a SQL-language function twice; PostgreSQL plans the body of such a function again on
-- every call (see meetings V43). The same statements in PL/pgSQL keep their plans for the session.
create or replace function evaluations.add_delta(r evaluations.evaluation, s int) returns void language plpgsql as $$
begin
	insert into evaluations.counter_delta (organization_id, period, subject_kind, state, n)
	select a::bigint, r.period, r.subject_kind, evaluations.state_of(r.step, r.level), s
	from unnest(string_to_array(r.org_path::text, '.')) a;
	if r.subject_kind = 'MEMBER' and r.step = 'DECIDED' and r.level in ('HTXSNV', 'HTTNV') then
		insert into evaluations.quota_counter_delta (period, grassroots_id, grassroots_path, peer_group, excellent, good)
		values (r.period, r.grassroots_id, evaluations.grassroots_path(r.org_path, r.grassroots_id), r.peer_group,
		        s * (r.level = 'HTXSNV')::int, s * (r.level = 'HTTNV')::int);
	end if;
end $$;
