package vn.dangvu.meetings;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dangvu.organizations.DemoRegistry;
import vn.dangvu.shared.VnText;
import vn.dangvu.support.Fixtures;
import vn.dangvu.support.Http;
import vn.dangvu.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secretary's month, through the pages: create and announce a meeting, take attendance, write the minutes
 * (refused while the votes exceed those present), sign them (not twice), amend them with a reason (both versions
 * stay), print them, and see the statistics roll up, also as an xlsx read back with POI.
 */
@IntegrationTest
class MeetingFlowTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoRegistry demo;

	DemoRegistry.DemoIds ids;

	@BeforeEach
	void setUp() {
		ids = demo.ids().orElseThrow();
	}

	static long idFrom(HttpResponse<String> r) {
		Matcher m = Pattern.compile("/meetings/(\\d+)").matcher(r.headers().firstValue("Location").orElse(""));
		assertThat(m.find()).as("redirect to the new meeting, got " + r.statusCode() + " " + r.body()).isTrue();
		return Long.parseLong(m.group(1));
	}

	long count(String sql, long id) {
		return jdbc.sql(sql).param("id", id).query(Long.class).single();
	}

	@Test
	void secretaryHoldsAMeetingFromAgendaToSignedMinutes() throws Exception {
		Http bithu = Http.as(port, "bithu");
		LocalDate day = VnText.today().minusDays(2);
		HttpResponse<String> created = bithu.post("/orgs/" + ids.cellId() + "/meetings", Map.of("kind", "EXTRAORDINARY",
				"date", VnText.date(day), "time", "19h30", "place", "Nhà văn hóa thôn", "topic", "Phòng chống bão số 9",
				"agenda", "1. Tình hình bão\nPhân công trực"));
		long id = idFrom(created);
		assertThat(bithu.get("/meetings/" + id).body()).contains("Phòng chống bão số 9", "Tình hình bão", "Phân công trực");

		// Materials: one for agenda item 2, one for the whole meeting; an item that does not exist is refused.
		byte[] plan = "Danh sách trực bão".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(bithu.postMultipart("/meetings/" + id + "/materials?item=2", "file", "phan-cong.txt", "text/plain", plan)
			.statusCode()).isEqualTo(302);
		assertThat(bithu.postMultipart("/meetings/" + id + "/materials", "file", "bao-cao.txt", "text/plain", plan)
			.statusCode()).isEqualTo(302);
		HttpResponse<String> noItem = bithu.postMultipart("/meetings/" + id + "/materials?item=9", "file", "x.txt", "text/plain", plan);
		assertThat(noItem.statusCode()).isEqualTo(422);
		assertThat(noItem.body()).contains("Thuộc nội dung", "không có mục số 9");
		assertThat(jdbc.sql("select string_agg(file_name || ':' || coalesce(agenda_position::text, '-'), ',' order by id) from meetings.material where meeting_id = :id")
			.param("id", id).query(String.class).single()).isEqualTo("phan-cong.txt:2,bao-cao.txt:-");
		String page = bithu.get("/meetings/" + id).body();
		assertThat(page.indexOf("phan-cong.txt")).isBetween(page.indexOf("Phân công trực"), page.indexOf("Tài liệu chung"));
		long material = jdbc.sql("select min(id) from meetings.material where meeting_id = :id").param("id", id).query(Long.class).single();
		assertThat(new String(bithu.getBytes("/materials/" + material).body(), java.nio.charset.StandardCharsets.UTF_8))
			.isEqualTo("Danh sách trực bão");

		assertThat(bithu.post("/meetings/" + id + "/publish", Map.of()).statusCode()).isEqualTo(302);
		List<Long> invited = jdbc.sql("select member_id from meetings.attendance where meeting_id = :id and standing <> 'EXEMPT' order by member_id")
			.param("id", id).query(Long.class).list();
		assertThat(invited).hasSizeGreaterThanOrEqualTo(5);

		// Attendance: everyone present except one excused and one absent without reason.
		Map<String, String> form = new HashMap<>();
		jdbc.sql("select member_id, standing from meetings.attendance where meeting_id = :id").param("id", id)
			.query((rs, i) -> form.put("s" + rs.getLong(1), "EXEMPT".equals(rs.getString(2)) ? "EXEMPT" : "PRESENT")).list();
		form.put("s" + invited.get(0), "EXCUSED");
		form.put("r" + invited.get(0), "Ốm");
		form.put("s" + invited.get(1), "UNEXCUSED");
		assertThat(bithu.post("/meetings/" + id + "/attendance", form).statusCode()).isEqualTo(302);
		int expected = invited.size();
		assertThat(count("select expected from meetings.meeting where id = :id", id)).isEqualTo(expected);
		assertThat(count("select present from meetings.meeting where id = :id", id)).isEqualTo(expected - 2);
		assertThat(count("select unexcused from meetings.meeting where id = :id", id)).isEqualTo(1);
		assertThat(jdbc.sql("select quality_no_unexcused from meetings.meeting where id = :id").param("id", id)
			.query(Boolean.class).single()).isFalse();
		assertThat(bithu.get("/meetings/" + id).body()).contains("Vắng không lý do", "Không đạt");

		long chair = invited.get(2);
		long secretary = invited.get(3);
		int present = expected - 2;
		Map<String, String> minutes = new HashMap<>(Map.of("chairId", String.valueOf(chair), "secretaryId",
				String.valueOf(secretary), "reportSummary", "Bão số 9 gây ngập 12 hộ; chi bộ đã huy động đảng viên hỗ trợ.",
				"conclusions", "Chi bộ thống nhất phân công đảng viên trực bão theo danh sách.", "sp0", "Nguyễn Văn Hùng",
				"sc0", "Đề nghị kiểm tra đê bao.", "vi0", "Thông qua kết luận", "vm0", "SHOW_OF_HANDS", "vf0",
				String.valueOf(present), "va0", "1"));
		minutes.put("vb0", "0");
		minutes.put("tm0", String.valueOf(chair));
		minutes.put("tc0", "Kiểm tra đê bao xóm 3");
		minutes.put("td0", VnText.date(day.plusDays(10)));
		minutes.put("score_prepare", "15");
		minutes.put("score_attendance", "12");
		minutes.put("score_content", "25");
		minutes.put("score_conduct", "18");
		minutes.put("score_principles", "10");
		minutes.put("score_results", "14");
		HttpResponse<String> tooMany = bithu.post("/meetings/" + id + "/minutes", minutes);
		assertThat(tooMany.statusCode()).isEqualTo(422);
		assertThat(tooMany.body()).contains("Biểu quyết 1", "vượt số đảng viên có mặt (" + present + ")");
		assertThat(count("select count(*) from meetings.minutes where meeting_id = :id", id)).isZero();
		assertThat(count("select count(*) from meetings.task where meeting_id = :id", id)).isZero();

		minutes.put("va0", "0");
		assertThat(bithu.post("/meetings/" + id + "/minutes", minutes).statusCode()).isEqualTo(302);
		assertThat(count("select quality_score from meetings.meeting where id = :id", id)).isEqualTo(94);
		assertThat(jdbc.sql("select quality_band from meetings.meeting where id = :id").param("id", id).query(String.class)
			.single()).isEqualTo("GOOD");
		assertThat(count("select count(*) from meetings.task where meeting_id = :id and status = 'OPEN'", id)).isEqualTo(1);

		assertThat(bithu.post("/meetings/" + id + "/minutes/sign", Map.of("as", "chair")).statusCode()).isEqualTo(302);
		HttpResponse<String> twice = bithu.post("/meetings/" + id + "/minutes/sign", Map.of("as", "chair"));
		assertThat(twice.statusCode()).isEqualTo(422);
		assertThat(twice.body()).contains("không ký lần hai");
		assertThat(bithu.post("/meetings/" + id + "/minutes/sign", Map.of("as", "secretary")).statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select locked_at is not null from meetings.minutes where meeting_id = :id and revision = 1")
			.param("id", id).query(Boolean.class).single()).isTrue();

		// Locked: a plain edit is refused; an amendment needs a reason and keeps the first version.
		minutes.put("conclusions", "Sửa: chi bộ phân công thêm 2 đồng chí trực bão.");
		HttpResponse<String> edit = bithu.post("/meetings/" + id + "/minutes", minutes);
		assertThat(edit.statusCode()).isEqualTo(422);
		assertThat(edit.body()).contains("bản sửa đổi");
		minutes.put("mode", "amend");
		HttpResponse<String> noReason = bithu.post("/meetings/" + id + "/minutes", minutes);
		assertThat(noReason.statusCode()).isEqualTo(422);
		assertThat(noReason.body()).contains("Lý do sửa đổi");
		minutes.put("reason", "Ghi thiếu phân công trực bão");
		assertThat(bithu.post("/meetings/" + id + "/minutes", minutes).statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select content->>'conclusions' from meetings.minutes where meeting_id = :id order by revision")
			.param("id", id).query(String.class).list())
			.containsExactly("Chi bộ thống nhất phân công đảng viên trực bão theo danh sách.",
					"Sửa: chi bộ phân công thêm 2 đồng chí trực bão.");
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'MINUTES_AMEND' and entity_id = :id")
			.param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);

		// Print: the PDF reads back with the Vietnamese text of both revisions.
		HttpResponse<byte[]> pdf = bithu.getBytes("/meetings/" + id + "/minutes.pdf?revision=1");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		String text;
		try (var doc = Loader.loadPDF(pdf.body())) {
			text = new PDFTextStripper().getText(doc);
		}
		String chairName = jdbc.sql("select full_name from meetings.attendance where meeting_id = :id and member_id = :m")
			.param("id", id).param("m", chair).query(String.class).single();
		assertThat(text).contains("BIÊN BẢN", "ĐẢNG CỘNG SẢN VIỆT NAM", "Phòng chống bão số 9", chairName,
				"Chi bộ thống nhất phân công đảng viên trực bão theo danh sách.", "tán thành " + present);
		try (var doc = Loader.loadPDF(bithu.getBytes("/meetings/" + id + "/minutes.pdf").body())) {
			assertThat(new PDFTextStripper().getText(doc)).contains("Bản sửa đổi số 1", "Ghi thiếu phân công trực bão");
		}
	}

	@Test
	void impossibleInputIsRefusedWithAClearMessageAndChangesNothing() {
		Http bithu = Http.as(port, "bithu");
		HttpResponse<String> bad = bithu.post("/orgs/" + ids.cellId() + "/meetings", Map.of("kind", "REGULAR",
				"date", "31/02/2026", "time", "25:99", "place", ""));
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("Ngày họp", "không phải ngày hợp lệ", "Giờ họp", "Địa điểm", "chưa nhập");

		long id = idFrom(bithu.post("/orgs/" + ids.cellId() + "/meetings", Map.of("kind", "REGULAR",
				"date", VnText.date(VnText.today().minusDays(1)), "time", "08:00", "place", "Hội trường")));
		// Announcing without topic and agenda
		HttpResponse<String> publish = bithu.post("/meetings/" + id + "/publish", Map.of());
		assertThat(publish.statusCode()).isEqualTo(422);
		assertThat(publish.body()).contains("Chủ đề", "Chương trình");
		assertThat(jdbc.sql("select status from meetings.meeting where id = :id").param("id", id).query(String.class).single())
			.isEqualTo("PLANNED");

		// An attendance entry for someone of another cell: refused, nothing recorded.
		long stranger = Fixtures.memberIds(jdbc, ids.otherCellId()).get(0);
		HttpResponse<String> r = bithu.post("/meetings/" + id + "/attendance", Map.of("s" + stranger, "PRESENT"));
		assertThat(r.statusCode()).isEqualTo(422);
		assertThat(r.body()).contains("không có trong danh sách mời");
		assertThat(count("select count(*) from meetings.attendance where meeting_id = :id and status is not null and standing <> 'EXEMPT'", id)).isZero();
		assertThat(jdbc.sql("select status from meetings.meeting where id = :id").param("id", id).query(String.class).single())
			.isNotEqualTo("HELD");

		// A meeting in the future cannot have attendance; minutes before attendance are refused.
		long future = idFrom(bithu.post("/orgs/" + ids.cellId() + "/meetings", Map.of("kind", "EXTRAORDINARY",
				"date", VnText.date(VnText.today().plusDays(5)), "time", "08:00", "place", "Hội trường")));
		assertThat(bithu.post("/meetings/" + future + "/attendance", Map.of()).body()).contains("chưa đến ngày họp");
		assertThat(bithu.post("/meetings/" + future + "/minutes", Map.of("chairId", "1")).body()).contains("cần điểm danh trước");
	}

	@Test
	void statisticsRollUpFromKeptCountersAndExportToExcel() throws Exception {
		Http staff = Http.as(port, "canbo.tinh");
		int year = VnText.today().getYear();
		HttpResponse<String> api = staff.get("/api/v1/organizations/" + ids.provinceId() + "/meeting-stats?year=" + year);
		assertThat(api.statusCode()).isEqualTo(200);
		long held = jdbc.sql("""
				select count(*) from meetings.meeting m where m.org_path <@ (select path from organizations.organization where id = :p)
				  and m.status = 'HELD' and extract(year from m.meeting_date) = :y and m.meeting_date < date_trunc('month', current_date) + interval '1 month'
				""").param("p", ids.provinceId()).param("y", year).query(Long.class).single();
		assertThat(held).isPositive();
		assertThat(api.body()).contains("\"held\":" + held);
		assertThat(Fixtures.meetingCounterMismatches(jdbc)).isZero();

		HttpResponse<byte[]> xlsx = staff.getBytes("/orgs/" + ids.provinceId() + "/meetings/stats.xlsx?year=" + year);
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			var sheet = wb.getSheet("Theo đơn vị");
			var total = sheet.getRow(sheet.getLastRowNum());
			assertThat(total.getCell(0).getStringCellValue()).startsWith("Tổng cộng");
			assertThat((long) total.getCell(2).getNumericCellValue()).isEqualTo(held);
			double sumChildren = 0;
			for (int r = 1; r < sheet.getLastRowNum(); r++) {
				sumChildren += sheet.getRow(r).getCell(2).getNumericCellValue();
			}
			assertThat((long) sumChildren).isEqualTo(held);
		}
		assertThat(staff.get("/orgs/" + ids.provinceId() + "/meetings/stats").body()).contains("Thống kê sinh hoạt", "Theo đơn vị");
	}

	/**
	 * The children's totals (kept per parent and year, less the months not yet reached — V44) count what the
	 * organization's own months count: meetings due up to the current month, not those planned later. This year
	 * and next (the schedules plan three months ahead, so one of the two always has later months), for a province
	 * and for a commune.
	 */
	@Test
	void childrenTotalsLeaveOutTheMonthsNotYetReached() {
		var scope = Fixtures.scope(jdbc, vn.dangvu.shared.Role.COMMITTEE_STAFF, ids.provinceId());
		long commune = count("select id from organizations.organization where parent_id = :id order by id limit 1", ids.provinceId());
		int year = VnText.today().getYear();
		long later = 0;
		for (long org : List.of(ids.provinceId(), commune)) {
			for (int y : List.of(year, year + 1)) {
				MeetingStats s = meetings.stats(scope, org, y);
				long due = jdbc.sql("""
						select count(*) from meetings.meeting m
						where m.org_path <@ (select path from organizations.organization where id = :o)
						  and m.kind in ('REGULAR', 'THEMATIC') and m.status <> 'CANCELLED'
						  and extract(year from m.meeting_date) = :y
						  and m.meeting_date < date_trunc('month', cast(:today as date)) + interval '1 month'
						""").param("o", org).param("y", y).param("today", VnText.today()).query(Long.class).single();
				later += jdbc.sql("""
						select count(*) from meetings.meeting m
						where m.org_path <@ (select path from organizations.organization where id = :o)
						  and m.kind in ('REGULAR', 'THEMATIC') and m.status <> 'CANCELLED'
						  and extract(year from m.meeting_date) = :y
						  and m.meeting_date >= date_trunc('month', cast(:today as date)) + interval '1 month'
						""").param("o", org).param("y", y).param("today", VnText.today()).query(Long.class).single();
				assertThat(s.total().due()).as("due %d/%d", org, y).isEqualTo(due);
				assertThat(s.children().stream().mapToLong(c -> c.row().due()).sum()).as("children due %d/%d", org, y).isEqualTo(due);
				assertThat(s.children()).isNotEmpty();
			}
		}
		assertThat(later).as("meetings planned in later months, which the children's totals must leave out").isPositive();
	}

	/** The recount (V44's backfill, the benchmark generator's) rebuilds the counters the triggers and the fold keep. */
	@Test
	void recountingTheCountersChangesNoFigure() {
		var scope = Fixtures.scope(jdbc, vn.dangvu.shared.Role.COMMITTEE_STAFF, ids.provinceId());
		int year = VnText.today().getYear();
		MeetingStats before = meetings.stats(scope, ids.provinceId(), year);
		jdbc.sql("select meetings.recount_counters()").query((rs, i) -> 1).list();
		assertThat(jdbc.sql("select count(*) from meetings.meeting_counter_delta").query(Long.class).single()).isZero();
		assertThat(Fixtures.meetingCounterMismatches(jdbc)).isZero();
		assertThat(meetings.stats(scope, ids.provinceId(), year)).isEqualTo(before);
	}
	@Autowired
	MeetingManagement meetings;

	/**
	 * A meeting's page reads its lists in one round trip (OneTrip): each list holds what its own query gives, in
	 * its order — agenda, materials, invited members, guests, minutes' revisions, tasks, earlier tasks to follow
	 * up, visits of assigned committee members.
	 */
	@Test
	void aMeetingsPageReadsEachOfItsListsInOneRoundTrip() {
		long id = jdbc.sql("select m.id from meetings.meeting m where exists (select 1 from meetings.task t where t.meeting_id = m.id)"
				+ " and exists (select 1 from meetings.task t where t.organization_id = m.organization_id and t.status = 'OPEN'"
				+ "   and t.meeting_id <> m.id) order by m.meeting_date desc limit 1").query(Long.class).single();
		long cell = count("select organization_id from meetings.meeting where id = :id", id);
		jdbc.sql("insert into meetings.guest (meeting_id, name, role) values (:id, 'Khách thứ hai', null), (:id, 'Khách thứ nhất', 'Đại biểu')")
			.param("id", id).update();
		jdbc.sql("insert into meetings.material (meeting_id, agenda_position, file_name, content_type, bytes, uploaded_by) values (:id, null, 'a.txt', 'text/plain', '\\x41', 'test')")
			.param("id", id).update();
		Long assignment = jdbc.sql("select min(id) from meetings.assignment where cell_id = :c").param("c", cell).query(Long.class).single();
		if (assignment != null) {
			jdbc.sql("insert into meetings.visit (assignment_id, meeting_id, report, recorded_by) values (:a, :id, 'Dự họp', 'test') on conflict do nothing")
				.param("a", assignment).param("id", id).update();
		}
		MeetingDetails d = meetings.details(vn.dangvu.support.Fixtures.scope(jdbc, vn.dangvu.shared.Role.CELL_SECRETARY, cell), id);
		Meeting m = d.meeting();
		assertThat(d.agenda()).isEqualTo(strings("select title from meetings.agenda_item where meeting_id = :id order by position", id));
		assertThat(d.materials().stream().map(MeetingDetails.Material::id).toList())
			.isEqualTo(longs("select id from meetings.material where meeting_id = :id order by id", id)).isNotEmpty();
		assertThat(d.attendees().stream().map(Attendee::memberId).toList()).isEqualTo(longs("""
				select member_id from meetings.attendance where meeting_id = :id
				order by given_name collate "vi-x-icu", full_name collate "vi-x-icu", member_id""", id)).isNotEmpty();
		assertThat(d.guests().stream().map(MeetingDetails.Guest::name).toList())
			.isEqualTo(strings("select name from meetings.guest where meeting_id = :id order by id", id)).hasSizeGreaterThanOrEqualTo(2);
		assertThat(d.revisions().stream().map(Minutes::revision).map(Long::valueOf).toList())
			.isEqualTo(longs("select revision from meetings.minutes where meeting_id = :id order by revision", id));
		assertThat(d.tasks().stream().map(MeetingTask::id).toList())
			.isEqualTo(longs("select id from meetings.task where meeting_id = :id order by id", id)).isNotEmpty();
		assertThat(d.followUps().stream().map(MeetingTask::id).toList()).isEqualTo(jdbc.sql("""
				select t.id from meetings.task t join meetings.meeting m on m.id = t.meeting_id
				where t.organization_id = :org and t.status = 'OPEN' and m.meeting_date < :before order by t.due_on nulls last, t.id""")
			.param("org", cell).param("before", m.date()).query(Long.class).list());
		assertThat(d.visits().stream().map(MeetingDetails.Visit::assignmentId).toList())
			.isEqualTo(longs("select assignment_id from meetings.visit where meeting_id = :id order by recorded_at", id));
	}

	private List<String> strings(String sql, long id) {
		return jdbc.sql(sql).param("id", id).query(String.class).list();
	}

	private List<Long> longs(String sql, long id) {
		return jdbc.sql(sql).param("id", id).query(Long.class).list();
	}
}
