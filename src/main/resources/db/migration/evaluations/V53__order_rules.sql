-- Each order rule of a cycle set on its own (OFF, WARN or REFUSE): lower levels first (LOWER_FIRST), the
-- organization and its collectives before their members (COLLECTIVE_FIRST), heads after their units (HEADS_LAST).
-- A rule not listed follows order_mode.
alter table evaluations.cycle add column order_rules jsonb not null default '{}';
