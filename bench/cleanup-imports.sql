-- Removes the members that earlier benchmark imports added (bench/ImportBench.java), so that a run on a reused
-- dataset (REUSE=1 bash bench/run.sh) measures the generated dataset and not one grown by 45,000 look-alike names
-- per earlier run. The kept counters follow through the delete triggers.
\set ON_ERROR_STOP on
begin;
create temporary table imported on commit drop as
select distinct member_id as id from organizations.member_event where kind = 'IMPORT';
delete from organizations.member_event where member_id in (select id from imported);
delete from organizations.membership where member_id in (select id from imported);
delete from organizations.member where id in (select id from imported);
commit;
vacuum (analyze) organizations.member, organizations.membership, organizations.member_event;
