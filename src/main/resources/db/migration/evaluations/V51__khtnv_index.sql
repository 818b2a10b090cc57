-- Two years of KHTNV are found from the few KHTNV results of a period, not by scanning a subtree's results.
create index evaluation_khtnv on evaluations.evaluation (member_id, period) where level = 'KHTNV';
