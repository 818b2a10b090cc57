-- 200 members submitting their self-assessments at the same instant (issue 4: p95 ≤ 150 ms on 2 cores) took 1.0–1.4
-- ms of PostgreSQL CPU per first submission; two costs of the row's update were not needed:
--
-- 1. The counters' deltas were indexed by (organization_id, period) for the readers that add the deltas not yet
--    folded. The deltas of one change share their keys with every other pending change of the same ancestors
--    (the country, the province …), so each insert went into a long run of duplicates: a first submission's 12
--    delta rows cost 0.07–0.2 ms with the index, 0.03 ms without (5,000 submissions' inserts in a loop, same
--    session). The table holds only what the job has not folded yet (it folds every second), so the readers scan it.
drop index evaluations.counter_delta_key;
--
-- 2. The quota index carried the step and the four proposed levels, so every step of the flow changed an indexed
--    column and the update could not be HOT: the new row version was entered in all seven indexes (one of them
--    GiST). Keyed by the group alone, the live quota check reads the group's rows (tens to a few hundred, inserted
--    together when the cycle opened), and a step's update stays on its page when the page has room — which a
--    lower fill factor leaves for the rows of cycles opened from now on (a row grows at self-assessment).
drop index evaluations.evaluation_quota;
create index evaluation_quota on evaluations.evaluation (cycle_id, grassroots_id, peer_group)
	where subject_kind = 'MEMBER';
alter table evaluations.evaluation set (fillfactor = 60);
