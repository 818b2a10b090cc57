-- Part 6: twelve months of meetings (December 2025 – November 2026) of cells :from..:to, with attendance.
-- Each cell: 12 regular meetings (the 5th, or the next weekday) and 2 thematic ones (20/3, 20/9), all held, every
-- member invited and marked by a cheap hash: 90% present, 6% excused, 4% absent without excuse; exempted and
-- excused-from-activity members as exempt. Ids are (cell − 1,000,000) × 16 + slot, so two sessions never collide.
\ir session.sql
begin;
insert into meetings.meeting (id, organization_id, org_path, org_name, kind, meeting_date, start_time, place, topic, status,
	publish_by, published_at, generated, created_by, recorded_at)
select (o.id - 1000000) * 16 + s.slot, o.id, o.path, o.name, s.kind,
       s.d0 + case extract(isodow from s.d0) when 6 then 2 when 7 then 1 else 0 end, time '19:30', 'Hội trường',
       'Sinh hoạt ' || to_char(s.d0, 'MM/YYYY'), 'HELD', (date_trunc('month', s.d0) - interval '1 day')::date, now(), true,
       'thử tải', now()
from organizations.organization o
cross join (select m as slot, 'REGULAR' as kind, (date '2025-12-01' + make_interval(months => m))::date + 4 as d0
            from generate_series(0, 11) m
            union all select 12, 'THEMATIC', date '2026-03-20'
            union all select 13, 'THEMATIC', date '2026-09-20') s
where o.level = 'CELL' and o.id between :from and :to
order by 1;

insert into meetings.agenda_item (meeting_id, position, title)
select m.id, p, (array['Báo cáo tình hình tháng','Phổ biến văn bản cấp trên','Thảo luận, biểu quyết'])[p]
from meetings.meeting m, generate_series(1, 3) p
where m.organization_id between :from and :to
order by 1, 2;

insert into meetings.attendance (meeting_id, member_id, full_name, standing, status, reason, recorded_by, recorded_at, org_path)
select mt.id, m.id, m.full_name,
       case when m.status <> 'ACTIVE' then 'EXEMPT' else m.standing end,
       case when m.status <> 'ACTIVE' then 'EXEMPT' when h < 90 then 'PRESENT' when h < 96 then 'EXCUSED' else 'UNEXCUSED' end,
       case when m.status = 'ACTIVE' and h >= 90 and h < 96 then 'Ốm' end, 'thử tải', now(), mt.org_path
from meetings.meeting mt
join organizations.member m on m.organization_id = mt.organization_id
cross join lateral (select ((mt.id * 2654435761 + m.id * 40503) % 100) as h) x
where mt.organization_id between :from and :to and m.status in ('ACTIVE','EXEMPT','ON_LEAVE')
order by mt.id, m.id;

-- The counts kept on each meeting, from its attendance.
update meetings.meeting m set expected = c.expected, present = c.present, excused = c.excused, unexcused = c.unexcused,
       exempt = c.exempt, quorum_met = c.present * 2 > c.expected, quality_attendance = c.present * 100 > c.expected * 85,
       quality_no_unexcused = c.unexcused = 0, quality_excused_streak = true,
       quality_score = case when m.id % 3 = 0 then 70 + (m.id % 30)::int end,
       quality_band = case when m.id % 3 = 0 then case when 70 + m.id % 30 >= 90 then 'GOOD' else 'FAIR' end end
from (select meeting_id,
             count(*) filter (where standing <> 'EXEMPT') as expected,
             count(*) filter (where standing <> 'EXEMPT' and status = 'PRESENT') as present,
             count(*) filter (where standing <> 'EXEMPT' and status = 'EXCUSED') as excused,
             count(*) filter (where standing <> 'EXEMPT' and status = 'UNEXCUSED') as unexcused,
             count(*) filter (where standing = 'EXEMPT') as exempt
      from meetings.attendance where meeting_id between (:from - 1000000) * 16 and (:to - 1000000) * 16 + 15
      group by meeting_id) c
where m.id = c.meeting_id;
commit;
