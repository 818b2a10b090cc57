package vn.dangvu.meetings;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.dangvu.shared.Reminder;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

/**
 * The meetings' reminders of one person: for the secretary (and deputy) of a cell, agendas to announce by the
 * province's deadline and held meetings whose attendance is not recorded; for a member, their next meeting and their
 * tasks due; for a committee member assigned to cells, those cells' meetings of the coming days; remediation items
 * of the cell's reviews — a member's own as they come due, and for the secretary the collective's and the late ones.
 */
@Component
class MeetingReminders implements Reminder.Source {

	/** How far ahead a meeting or a deadline is reminded of. */
	static final int DAYS_AHEAD = 7;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final JdbcClient jdbc;
	private final MeetingRepository repo;

	MeetingReminders(JdbcClient jdbc, MeetingRepository repo) {
		this.jdbc = jdbc;
		this.repo = repo;
	}

	record Row(long id, String orgName, LocalDate date, java.time.LocalTime time, String place, LocalDate publishBy) {
	}

	@Override
	public List<Reminder> reminders(Scope scope, LocalDate today) {
		List<Reminder> out = new ArrayList<>();
		List<Long> kept = scope.keptCells();
		if (!kept.isEmpty()) {
			for (Row m : jdbc.sql("""
					select m.id, m.org_name, m.meeting_date as date, m.start_time as time, m.place, m.publish_by from meetings.meeting m
					where m.organization_id in (:orgs) and m.status = 'PLANNED' and m.meeting_date >= :today
					  and m.publish_by <= :soon
					order by m.publish_by, m.meeting_date, m.id limit 20
					""").param("orgs", kept).param("today", today).param("soon", today.plusDays(DAYS_AHEAD)).query(Row.class).list()) {
				boolean late = m.publishBy().isBefore(today);
				out.add(new Reminder("meeting-announce:" + m.id() + (late ? ":late" : ""),
						"Công bố chủ đề, chương trình buổi sinh hoạt ngày " + VnText.date(m.date()) + " của " + m.orgName()
								+ (late ? " — đã quá hạn " : " — hạn ") + VnText.date(m.publishBy()),
						"Announce the topic and agenda of the " + VnText.date(m.date()) + " meeting of " + m.orgName()
								+ (late ? " — overdue since " : " — due ") + VnText.date(m.publishBy()),
						"/meetings/" + m.id(), m.publishBy(), late));
			}
			for (Row m : jdbc.sql("""
					select m.id, m.org_name, m.meeting_date as date, m.start_time as time, m.place, m.meeting_date as publish_by from meetings.meeting m
					where m.organization_id in (:orgs) and m.status = 'PUBLISHED' and m.recorded_at is null
					  and m.meeting_date < :today and m.meeting_date >= :since
					order by m.meeting_date, m.id limit 20
					""").param("orgs", kept).param("today", today).param("since", today.minusDays(60)).query(Row.class).list()) {
				out.add(new Reminder("meeting-record:" + m.id(),
						"Ghi điểm danh và biên bản buổi sinh hoạt ngày " + VnText.date(m.date()) + " của " + m.orgName(),
						"Record attendance and minutes of the " + VnText.date(m.date()) + " meeting of " + m.orgName(),
						"/meetings/" + m.id() + "/attendance", m.date(), true));
			}
		}
		var who = MeetingRepository.Who.of(scope);
		if (scope.memberOrganizationId() != null) {
			for (Meeting m : repo.upcoming(List.of(scope.memberOrganizationId()), today, 1, who)) {
				if (!m.date().isAfter(today.plusDays(DAYS_AHEAD))) {
					out.add(new Reminder("meeting-next:" + m.id(),
							"Sinh hoạt " + m.orgName() + " ngày " + VnText.date(m.date()) + " lúc " + TIME.format(m.startTime()) + " tại " + m.place(),
							m.orgName() + " meets on " + VnText.date(m.date()) + " at " + TIME.format(m.startTime()) + ", " + m.place(),
							"/meetings/" + m.id(), m.date(), false));
				}
			}
		}
		if (scope.memberId() != null) {
			for (MeetingTask t : repo.tasksOfMember(scope.memberId())) {
				if (t.open() && t.dueOn() != null && !t.dueOn().isAfter(today.plusDays(DAYS_AHEAD))) {
					boolean late = t.overdue(today);
					out.add(new Reminder("task:" + t.id() + (late ? ":late" : ""),
							"Nhiệm vụ chi bộ giao: " + t.content() + (late ? " — đã quá hạn " : " — hạn ") + VnText.date(t.dueOn()),
							"Task from the cell: " + t.content() + (late ? " — overdue since " : " — due ") + VnText.date(t.dueOn()),
							"/meetings/" + t.meetingId(), t.dueOn(), late));
				}
			}
			List<Long> cells = repo.assignmentsOfMember(scope.memberId(), today.getYear()).stream().map(Assignment::cellId)
				.distinct().toList();
			for (Meeting m : repo.upcoming(cells, today, 20, who)) {
				if (!m.date().isAfter(today.plusDays(DAYS_AHEAD))) {
					out.add(new Reminder("meeting-visit:" + m.id(),
							"Dự sinh hoạt " + m.orgName() + " (được phân công theo dõi) ngày " + VnText.date(m.date()) + " lúc "
									+ TIME.format(m.startTime()),
							"Attend the meeting of " + m.orgName() + " (assigned) on " + VnText.date(m.date()) + " at "
									+ TIME.format(m.startTime()),
							"/meetings/" + m.id(), m.date(), false));
				}
			}
		}
		if (!kept.isEmpty()) {
			// remediation items from the cell's reviews: the collective's own ones as they come due, a member's once late
			for (Item r : jdbc.sql("""
					select r.id, r.meeting_id as link_id, r.owner_name, r.shortcoming, r.due_on, r.member_id is null as collective
					from meetings.remediation r
					where r.organization_id in (:orgs) and r.status = 'OPEN' and r.due_on is not null
					  and (r.due_on < :today or (r.member_id is null and r.due_on <= :soon))
					order by r.due_on, r.id limit 20
					""").param("orgs", kept).param("today", today).param("soon", today.plusDays(DAYS_AHEAD)).query(Item.class).list()) {
				out.add(remediation(r, today, "/meetings/"));
			}
		}
		if (scope.memberId() != null) {
			for (Item r : jdbc.sql("""
					select r.id, r.meeting_id as link_id, r.owner_name, r.shortcoming, r.due_on, false as collective
					from meetings.remediation r
					where r.member_id = :m and r.status = 'OPEN' and r.due_on <= :soon
					order by r.due_on, r.id limit 20
					""").param("m", scope.memberId()).param("soon", today.plusDays(DAYS_AHEAD)).query(Item.class).list()) {
				out.add(remediation(r, today, "/meetings/"));
			}
		}
		return out;
	}

	/** An open remediation item of a review of the cell. */
	record Item(long id, long linkId, String ownerName, String shortcoming, LocalDate dueOn, boolean collective) {
	}

	private static Reminder remediation(Item r, LocalDate today, String link) {
		return Reminder.remediation("remediation:" + r.id(), r.ownerName(), r.shortcoming(), r.dueOn(), today, link + r.linkId());
	}
}
