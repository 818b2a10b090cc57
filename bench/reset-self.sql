-- Puts the bench members' evaluations (accounts dv.*) back to the self-assessment step, as before their first
-- submission, so that a burst measures first submissions (step SELF → OPINION: the counters move, the row's
-- indexed columns change) rather than resubmissions. The counter triggers keep the counters right.
update evaluations.evaluation e
set step = 'SELF', scores = null, self_total = null, self_level = null, tasks_done = null, tasks_on_time = null,
    tasks_exceeded = null, self_text = null, self_by = null, self_at = null
where e.member_id in (select a.member_id from accounts.account a where a.username like 'dv.%')
  and e.period = '2026' and e.step = 'OPINION' and e.opinion_level is null;
