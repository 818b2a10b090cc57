-- Part 8b: every member :from..:to not gone is a subject of the 2026 cycle. By a cheap hash of the id: 40% still to
-- self-assess, 10% waiting for the cell, 5% for appraisal, 5% for decision, 40% decided (of those 10% HTXSNV, 60%
-- HTTNV, 25% HTNV, 5% KHTNV); exempted and suspended members not classified.
\ir session.sql
begin;
insert into evaluations.evaluation (cycle_id, period, subject_kind, organization_id, org_path, org_name, org_level, grassroots_id,
	member_id, subject_name, subject_group, peer_group, step, not_classified_reason, scores, self_total, self_level,
	tasks_on_time, tasks_exceeded, tasks_done, self_by, self_at, opinion_level, opinion_present, opinion_for, opinion_against,
	opinion_abstain, opinion_by, opinion_at, appraisal_level, appraisal_by, appraisal_at, level, decision_ref, decided_on, decided_by)
select c.id, '2026', 'MEMBER', o.id, o.path, o.name, o.level, g.gid, m.id, m.full_name, x.grp, x.grp, x.step,
       case when x.step = 'NOT_CLASSIFIED' then 'Miễn công tác và sinh hoạt, đình chỉ (thử tải)' end,
       case when x.step not in ('SELF','NOT_CLASSIFIED') then '{}'::jsonb end,
       case when x.step not in ('SELF','NOT_CLASSIFIED') then 80 end,
       case when x.step not in ('SELF','NOT_CLASSIFIED') then coalesce(x.lvl, 'HTTNV') end,
       case when x.step not in ('SELF','NOT_CLASSIFIED') then 100 end,
       case when x.step not in ('SELF','NOT_CLASSIFIED') then 10 end,
       case when x.step not in ('SELF','NOT_CLASSIFIED') then 100 end,
       case when x.step not in ('SELF','NOT_CLASSIFIED') then 'thử tải' end,
       case when x.step not in ('SELF','NOT_CLASSIFIED') then now() end,
       case when x.step in ('APPRAISAL','DECISION','DECIDED') then coalesce(x.lvl, 'HTTNV') end,
       case when x.step in ('APPRAISAL','DECISION','DECIDED') then 10 end,
       case when x.step in ('APPRAISAL','DECISION','DECIDED') then 9 end,
       case when x.step in ('APPRAISAL','DECISION','DECIDED') then 1 end,
       case when x.step in ('APPRAISAL','DECISION','DECIDED') then 0 end,
       case when x.step in ('APPRAISAL','DECISION','DECIDED') then 'thử tải' end,
       case when x.step in ('APPRAISAL','DECISION','DECIDED') then now() end,
       case when x.step in ('DECISION','DECIDED') then coalesce(x.lvl, 'HTTNV') end,
       case when x.step in ('DECISION','DECIDED') then 'thử tải' end,
       case when x.step in ('DECISION','DECIDED') then now() end,
       x.lvl,
       case when x.step = 'DECIDED' then '99-QĐ/ĐU' end,
       case when x.step = 'DECIDED' then date '2026-11-20' end,
       case when x.step = 'DECIDED' then 'thử tải' end
from organizations.member m
join organizations.organization o on o.id = m.organization_id
join public.bench_grassroots g on g.id = o.id
cross join (select id from evaluations.cycle where period = '2026' and kind = 'ANNUAL' and org_path = '1') c
cross join lateral (select (m.id * 7919) % 100 as h) hh
cross join lateral (select
       case when o.kind = 'WORKPLACE' then 'INDIVIDUAL' else 'NON_SYSTEM' end as grp,
       case when m.status in ('EXEMPT','SUSPENDED') then 'NOT_CLASSIFIED' when hh.h < 40 then 'SELF' when hh.h < 50 then 'OPINION'
            when hh.h < 55 then 'APPRAISAL' when hh.h < 60 then 'DECISION' else 'DECIDED' end as step,
       case when m.status in ('EXEMPT','SUSPENDED') or hh.h < 60 then null when hh.h < 64 then 'HTXSNV' when hh.h < 88 then 'HTTNV'
            when hh.h < 98 then 'HTNV' else 'KHTNV' end as lvl) x
where m.id between :from and :to and m.status not in ('REMOVED','EXPELLED','LEFT','DECEASED');
commit;
