-- Reminders by e-mail are opt-in: the person gives the address and turns them on themself.
alter table accounts.account
	add column email        text,
	add column notify_email boolean not null default false,
	add check (not notify_email or email is not null);
