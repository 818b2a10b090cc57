-- Part 8d: the indexes of the evaluations migration, built after the load, then the counters and the bench accounts.
\ir session.sql
create unique index evaluation_member on evaluations.evaluation (cycle_id, member_id) where member_id is not null;
create unique index evaluation_org on evaluations.evaluation (cycle_id, subject_kind, organization_id, coalesce(collective, ''))
	where member_id is null;
create unique index evaluation_member_period on evaluations.evaluation (period, member_id)
	where member_id is not null and period !~ '^C';
create index evaluation_cell on evaluations.evaluation (cycle_id, organization_id, subject_kind, (given_name collate "vi-x-icu"), id);
create index evaluation_path on evaluations.evaluation using gist (org_path);
create index evaluation_quota on evaluations.evaluation (cycle_id, grassroots_id, peer_group)
	where subject_kind = 'MEMBER';
create index evaluation_of_member on evaluations.evaluation (member_id, period) where member_id is not null;

begin;
delete from evaluations.counter where period = '2026';
delete from evaluations.counter_delta where period = '2026';
insert into evaluations.counter (organization_id, period, subject_kind, state, n)
select a::bigint, e.period, e.subject_kind, evaluations.state_of(e.step, e.level), count(*)
from evaluations.evaluation e, unnest(string_to_array(e.org_path::text, '.')) a
group by 1, 2, 3, 4;
-- The quota groups (decided HTXSNV/HTTNV members per grassroots organization and peer group) and, from them, the
-- ancestors' counts of groups and of groups over the ceiling, as the fold keeps them.
delete from evaluations.quota_counter where period = '2026';
delete from evaluations.quota_counter_delta where period = '2026';
delete from evaluations.counter where period = '2026' and subject_kind = 'QUOTA';
insert into evaluations.quota_counter (period, grassroots_id, grassroots_path, peer_group, excellent, good)
select e.period, e.grassroots_id, min(evaluations.grassroots_path(e.org_path, e.grassroots_id)::text)::ltree, e.peer_group,
       count(*) filter (where e.level = 'HTXSNV'), count(*) filter (where e.level = 'HTTNV')
from evaluations.evaluation e
where e.period = '2026' and e.subject_kind = 'MEMBER' and e.step = 'DECIDED' and e.level in ('HTXSNV', 'HTTNV')
group by e.period, e.grassroots_id, e.peer_group;
insert into evaluations.counter (organization_id, period, subject_kind, state, n)
select a::bigint, q.period, 'QUOTA', s.state, sum(s.n)
from evaluations.quota_counter q, unnest(string_to_array(q.grassroots_path::text, '.')) a,
     lateral (values ('GROUPS', (q.excellent + q.good > 0)::int), ('OVER', (q.excellent > q.good * 20 / 100)::int)) s(state, n)
where q.period = '2026'
group by 1, 2, 3, 4 having sum(s.n) <> 0;
commit;

\set hash '\'{bcrypt}$2a$10$w.bccE5aZi.1x/dN8h1czuW2uONfzVwCIHiTwd8smUpsbV8yV0c2C\''
insert into accounts.account (username, display_name, password_hash, member_id, home_organization_id, home_path, must_change_password)
select 'dv.' || e.member_id, e.subject_name, :hash, e.member_id, e.organization_id, e.org_path, false
from evaluations.evaluation e
where e.period = '2026' and e.subject_kind = 'MEMBER' and e.step = 'SELF' and e.member_id % 1009 = 7
order by e.member_id limit 400
on conflict do nothing;
analyze evaluations.evaluation;
analyze evaluations.counter;
drop table public.bench_grassroots;
