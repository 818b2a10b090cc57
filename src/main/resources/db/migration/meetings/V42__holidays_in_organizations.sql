-- One calendar of public holidays for the whole platform (organizations.holiday, V16): days entered here are kept.
insert into organizations.holiday (day, name) select day, name from meetings.holiday on conflict do nothing;
drop table meetings.holiday;
