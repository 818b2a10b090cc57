-- Opening a cycle inserts a whole subtree's subjects (a province: about 190,000) in statements of a thousand rows.
-- A row trigger appended one delta row per ancestor per subject (a million rows for a province, 172 s to open it);
-- for inserts, one statement-level trigger now appends the deltas already summed per ancestor and state. Updates
-- and deletes (one subject at a time) keep the row trigger.
create function evaluations.counter_insert_rows() returns trigger language plpgsql as $$
begin
	insert into evaluations.counter_delta (organization_id, period, subject_kind, state, n)
	select a::bigint, r.period, r.subject_kind, evaluations.state_of(r.step, r.level), count(*)
	from new_rows r, unnest(string_to_array(r.org_path::text, '.')) a
	group by 1, 2, 3, 4;
	insert into evaluations.quota_counter_delta (period, grassroots_id, grassroots_path, peer_group, excellent, good)
	select r.period, r.grassroots_id, min(evaluations.grassroots_path(r.org_path, r.grassroots_id)::text)::ltree, r.peer_group,
	       count(*) filter (where r.level = 'HTXSNV'), count(*) filter (where r.level = 'HTTNV')
	from new_rows r
	where r.subject_kind = 'MEMBER' and r.step = 'DECIDED' and r.level in ('HTXSNV', 'HTTNV')
	group by r.period, r.grassroots_id, r.peer_group;
	return null;
end $$;

drop trigger counter_insert on evaluations.evaluation;
create trigger counter_insert after insert on evaluations.evaluation
	referencing new table as new_rows for each statement execute function evaluations.counter_insert_rows();
