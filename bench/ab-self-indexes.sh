#!/usr/bin/env bash
# A/B of V59_1 on a running app (bench/measure-evaluations.sh signs the bench members in and leaves selfs.txt):
# ROUNDS times, with the two indexes V59_1 dropped built again ("old") and without them ("new"), the bench members
# are put back to the self-assessment step and 200 submit at the same instant (bench/burst.py).
# Usage: bash bench/ab-self-indexes.sh 6
# Since V59_2 the deltas name their organizations in an array (orgs): the old delta index is built on (period) and
# orgs, the closest to what V59_1 dropped.
cd "$(dirname "$0")/.."
P="psql -X -q -h localhost -p 55432 -U postgres -d dangvu"
old() {
  $P -c "create index if not exists evaluation_quota_old on evaluations.evaluation (cycle_id, grassroots_id, peer_group, step) include (level, appraisal_level, opinion_level, self_level) where subject_kind = 'MEMBER'" \
     -c "create index if not exists counter_delta_key_old on evaluations.counter_delta (period, orgs)"
}
new() {
  $P -c "drop index if exists evaluations.evaluation_quota_old" -c "drop index if exists evaluations.counter_delta_key_old"
}
for r in $(seq 1 "${1:-3}"); do
  for v in old new; do
    $v
    $P -f bench/reset-self.sql
    $P -c "vacuum evaluations.evaluation"
    echo "$v $(python3 bench/burst.py http://localhost:8089 bench/out/selfs.txt 200 1 0)"
  done
done
new
