-- A cycle over a large subtree (a province, the country) lists its subjects in the background: OPENING until done.
alter table evaluations.cycle drop constraint cycle_status_check;
alter table evaluations.cycle add constraint cycle_status_check check (status in ('DRAFT','OPENING','OPEN','CLOSED'));
