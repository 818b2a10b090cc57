-- The trigger that keeps a decided result locked called its PL/pgSQL function for every update of an evaluation,
-- each step of the flow included, to find out that the row was not decided. The condition on the old step is now the
-- trigger's own (evaluated without calling the function); the function still checks what changed.
drop trigger decided_locked on evaluations.evaluation;
create trigger decided_locked before update on evaluations.evaluation
	for each row when (old.step = 'DECIDED') execute function evaluations.decided_locked();
