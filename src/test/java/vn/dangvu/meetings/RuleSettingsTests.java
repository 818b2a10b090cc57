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
}
