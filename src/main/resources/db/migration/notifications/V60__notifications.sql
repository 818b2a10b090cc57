create schema notifications;

-- Which reminder each account was told of by e-mail, so that the daily digest tells each fact once (a reminder
-- that turns overdue has another key and is told again).
create table notifications.sent (
	account_id bigint not null,
	key        text   not null,
	sent_at    timestamptz not null default now(),
	primary key (account_id, key)
);
