-- Public holidays, for every count of working days: transfer deadlines (30 working days to present the letter) and
-- meeting dates (a meeting falling on one moves to the next working day). Configuration: verify each year against
-- the Government's announcement (Tết dates move with the lunar calendar). The 2026–2027 days entered first by the
-- meetings module (meetings.holiday, V40) are moved here by its migration V42.
create table organizations.holiday (
	day  date primary key,
	name text not null
);
