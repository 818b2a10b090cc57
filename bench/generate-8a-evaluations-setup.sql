-- Part 8a: one annual review cycle of the whole country for 2026, opened by the central level, using the national
-- criteria sets; each organization's grassroots organization (the nearest commune / grassroots ancestor) for the
-- quota; the secondary indexes of evaluations dropped for the bulk load (part 8c builds them again).
\ir session.sql
begin;
insert into evaluations.cycle (organization_id, org_path, org_name, kind, year, period, title, regulation, status, self_until,
	opinion_until, state_until, appraisal_until, decision_until, order_mode, opened_at, created_by)
select o.id, o.path, o.name, 'ANNUAL', 2026, '2026', 'Kiểm điểm, đánh giá, xếp loại chất lượng năm 2026 (thử tải)', '366-QĐ/TW',
       'OPEN', date '2026-12-10', date '2026-12-13', date '2026-12-15', date '2026-12-18', date '2026-12-28', 'WARN', now(), 'thử tải'
from organizations.organization o where o.level = 'CENTRAL';
insert into evaluations.cycle_criteria (cycle_id, subject_group, criteria_set_id)
select c.id, s.subject_group, s.id from evaluations.cycle c, evaluations.criteria_set s where c.period = '2026' and s.org_path is null;
update evaluations.criteria_set set frozen_at = now() where org_path is null;
commit;

drop table if exists public.bench_grassroots;
create unlogged table public.bench_grassroots as
select o.id, coalesce((select a.id from organizations.organization a
                       where a.id = any(string_to_array(o.path::text, '.')::bigint[])
                         and a.level in ('COMMUNE','GRASSROOTS','GRASSROOTS_CELL')
                       order by nlevel(a.path) desc limit 1), o.id) as gid
from organizations.organization o where o.status = 'ACTIVE';
alter table public.bench_grassroots add primary key (id);

drop index if exists evaluations.evaluation_member;
drop index if exists evaluations.evaluation_org;
drop index if exists evaluations.evaluation_member_period;
drop index if exists evaluations.evaluation_cell;
drop index if exists evaluations.evaluation_path;
drop index if exists evaluations.evaluation_quota;
drop index if exists evaluations.evaluation_of_member;
