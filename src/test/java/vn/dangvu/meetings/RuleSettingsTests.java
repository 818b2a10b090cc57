package vn.dangvu.meetings;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dangvu.organizations.DemoRegistry;
import vn.dangvu.organizations.WorkingDays;
import vn.dangvu.shared.Denied;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.Role;
import vn.dangvu.shared.VnText;
import vn.dangvu.support.Fixtures;
import vn.dangvu.support.Http;
import vn.dangvu.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Province staff set the province's meeting rules from a date, with the document they rest on; the cells see what
 * applies to them; nobody else can change them; the national holiday calendar is kept only by staff of the whole
 * tree. Values are set from a date far ahead so that the other tests keep the national rules.
 */
@IntegrationTest
class RuleSettingsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoRegistry demo;

	@Autowired
	MeetingRules rules;

	@Autowired
	WorkingDays workingDays;

	@Autowired
	ReviewManagement reviews;

	@LocalServerPort
	int port;

	DemoRegistry.DemoIds ids;

	@BeforeEach
	void setUp() {
		ids = demo.ids().orElseThrow();
	}

	int rows() {
		return jdbc.sql("select count(*) from meetings.rule").query(Integer.class).single();
	}

	String path(long id) {
		return jdbc.sql("select path::text from organizations.organization where id = :id").param("id", id).query(String.class).single();
	}

	@Test
	void provinceStaffSetTheProvincesQuorumFromADate() {
		Http staff = Http.as(port, "canbo.tinh");
		String page = "/orgs/" + ids.provinceId() + "/meeting-rules";
		assertThat(staff.get(page).body()).contains("Quy định sinh hoạt áp dụng").contains("Toàn quốc").contains("<form method=\"post\" action=\"" + page + "\"");
		var r = staff.post(page, Map.of("key", "quorum.percent", "value", "60", "from", "01/01/2090",
				"reference", "Quy định 05-QĐ/TU ngày 10/01/2090"));
		assertThat(r.statusCode()).isEqualTo(302);
		// applies to the province's cells from that date, not before; the national value stays in the history
		assertThat(rules.integer("quorum.percent", path(ids.cellId()), LocalDate.of(2090, 1, 1), 0)).isEqualTo(60);
		assertThat(rules.integer("quorum.percent", path(ids.cellId()), LocalDate.of(2089, 12, 31), 0)).isEqualTo(50);
		String cellPage = Http.as(port, "bithu").get("/orgs/" + ids.cellId() + "/meeting-rules").body();
		assertThat(cellPage).contains("Quy định 05-QĐ/TU ngày 10/01/2090").contains("01/01/2090").doesNotContain("name=\"reference\"");
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'MEETING_RULE_SET' and summary like '%10/01/2090%'").query(Integer.class).single()).isEqualTo(1);
		// the API gives the same
		assertThat(staff.get("/api/v1/organizations/" + ids.provinceId() + "/meeting-rules").body()).contains("\"quorum.percent\"")
			.contains("05-QĐ/TU");
	}

	@Test
	void badInputNamesTheFieldAndChangesNothing() {
		Http staff = Http.as(port, "canbo.tinh");
		String page = "/orgs/" + ids.provinceId() + "/meeting-rules";
		int before = rows();
		var tooHigh = staff.post(page, Map.of("key", "quorum.percent", "value", "150", "from", "01/01/2091", "reference", "Văn bản thử"));
		assertThat(tooHigh.statusCode()).isEqualTo(422);
		assertThat(tooHigh.body()).contains("Giá trị").contains("từ 1 đến 100");
		var noRef = staff.post(page, Map.of("key", "quorum.percent", "value", "55", "from", "31/02/2091", "reference", ""));
		assertThat(noRef.body()).contains("Căn cứ (văn bản)").contains("chưa nhập").contains("Áp dụng từ ngày").contains("31/02/2091");
		var unknown = staff.postJson("/api/v1/organizations/" + ids.provinceId() + "/meeting-rules",
				"{\"key\":\"quorum.secret\",\"value\":\"1\",\"from\":\"01/01/2091\",\"reference\":\"Văn bản thử\"}");
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(unknown.body()).contains("quorum.secret");
		assertThat(rows()).isEqualTo(before);
		// the same day twice is refused
		assertThat(staff.post(page, Map.of("key", "publish.days_before", "value", "7", "from", "01/01/2092", "reference", "Văn bản thử")).statusCode()).isEqualTo(302);
		var twice = staff.post(page, Map.of("key", "publish.days_before", "value", "5", "from", "01/01/2092", "reference", "Văn bản thử"));
		assertThat(twice.statusCode()).isEqualTo(422);
		assertThat(twice.body()).contains("đã có giá trị");
		assertThat(rows()).isEqualTo(before + 1);
	}

	@Test
	void onlyProvinceStaffCanSetAndOtherCellsCannotRead() {
		int before = rows();
		Map<String, String> form = Map.of("key", "quorum.percent", "value", "70", "from", "01/01/2093", "reference", "Văn bản thử");
		// a cell secretary reads the rules of their cell but cannot set the province's or the cell's
		Http secretary = Http.as(port, "bithu");
		assertThat(secretary.get("/orgs/" + ids.cellId() + "/meeting-rules").statusCode()).isEqualTo(200);
		assertThat(secretary.post("/orgs/" + ids.cellId() + "/meeting-rules", form).statusCode()).isEqualTo(404);
		assertThat(secretary.post("/orgs/" + ids.provinceId() + "/meeting-rules", form).statusCode()).isEqualTo(404);
		assertThat(secretary.postJson("/api/v1/organizations/" + ids.cellId() + "/meeting-rules",
				"{\"key\":\"quorum.percent\",\"value\":\"70\",\"from\":\"01/01/2093\",\"reference\":\"Văn bản thử\"}").statusCode()).isEqualTo(404);
		// another cell's secretary does not see this cell's page at all (guessing the id)
		assertThat(Http.as(port, "bithu2").get("/orgs/" + ids.cellId() + "/meeting-rules").statusCode()).isEqualTo(404);
		assertThat(Http.as(port, "bithu2").get("/api/v1/organizations/" + ids.cellId() + "/meeting-rules").statusCode()).isEqualTo(404);
		// commune staff cannot set their commune's value (rules are set per province)
		Http commune = Http.as(port, "canbo.xa");
		assertThat(commune.post("/orgs/" + ids.communeId() + "/meeting-rules", form).statusCode()).isEqualTo(404);
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void theHolidayCalendarIsKeptByStaffOfTheWholeTree() {
		LocalDate day = LocalDate.of(2099, 6, 3); // a Wednesday
		assertThat(workingDays.isWorkingDay(day)).isTrue();
		var province = Fixtures.scope(jdbc, Role.COMMITTEE_STAFF, ids.provinceId());
		assertThatThrownBy(() -> workingDays.addHoliday(province, "03/06/2099", "Ngày thử", false)).isInstanceOf(Denied.class);
		assertThat(Http.as(port, "canbo.tinh").post("/orgs/" + ids.provinceId() + "/holidays",
				Map.of("day", "03/06/2099", "name", "Ngày thử")).statusCode()).isEqualTo(403);
		var central = Fixtures.admin(jdbc, demo);
		assertThatThrownBy(() -> workingDays.addHoliday(central, "3/13/2099", "", false)).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("Ngày nghỉ").hasMessageContaining("Tên ngày nghỉ");
		workingDays.addHoliday(central, "03/06/2099", "Ngày thử", false);
		assertThat(workingDays.isWorkingDay(day)).isFalse();
		assertThat(workingDays.holidays(2099, 2099)).extracting(WorkingDays.Holiday::name).containsExactly("Ngày thử");
		workingDays.removeHoliday(central, day);
		assertThat(workingDays.isWorkingDay(day)).isTrue();
		// a compensating working day: only on a weekend; then counted as a working day by the deadlines
		assertThatThrownBy(() -> workingDays.addHoliday(central, "04/06/2099", "Làm bù thử", true)).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("không phải thứ Bảy hay Chủ nhật");
		LocalDate saturday = LocalDate.of(2099, 6, 6);
		assertThat(workingDays.onOrAfter(saturday)).isEqualTo(LocalDate.of(2099, 6, 8));
		workingDays.addHoliday(central, "06/06/2099", "Làm bù thử", true);
		assertThat(workingDays.isWorkingDay(saturday)).isTrue();
		assertThat(workingDays.onOrAfter(saturday)).isEqualTo(saturday);
		assertThat(workingDays.plus(LocalDate.of(2099, 6, 5), 1)).isEqualTo(saturday);
		workingDays.removeHoliday(central, saturday);
		assertThat(workingDays.isWorkingDay(saturday)).isFalse();
		assertThat(jdbc.sql("select count(*) from audit.entry where action in ('HOLIDAY_ADD','HOLIDAY_REMOVE') and summary like '%06/2099%'").query(Integer.class).single()).isEqualTo(4);
	}

	int rubricRows() {
		return jdbc.sql("select (select count(*) from meetings.rubric) + (select count(*) from meetings.review_form)").query(Integer.class).single();
	}

	@Test
	void provinceStaffSetARubricThatScoresTheMeetingsFromItsDate() {
		Http staff = Http.as(port, "canbo.tinh");
		String page = "/orgs/" + ids.provinceId() + "/meeting-rules";
		assertThat(staff.get(page).body()).contains("Thang điểm chất lượng sinh hoạt").contains("Lưu thang điểm")
			.contains("Chuẩn bị nội dung, chi ủy họp trước | 15");
		var r = staff.post("/orgs/" + ids.provinceId() + "/meeting-rubrics", Map.of("kind", "THEMATIC", "criteria",
				"Chọn chuyên đề sát thực tế | 30\nSố lượng đảng viên dự họp, đúng giờ\t20\r\nThảo luận, kết luận rõ ràng | 50\n",
				"good", "85", "fair", "65", "average", "45", "from", "01/01/2094", "reference", "Hướng dẫn 03-HD/TU ngày 05/12/2093"));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
		String cell = path(ids.cellId());
		var rubric = rules.rubric(MeetingKind.THEMATIC, cell, LocalDate.of(2094, 1, 1));
		assertThat(rubric.criteria()).extracting(MeetingRules.Criterion::label, MeetingRules.Criterion::max).containsExactly(
				org.assertj.core.groups.Tuple.tuple("Chọn chuyên đề sát thực tế", 30),
				org.assertj.core.groups.Tuple.tuple("Số lượng đảng viên dự họp, đúng giờ", 20),
				org.assertj.core.groups.Tuple.tuple("Thảo luận, kết luận rõ ràng", 50));
		// the same wording keeps its code, so that what was scored under it keeps its place
		assertThat(rubric.criteria().get(1).code()).isEqualTo("attendance");
		assertThat(rubric.band(86)).isEqualTo("GOOD");
		assertThat(rubric.band(84)).isEqualTo("FAIR");
		assertThat(rubric.band(44)).isEqualTo("POOR");
		// before its date, and for regular meetings, the national rubric stays
		assertThat(rules.rubric(MeetingKind.THEMATIC, cell, LocalDate.of(2093, 12, 31)).criteria()).hasSize(5);
		assertThat(rules.rubric(MeetingKind.REGULAR, cell, LocalDate.of(2094, 1, 1)).criteria()).hasSize(6);
		// another province keeps the national one
		String elsewhere = jdbc.sql("select path::text from organizations.organization where level = 'PROVINCE' and id <> :p limit 1")
			.param("p", ids.provinceId()).query(String.class).optional().orElse("1.999999");
		assertThat(rules.rubric(MeetingKind.THEMATIC, elsewhere + ".5", LocalDate.of(2094, 1, 1)).criteria()).hasSize(5);
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'MEETING_RUBRIC_SET' and summary like '%03-HD/TU%'")
			.query(Integer.class).single()).isEqualTo(1);
		// the cell's secretary reads the history (through the API too) but has no form to change it
		String seen = Http.as(port, "bithu").get("/orgs/" + ids.cellId() + "/meeting-rules").body();
		assertThat(seen).contains("Hướng dẫn 03-HD/TU ngày 05/12/2093").doesNotContain("/meeting-rubrics\"");
		assertThat(Http.as(port, "bithu").get("/api/v1/organizations/" + ids.cellId() + "/meeting-rubrics").body())
			.contains("Chọn chuyên đề sát thực tế");
		// through the API, as a list of criteria
		var api = staff.postJson("/api/v1/organizations/" + ids.provinceId() + "/meeting-rubrics", """
				{"kind":"REGULAR","criteria":[{"label":"Chuẩn bị","max":40},{"label":"Tiến hành","max":60}],
				 "good":90,"fair":70,"average":50,"from":"01/01/2094","reference":"Hướng dẫn 04-HD/TU"}""");
		assertThat(api.statusCode()).as(api.body()).isEqualTo(201);
		assertThat(rules.rubric(MeetingKind.REGULAR, cell, LocalDate.of(2094, 1, 2)).criteria()).extracting(MeetingRules.Criterion::label)
			.containsExactly("Chuẩn bị", "Tiến hành");
	}

	@Test
	void aBadRubricOrFormNamesTheLineAndChangesNothing() {
		Http staff = Http.as(port, "canbo.tinh");
		String url = "/orgs/" + ids.provinceId() + "/meeting-rubrics";
		int before = rubricRows();
		var notHundred = staff.post(url, Map.of("kind", "REGULAR", "criteria", "Chuẩn bị | 40\nTiến hành | 50", "good", "90",
				"fair", "70", "average", "50", "from", "01/01/2096", "reference", "Văn bản thử"));
		assertThat(notHundred.statusCode()).isEqualTo(422);
		assertThat(notHundred.body()).contains("tổng điểm tối đa phải bằng 100 (đang là 90)")
			.contains("Chuẩn bị | 40"); // what was typed stays in the form
		var lines = staff.post(url, Map.of("kind", "REGULAR", "criteria", "Chuẩn bị | 40\nTiến hành\nCh | 10\nChuẩn bị | mười",
				"good", "70", "fair", "80", "average", "", "from", "30/02/2096", "reference", "Văn bản thử"));
		assertThat(lines.body()).contains("Tiêu chí, dòng 2", "thiếu điểm tối đa", "Tiêu chí, dòng 3", "Tiêu chí, dòng 4", "trùng",
				"Loại Khá từ (điểm)", "phải thấp hơn mức của loại Tốt", "Loại Trung bình từ (điểm)", "Áp dụng từ ngày", "30/02/2096");
		var kind = staff.postJson("/api/v1/organizations/" + ids.provinceId() + "/meeting-rubrics",
				"{\"kind\":\"SECRET\",\"criteria\":[{\"label\":\"Một\",\"max\":100}],\"good\":90,\"fair\":70,\"average\":50,\"from\":\"01/01/2096\",\"reference\":\"Văn bản thử\"}");
		assertThat(kind.statusCode()).isEqualTo(422);
		assertThat(kind.body()).contains("Loại cuộc họp").contains("SECRET").contains("cần ít nhất 2 tiêu chí");
		var form = staff.post("/orgs/" + ids.provinceId() + "/review-forms", Map.of("fields", "Ưu điểm\nƯU ĐIỂM\nx", "from", "01/01/2096",
				"reference", ""));
		assertThat(form.statusCode()).isEqualTo(422);
		assertThat(form.body()).contains("Mục, dòng 2", "trùng", "Mục, dòng 3", "Căn cứ (văn bản)");
		assertThat(rubricRows()).isEqualTo(before);
	}

	@Test
	void aProvinceSetsItsSelfReviewFormButNotUnderWhatMembersHaveWritten() {
		Http bithu = Http.as(port, "bithu");
		LocalDate day = VnText.today().plusDays(9);
		var created = bithu.post("/orgs/" + ids.cellId() + "/meetings", Map.of("kind", "REVIEW", "date", VnText.date(day),
				"time", "19:30", "place", "Nhà văn hóa", "topic", "Kiểm điểm", "agenda", "Tự kiểm điểm", "campaign", "Kết luận 21-KL/TW"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		long meeting = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll(".*/meetings/(\\d+).*", "$1"));
		assertThat(bithu.post("/meetings/" + meeting + "/publish", Map.of()).statusCode()).isEqualTo(302);
		assertThat(Http.as(port, "dangvien").post("/meetings/" + meeting + "/self-review", Map.of("a_strengths", "Gương mẫu",
				"a_shortcomings", "Còn chậm", "a_remedies", "Sửa ngay")).statusCode()).isEqualTo(302);
		Http staff = Http.as(port, "canbo.tinh");
		int before = rubricRows();
		var under = staff.post("/orgs/" + ids.provinceId() + "/review-forms", Map.of("fields", "Ưu điểm\nKhuyết điểm\nHướng khắc phục",
				"from", VnText.date(day), "reference", "Hướng dẫn 05-HD/TU"));
		assertThat(under.statusCode()).isEqualTo(422);
		assertThat(under.body()).contains("Áp dụng từ ngày").contains(VnText.date(day)).contains("chọn ngày sau ngày đó");
		assertThat(rubricRows()).isEqualTo(before);
		var r = staff.post("/orgs/" + ids.provinceId() + "/review-forms", Map.of("fields", "Ưu điểm\nKhuyết điểm\nHướng khắc phục",
				"from", "01/01/2095", "reference", "Hướng dẫn 05-HD/TU"));
		assertThat(r.statusCode()).isEqualTo(302);
		var form = reviews.form(path(ids.cellId()), LocalDate.of(2095, 1, 1));
		assertThat(form).extracting(ReviewManagement.Field::label).containsExactly("Ưu điểm", "Khuyết điểm", "Hướng khắc phục");
		assertThat(form.get(0).code()).isEqualTo("strengths");
		assertThat(reviews.form(path(ids.cellId()), LocalDate.of(2094, 12, 31))).hasSize(5);
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'REVIEW_FORM_SET' and summary like '%05-HD/TU%'")
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void onlyProvinceStaffSetRubricsAndForms() {
		int before = rubricRows();
		Map<String, String> rubric = Map.of("kind", "REGULAR", "criteria", "Chuẩn bị | 40\nTiến hành | 60", "good", "90", "fair", "70",
				"average", "50", "from", "01/01/2097", "reference", "Văn bản thử");
		Map<String, String> form = Map.of("fields", "Ưu điểm\nKhuyết điểm", "from", "01/01/2097", "reference", "Văn bản thử");
		for (String user : new String[] { "bithu", "canbo.xa", "dangvien" }) {
			Http h = Http.as(port, user);
			assertThat(h.post("/orgs/" + ids.provinceId() + "/meeting-rubrics", rubric).statusCode()).as(user).isEqualTo(404);
			assertThat(h.post("/orgs/" + ids.provinceId() + "/review-forms", form).statusCode()).as(user).isEqualTo(404);
			assertThat(h.post("/orgs/" + ids.cellId() + "/meeting-rubrics", rubric).statusCode()).as(user).isEqualTo(404);
		}
		assertThat(Http.as(port, "canbo.xa").postJson("/api/v1/organizations/" + ids.communeId() + "/review-forms",
				"{\"fields\":[\"Ưu điểm\",\"Khuyết điểm\"],\"from\":\"01/01/2097\",\"reference\":\"Văn bản thử\"}").statusCode()).isEqualTo(404);
		// another cell's secretary cannot read this cell's rubrics by guessing its id
		assertThat(Http.as(port, "bithu2").get("/api/v1/organizations/" + ids.cellId() + "/meeting-rubrics").statusCode()).isEqualTo(404);
		assertThat(rubricRows()).isEqualTo(before);
	}
}
