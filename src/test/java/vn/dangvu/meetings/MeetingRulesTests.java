package vn.dangvu.meetings;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dangvu.organizations.Decision;
import vn.dangvu.organizations.DemoRegistry;
import vn.dangvu.organizations.Level;
import vn.dangvu.organizations.OrganizationManagement;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.Role;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;
import vn.dangvu.support.Fixtures;
import vn.dangvu.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of DOMAIN §2 as configured: the schedule's next working day, the HD 12 criteria (an excused absence
 * more than 3 times in a row), the prompt for 3 months of unexcused absence, refusal in a dissolved cell, audit of
 * late attendance changes, and counters that follow a cell when it moves.
 */
@IntegrationTest
class MeetingRulesTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoRegistry demo;

	@Autowired
	MeetingManagement meetings;

	@Autowired
	vn.dangvu.organizations.WorkingDays workingDays;

	@Autowired
	OrganizationManagement orgs;

	DemoRegistry.DemoIds ids;

	@BeforeEach
	void setUp() {
		ids = demo.ids().orElseThrow();
	}

	long cell(int offset) {
		return jdbc.sql("select id from organizations.organization where demo and level = 'CELL' order by id offset :n limit 1")
			.param("n", offset).query(Long.class).single();
	}

	long held(Scope scope, long cell, LocalDate day, Map<Long, String> overrides) {
		long id = meetings.create(scope, cell, new MeetingInput("REGULAR", VnText.date(day), "19:30", "Hội trường", false,
				"Sinh hoạt tháng " + day.getMonthValue(), List.of("Báo cáo tháng")));
		meetings.publish(scope, id);
		Map<Long, String> statuses = new HashMap<>();
		for (Attendee a : meetings.details(scope, id).attendees()) {
			statuses.put(a.memberId(), a.exempt() ? "EXEMPT" : overrides.getOrDefault(a.memberId(), "PRESENT"));
		}
		meetings.recordAttendance(scope, id, statuses, Map.of());
		return id;
	}

	@Test
	void scheduledDatesMoveToTheNextWorkingDay() {
		// Thursday 2/9/2027 and Friday 3/9 are public holidays (organizations.holiday): the meeting moves to Monday 6/9.
		assertThat(workingDays.onOrAfter(LocalDate.of(2027, 9, 2))).isEqualTo(LocalDate.of(2027, 9, 6));
		assertThat(workingDays.onOrAfter(LocalDate.of(2026, 12, 5))).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(workingDays.onOrAfter(LocalDate.of(2026, 12, 4))).isEqualTo(LocalDate.of(2026, 12, 4));

		long cell = cell(30);
		Scope scope = Fixtures.scope(jdbc, Role.CELL_SECRETARY, cell);
		meetings.saveSchedule(scope, cell, "6", "19:30", "Nhà văn hóa", "20", "3");
		List<LocalDate> dates = jdbc.sql("select meeting_date from meetings.meeting where organization_id = :o and generated and kind = 'REGULAR' and meeting_date >= current_date order by 1")
			.param("o", cell).query(LocalDate.class).list();
		assertThat(dates).isNotEmpty().allSatisfy(d -> {
			assertThat(d.getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
			assertThat(d.getDayOfMonth()).isBetween(6, 10);
		});
		// The announcement deadline defaults to the end of the previous month.
		assertThat(jdbc.sql("select bool_and(publish_by = (date_trunc('month', meeting_date) - interval '1 day')::date) from meetings.meeting where organization_id = :o and generated")
			.param("o", cell).query(Boolean.class).single()).isTrue();
		// A meeting not announced by its deadline is listed for the secretary, not for a member.
		long late = jdbc.sql("select min(id) from meetings.meeting where organization_id = :o and generated and status = 'PLANNED'")
			.param("o", cell).query(Long.class).single();
		// (On the last day of a month, Vietnam time, next month's meetings are due today too: keep only this one due.)
		jdbc.sql("update meetings.meeting set publish_by = meeting_date where organization_id = :o and generated and id <> :id")
			.param("o", cell).param("id", late).update();
		jdbc.sql("update meetings.meeting set publish_by = current_date - 1 where id = :id").param("id", late).update();
		int year = jdbc.sql("select extract(year from meeting_date)::int from meetings.meeting where id = :id").param("id", late)
			.query(Integer.class).single();
		assertThat(meetings.cellPage(scope, cell, year).overdue()).extracting(Meeting::id).containsExactly(late);
		assertThat(meetings.cellPage(Fixtures.scope(jdbc, Role.COMMITTEE_MEMBER, cell), cell, year).overdue()).isEmpty();
		// Changing the rule moves the meetings not yet announced; saving twice creates nothing twice.
		meetings.saveSchedule(scope, cell, "12", "08:00", "Nhà văn hóa", "20", "3");
		meetings.saveSchedule(scope, cell, "12", "08:00", "Nhà văn hóa", "20", "3");
		assertThat(jdbc.sql("select count(*) from meetings.meeting where organization_id = :o and generated and meeting_date >= current_date and extract(day from meeting_date) between 6 and 10 and kind = 'REGULAR'")
			.param("o", cell).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) = count(distinct (kind, meeting_date)) from meetings.meeting where organization_id = :o and generated")
			.param("o", cell).query(Boolean.class).single()).isTrue();
		assertThatThrownBy(() -> meetings.saveSchedule(scope, cell, "31", "", "", null, null)).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("Ngày họp hằng tháng").hasMessageContaining("Giờ họp").hasMessageContaining("Địa điểm");
	}

	@Test
	void nightlyGenerationRunsInBatchesAndCreatesNothingTwice() {
		long before = jdbc.sql("select count(*) from meetings.meeting where generated").query(Long.class).single();
		long schedules = jdbc.sql("select count(*) from meetings.schedule").query(Long.class).single();
		int batches = 0;
		int created = 0;
		long after = 0;
		while (after >= 0) {
			MeetingManagement.Batch b = meetings.generateBatch(VnText.today(), after, 7);
			created += b.created();
			after = b.last();
			batches++;
		}
		assertThat(batches).isEqualTo((int) (schedules + 6) / 7 + 1);
		// everything already existed from the start-up run: nothing new, nothing twice
		assertThat(created).isZero();
		assertThat(jdbc.sql("select count(*) from meetings.meeting where generated").query(Long.class).single()).isEqualTo(before);
		// a generated meeting that disappears is created again by the next run
		long one = jdbc.sql("select min(id) from meetings.meeting m where generated and status = 'PLANNED' and meeting_date >= current_date + 1 and not exists (select 1 from meetings.agenda_item i where i.meeting_id = m.id)")
			.query(Long.class).single();
		jdbc.sql("delete from meetings.meeting where id = :id").param("id", one).update();
		int again = 0;
		after = 0;
		while (after >= 0) {
			MeetingManagement.Batch b = meetings.generateBatch(VnText.today(), after, 500);
			again += b.created();
			after = b.last();
		}
		assertThat(again).isEqualTo(1);
		assertThat(Fixtures.meetingCounterMismatches(jdbc)).isZero();
	}

	/**
	 * The run of excused absences follows the member's own meetings: one the member was not invited to (away from
	 * the roster) neither breaks nor extends it. The counts written on the meeting are those of its attendance rows.
	 */
	@Test
	void aMeetingOffTheMembersRosterDoesNotBreakTheirRunOfExcusedAbsences() {
		long cell = cell(33);
		Scope scope = Fixtures.scope(jdbc, Role.CELL_SECRETARY, cell);
		long away = jdbc.sql("select min(id) from organizations.member where organization_id = :o and status = 'ACTIVE'")
			.param("o", cell).query(Long.class).single();
		int y = VnText.today().getYear() - 1;
		held(scope, cell, LocalDate.of(y, 7, 7), Map.of(away, "EXCUSED"));
		held(scope, cell, LocalDate.of(y, 8, 5), Map.of(away, "EXCUSED"));
		long sept = meetings.create(scope, cell, new MeetingInput("REGULAR", VnText.date(LocalDate.of(y, 9, 7)), "19:30",
				"Hội trường", false, "Sinh hoạt tháng 9", List.of("Báo cáo tháng")));
		meetings.publish(scope, sept);
		jdbc.sql("delete from meetings.attendance where meeting_id = :m and member_id = :p").param("m", sept).param("p", away)
			.update();
		Map<Long, String> present = new HashMap<>();
		for (Attendee a : meetings.details(scope, sept).attendees()) {
			present.put(a.memberId(), a.exempt() ? "EXEMPT" : "PRESENT");
		}
		meetings.recordAttendance(scope, sept, present, Map.of());
		long october = held(scope, cell, LocalDate.of(y, 10, 5), Map.of(away, "EXCUSED"));
		long november = held(scope, cell, LocalDate.of(y, 11, 5), Map.of(away, "EXCUSED"));
		// July, August, October: three in a row (September's was not theirs); November makes four
		assertThat(meetings.get(scope, sept).qualityExcusedStreak()).isTrue();
		assertThat(meetings.get(scope, october).qualityExcusedStreak()).isTrue();
		assertThat(meetings.get(scope, november).qualityExcusedStreak()).isFalse();

		for (long id : List.of(sept, november)) {
			Meeting m = meetings.get(scope, id);
			var counted = jdbc.sql("""
					select count(*) filter (where standing <> 'EXEMPT'), count(*) filter (where standing <> 'EXEMPT' and status = 'PRESENT'),
					       count(*) filter (where standing <> 'EXEMPT' and status = 'EXCUSED'), count(*) filter (where standing = 'EXEMPT')
					from meetings.attendance where meeting_id = :m
					""").param("m", id).query((rs, i) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4))).single();
			assertThat(List.of(m.expected(), m.present(), m.excused(), m.exempt())).isEqualTo(counted);
			assertThat(m.unexcused()).isZero();
			assertThat(m.quorumMet()).isTrue();
		}
		assertThat(meetings.get(scope, november).excused()).isEqualTo(1);
		assertThat(Fixtures.meetingCounterMismatches(jdbc)).isZero();
	}

	@Test
	void aMeetingAttendedBreaksTheRunOfExcusedAbsencesAndANewYearStartsAnother() {
		long cell = cell(34);
		Scope scope = Fixtures.scope(jdbc, Role.CELL_SECRETARY, cell);
		long often = jdbc.sql("select min(id) from organizations.member where organization_id = :o and status = 'ACTIVE'")
			.param("o", cell).query(Long.class).single();
		int y = VnText.today().getYear() - 1;
		held(scope, cell, LocalDate.of(y, 7, 7), Map.of(often, "EXCUSED"));
		held(scope, cell, LocalDate.of(y, 8, 5), Map.of());
		held(scope, cell, LocalDate.of(y, 9, 7), Map.of(often, "EXCUSED"));
		held(scope, cell, LocalDate.of(y, 10, 5), Map.of(often, "EXCUSED"));
		long november = held(scope, cell, LocalDate.of(y, 11, 5), Map.of(often, "EXCUSED"));
		long december = held(scope, cell, LocalDate.of(y, 12, 5), Map.of(often, "EXCUSED"));
		long january = held(scope, cell, LocalDate.of(y + 1, 1, 5), Map.of(often, "EXCUSED"));
		// August (present) ended July's run: September to November is three, December the fourth
		assertThat(meetings.get(scope, november).qualityExcusedStreak()).isTrue();
		assertThat(meetings.get(scope, december).qualityExcusedStreak()).isFalse();
		// the runs are counted within a year (HD 12 looks at the year's meetings)
		assertThat(meetings.get(scope, january).qualityExcusedStreak()).isTrue();
	}

	@Test
	void excusedMoreThanThreeTimesInARowFailsTheCriterionAndUnexcusedMonthsPromptTheCell() {
		long cell = cell(31);
		Scope scope = Fixtures.scope(jdbc, Role.CELL_SECRETARY, cell);
		List<Long> members = jdbc.sql("select id from organizations.member where organization_id = :o and status = 'ACTIVE' order by id")
			.param("o", cell).query(Long.class).list();
		long often = members.get(0);
		long absent = members.get(1);
		// Last year's meetings: nothing else of this cell in that year.
		int y = VnText.today().getYear() - 1;
		long m1 = held(scope, cell, LocalDate.of(y, 8, 5), Map.of(often, "EXCUSED", absent, "UNEXCUSED"));
		long m2 = held(scope, cell, LocalDate.of(y, 9, 7), Map.of(often, "EXCUSED", absent, "UNEXCUSED"));
		long m3 = held(scope, cell, LocalDate.of(y, 10, 5), Map.of(often, "EXCUSED"));
		long m4 = held(scope, cell, LocalDate.of(y, 11, 5), Map.of(often, "EXCUSED", absent, "UNEXCUSED"));
		assertThat(meetings.get(scope, m3).qualityExcusedStreak()).isTrue();
		assertThat(meetings.get(scope, m4).qualityExcusedStreak()).isFalse();
		assertThat(meetings.get(scope, m3).qualityNoUnexcused()).isTrue();
		assertThat(meetings.get(scope, m1).qualityNoUnexcused()).isFalse();
		assertThat(meetings.absencePrompts(scope, cell, y)).singleElement().satisfies(p -> {
			assertThat(p.memberId()).isEqualTo(absent);
			assertThat(p.dates()).containsExactly(LocalDate.of(y, 8, 5), LocalDate.of(y, 9, 7), LocalDate.of(y, 11, 5));
		});
		assertThat(meetings.absencePrompts(scope, cell, y - 1)).isEmpty();
		assertThat(meetings.cellPage(scope, cell, y).prompts()).hasSize(1).isEqualTo(meetings.absencePrompts(scope, cell, y));
		// nothing happened to the member automatically
		assertThat(jdbc.sql("select status from organizations.member where id = :id").param("id", absent).query(String.class)
			.single()).isEqualTo("ACTIVE");

		// A late change (attendance recorded days ago) is audited with before and after.
		jdbc.sql("update meetings.meeting set recorded_at = now() - interval '3 days' where id = :id").param("id", m2).update();
		Map<Long, String> statuses = new HashMap<>();
		for (Attendee a : meetings.details(scope, m2).attendees()) {
			statuses.put(a.memberId(), a.status());
		}
		statuses.put(absent, "EXCUSED");
		meetings.recordAttendance(scope, m2, statuses, Map.of(absent, "Giấy xác nhận nằm viện"));
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'ATTENDANCE_LATE_CHANGE' and entity_id = :id and after::text like '%Vắng có lý do%'")
			.param("id", String.valueOf(m2)).query(Long.class).single()).isEqualTo(1);
		assertThat(meetings.absencePrompts(scope, cell, y)).isEmpty();
		assertThat(meetings.cellPage(scope, cell, y).prompts()).isEmpty();

		// Recorded only today but with its minutes locked: a change is late too; while unlocked it is not.
		Map<Long, String> again = new HashMap<>();
		for (Attendee a : meetings.details(scope, m3).attendees()) {
			again.put(a.memberId(), a.status());
		}
		again.put(absent, "UNEXCUSED");
		meetings.recordAttendance(scope, m3, again, Map.of());
		String lateAtM3 = "select count(*) from audit.entry where action = 'ATTENDANCE_LATE_CHANGE' and entity_id = :id";
		assertThat(jdbc.sql(lateAtM3).param("id", String.valueOf(m3)).query(Long.class).single()).isZero();
		jdbc.sql("insert into meetings.minutes (meeting_id, revision, content, created_by, locked_at) values (:id, 1, '{}', 'test', now())")
			.param("id", m3).update();
		again.put(absent, "PRESENT");
		meetings.recordAttendance(scope, m3, again, Map.of());
		assertThat(jdbc.sql(lateAtM3).param("id", String.valueOf(m3)).query(Long.class).single()).isEqualTo(1);
		assertThat(meetings.get(scope, m3).present()).isEqualTo(jdbc.sql(
				"select count(*) from meetings.attendance where meeting_id = :id and status = 'PRESENT' and standing <> 'EXEMPT'")
			.param("id", m3).query(Integer.class).single());
		assertThat(Fixtures.meetingCounterMismatches(jdbc)).isZero();
	}

	@Test
	void noMeetingInADissolvedCellAndCountersFollowAMove() {
		Scope admin = Fixtures.admin(jdbc, demo);
		long grassroots = jdbc.sql("select parent_id from organizations.organization where id = :c").param("c", ids.cellId())
			.query(Long.class).single();
		long empty = orgs.create(admin, new OrganizationManagement.CreateOrganization(grassroots, Level.CELL, "RESIDENTIAL",
				"Chi bộ Xóm Mới", null, Decision.of("01/09/2025", "12-QĐ/ĐU")));
		orgs.dissolve(admin, empty, Decision.of("01/10/2025", "15-QĐ/ĐU"));
		long before = jdbc.sql("select count(*) from meetings.meeting").query(Long.class).single();
		assertThatThrownBy(() -> meetings.create(admin, empty, new MeetingInput("REGULAR", "05/11/2025", "19:30", "Hội trường",
				false, null, List.of()))).isInstanceOf(InvalidInput.class).hasMessageContaining("đã giải thể");
		assertThat(jdbc.sql("select count(*) from meetings.meeting").query(Long.class).single()).isEqualTo(before);

		// Move a cell with held meetings to another commune: its counters leave the old commune for the new one.
		long moving = cell(32);
		Scope secretary = Fixtures.scope(jdbc, Role.CELL_SECRETARY, moving);
		held(secretary, moving, VnText.today().minusDays(1), Map.of());
		String oldCommune = jdbc.sql("select subpath(path, 2, 1)::text from organizations.organization where id = :c")
			.param("c", moving).query(String.class).single();
		long target = jdbc.sql("""
				select id from organizations.organization where level = 'GRASSROOTS' and demo
				  and not path ~ cast('*.' || :c || '.*' as lquery) order by id limit 1
				""").param("c", oldCommune).query(Long.class).single();
		int year = VnText.today().getYear();
		long heldOld = meetings.stats(admin, Long.parseLong(oldCommune), year).total().held();
		long heldCell = meetings.stats(admin, moving, year).total().held();
		long oldParent = jdbc.sql("select parent_id from organizations.organization where id = :c").param("c", moving)
			.query(Long.class).single();
		assertThat(heldCell).isPositive();
		orgs.move(admin, moving, target, Decision.of(VnText.date(VnText.today()), "20-QĐ/TU"));
		assertThat(meetings.stats(admin, Long.parseLong(oldCommune), year).total().held()).isEqualTo(heldOld - heldCell);
		assertThat(jdbc.sql("select count(*) from meetings.meeting m join organizations.organization o on o.id = m.organization_id where m.org_path <> o.path")
			.query(Long.class).single()).isZero();
		assertThat(Fixtures.meetingCounterMismatches(jdbc)).isZero();
		// The children's years (V44) follow too: before the job folds the move's deltas, and after.
		for (boolean folded : List.of(false, true)) {
			if (folded) {
				jdbc.sql("select meetings.fold_counter_deltas()").query(Long.class).single();
			}
			assertThat(childrenHeld(admin, oldParent, year)).as("old parent, folded %s", folded).isEqualTo(heldBelow(oldParent, year));
			assertThat(childrenHeld(admin, target, year)).as("new parent, folded %s", folded).isEqualTo(heldBelow(target, year));
			assertThat(meetings.stats(admin, target, year).children()).as("folded %s", folded)
				.anySatisfy(c -> assertThat(c).extracting(MeetingStats.Child::organizationId, ch -> ch.row().held())
					.containsExactly(moving, heldCell))
				.noneSatisfy(c -> assertThat(c.row().held()).isNegative());
			assertThat(meetings.stats(admin, oldParent, year).children()).noneSatisfy(c -> assertThat(c.organizationId()).isEqualTo(moving));
			assertThat(Fixtures.meetingCounterMismatches(jdbc)).isZero();
		}
	}

	private long childrenHeld(Scope scope, long org, int year) {
		return meetings.stats(scope, org, year).children().stream().mapToLong(c -> c.row().held()).sum();
	}

	/** Meetings held in the organization's subtree, itself excepted, this year up to the end of the current month. */
	private long heldBelow(long org, int year) {
		return jdbc.sql("""
				select count(*) from meetings.meeting m, organizations.organization o
				where o.id = :o and m.org_path <@ o.path and m.org_path <> o.path and m.status = 'HELD'
				  and extract(year from m.meeting_date) = :y
				  and m.meeting_date < date_trunc('month', cast(:today as date)) + interval '1 month'
				""").param("o", org).param("y", year).param("today", VnText.today()).query(Long.class).single();
	}
}
