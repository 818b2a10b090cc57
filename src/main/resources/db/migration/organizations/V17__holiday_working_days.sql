-- A compensating working day ("ngày làm bù"): a Saturday or Sunday the Government makes a working day in exchange
-- for a day off next to a holiday. Counted as a working day for deadlines and meeting dates.
alter table organizations.holiday add column working boolean not null default false;
