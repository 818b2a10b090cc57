-- Part 8c: every active organization (not party groups) as a subject of the cycle; the indexes; the kept counters
-- (what the triggers keep in real use, computed once here); 400 members still to self-assess get an account
-- (the bench's password), listed in bench/out/selfs.txt for the self-assessment benchmark.
\ir session.sql
begin;
insert into evaluations.evaluation (cycle_id, period, subject_kind, organization_id, org_path, org_name, org_level, grassroots_id,
	subject_name, subject_group, peer_group, step, level, decision_ref, decided_on, decided_by)
select c.id, '2026', 'ORGANIZATION', o.id, o.path, o.name, o.level, g.gid, o.name, 'ORGANIZATION', 'ORGANIZATION',
       case when o.id % 10 < 6 then 'SELF' else 'DECIDED' end,
       case when o.id % 10 < 6 then null when o.id % 10 < 7 then 'HTXSNV' when o.id % 10 < 9 then 'HTTNV' else 'HTNV' end,
       case when o.id % 10 >= 6 then '99-QĐ/TU' end, case when o.id % 10 >= 6 then date '2026-11-20' end,
       case when o.id % 10 >= 6 then 'thử tải' end
from organizations.organization o
join public.bench_grassroots g on g.id = o.id
cross join (select id from evaluations.cycle where period = '2026' and kind = 'ANNUAL' and org_path = '1') c
where o.status = 'ACTIVE' and o.level <> 'GROUP';
commit;
