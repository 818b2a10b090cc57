-- Public holidays, for every count of working days: transfer deadlines (30 working days to present the letter) and
-- meeting schedules (a meeting falling on one moves to the next working day). Configuration: verify each year
-- against the Government's announcement (Tết dates move with the lunar calendar). The meetings module's own copy
-- (meetings.holiday) is folded in here by its migration V42.
create table organizations.holiday (
	day  date primary key,
	name text not null
);
insert into organizations.holiday (day, name) values
	('2026-01-01', 'Tết Dương lịch'),
	('2026-02-16', 'Tết Nguyên đán'), ('2026-02-17', 'Tết Nguyên đán'), ('2026-02-18', 'Tết Nguyên đán'),
	('2026-02-19', 'Tết Nguyên đán'), ('2026-02-20', 'Tết Nguyên đán'),
	('2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù)'), ('2026-04-30', 'Ngày Chiến thắng'), ('2026-05-01', 'Quốc tế Lao động'),
	('2026-09-01', 'Quốc khánh'), ('2026-09-02', 'Quốc khánh'),
	('2027-01-01', 'Tết Dương lịch'),
	('2027-02-05', 'Tết Nguyên đán'), ('2027-02-08', 'Tết Nguyên đán'), ('2027-02-09', 'Tết Nguyên đán'),
	('2027-02-10', 'Tết Nguyên đán'), ('2027-02-11', 'Tết Nguyên đán'),
	('2027-04-16', 'Giỗ Tổ Hùng Vương'), ('2027-04-30', 'Ngày Chiến thắng'), ('2027-05-03', 'Quốc tế Lao động (nghỉ bù)'),
	('2027-09-02', 'Quốc khánh'), ('2027-09-03', 'Quốc khánh')
on conflict do nothing;
