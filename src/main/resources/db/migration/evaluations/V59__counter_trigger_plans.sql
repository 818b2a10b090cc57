-- The counters' row trigger (updates and deletes; inserts have the statement trigger of V54) called a SQL function
-- of two statements for each side of a change. PostgreSQL plans the body of such a function again at every call:
-- four plannings for one update, 1.3 of the 2.0 ms that a member's first self-assessment took to update its row on
-- the national dataset (EXPLAIN ANALYZE, trigger time). The statements are now the trigger's own, in PL/pgSQL, whose
-- plans the session keeps; an update that keeps the organization, the period and the kind writes both sides in one
-- statement, and nothing when the state does not change (a new peer group, say, moves only the quota counters).
create or replace function evaluations.counter_row() returns trigger language plpgsql as $$
begin
	if tg_op = 'UPDATE' and old.org_path = new.org_path and old.period = new.period
	   and old.subject_kind = new.subject_kind then
		if evaluations.state_of(old.step, old.level) <> evaluations.state_of(new.step, new.level) then
			insert into evaluations.counter_delta (organization_id, period, subject_kind, state, n)
			select a::bigint, new.period, new.subject_kind, v.state, v.n
			from unnest(string_to_array(new.org_path::text, '.')) a,
			     (values (evaluations.state_of(old.step, old.level), -1), (evaluations.state_of(new.step, new.level), 1)) v(state, n);
		end if;
	else
		if tg_op in ('UPDATE', 'DELETE') then
			insert into evaluations.counter_delta (organization_id, period, subject_kind, state, n)
			select a::bigint, old.period, old.subject_kind, evaluations.state_of(old.step, old.level), -1
			from unnest(string_to_array(old.org_path::text, '.')) a;
		end if;
		if tg_op in ('UPDATE', 'INSERT') then
			insert into evaluations.counter_delta (organization_id, period, subject_kind, state, n)
			select a::bigint, new.period, new.subject_kind, evaluations.state_of(new.step, new.level), 1
			from unnest(string_to_array(new.org_path::text, '.')) a;
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

drop function evaluations.add_delta(evaluations.evaluation, int);
