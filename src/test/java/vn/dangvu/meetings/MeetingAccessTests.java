package vn.dangvu.meetings;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dangvu.organizations.DemoRegistry;
import vn.dangvu.shared.Role;
import vn.dangvu.shared.VnText;
import vn.dangvu.support.Fixtures;
import vn.dangvu.support.Http;
import vn.dangvu.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secretary cannot see or record another cell's meetings; a member sees only their own cell's and records only
 * their own excuse; an assigned higher-level committee member sees only the cells they follow and reports on
 * their own visits — through the pages, the API and guessed ids.
 */
@IntegrationTest
class MeetingAccessTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoRegistry demo;

	@Autowired
	MeetingManagement meetings;

	DemoRegistry.DemoIds ids;
	long own;
	long other;

	@BeforeEach
	void setUp() {
		ids = demo.ids().orElseThrow();
		own = latestHeld(ids.cellId());
		other = latestHeld(ids.otherCellId());
	}

	long latestHeld(long cell) {
		return jdbc.sql("select id from meetings.meeting where organization_id = :o and status = 'HELD' order by meeting_date desc limit 1")
			.param("o", cell).query(Long.class).single();
	}

	@Test
	void secretaryCannotSeeOrRecordAnotherCellsMeetings() {
		Http bithu = Http.as(port, "bithu");
		assertThat(bithu.get("/meetings/" + own).statusCode()).isEqualTo(200);
		assertThat(bithu.get("/orgs/" + ids.cellId() + "/meetings").statusCode()).isEqualTo(200);
		for (String path : List.of("/meetings/" + other, "/meetings/" + other + "/attendance", "/meetings/" + other + "/minutes",
				"/meetings/" + other + "/minutes.pdf", "/orgs/" + ids.otherCellId() + "/meetings",
				"/orgs/" + ids.otherCellId() + "/meetings/stats", "/api/v1/meetings/" + other,
				"/api/v1/organizations/" + ids.otherCellId() + "/meetings", "/api/v1/meetings/999999999")) {
			assertThat(bithu.get(path).statusCode()).as(path).isEqualTo(404);
		}
		String before = jdbc.sql("select string_agg(member_id || status, ',' order by member_id) from meetings.attendance where meeting_id = :id")
			.param("id", other).query(String.class).single();
		long someone = Fixtures.memberIds(jdbc, ids.otherCellId()).get(0);
		assertThat(bithu.post("/meetings/" + other + "/attendance", Map.of("s" + someone, "UNEXCUSED")).statusCode()).isEqualTo(404);
		assertThat(bithu.putJson("/api/v1/meetings/" + other + "/attendance", "{\"statuses\":{\"" + someone + "\":\"UNEXCUSED\"}}")
			.statusCode()).isEqualTo(404);
		assertThat(bithu.post("/meetings/" + other + "/cancel", Map.of("reason", "thử")).statusCode()).isEqualTo(404);
		assertThat(bithu.post("/meetings/" + other + "/minutes/sign", Map.of("as", "chair")).statusCode()).isEqualTo(404);
		assertThat(bithu.post("/orgs/" + ids.otherCellId() + "/meetings", Map.of("kind", "REGULAR", "date", "01/12/2026",
				"time", "08:00", "place", "Hội trường")).statusCode()).isEqualTo(404);
		assertThat(bithu.post("/orgs/" + ids.otherCellId() + "/schedule", Map.of("day", "5", "time", "08:00", "place", "Hội trường"))
			.statusCode()).isEqualTo(404);
		long material = jdbc.sql("insert into meetings.material (meeting_id, file_name, content_type, bytes, uploaded_by) values (:m, 'mat.txt', 'text/plain', 'bí mật', 'test') returning id")
			.param("m", other).query(Long.class).single();
		assertThat(bithu.get("/materials/" + material).statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("select string_agg(member_id || status, ',' order by member_id) from meetings.attendance where meeting_id = :id")
			.param("id", other).query(String.class).single()).isEqualTo(before);
		assertThat(jdbc.sql("select status from meetings.meeting where id = :id").param("id", other).query(String.class).single())
			.isEqualTo("HELD");
	}

	@Test
	void memberSeesOwnCellAndSendsOnlyTheirOwnExcuse() {
		Http member = Http.as(port, "dangvien");
		assertThat(member.get("/meetings/" + own).statusCode()).isEqualTo(200);
		assertThat(member.get("/meetings/" + other).statusCode()).isEqualTo(404);
		assertThat(member.get("/api/v1/meetings/" + other).statusCode()).isEqualTo(404);
		assertThat(member.get("/meetings/" + own + "/attendance").statusCode()).isEqualTo(403);
		HttpResponse<String> record = member.post("/meetings/" + own + "/attendance", Map.of());
		assertThat(record.statusCode()).isEqualTo(403);
		assertThat(member.post("/meetings/" + own + "/cancel", Map.of("reason", "thử")).statusCode()).isEqualTo(403);
		assertThat(member.get("/orgs/" + ids.cellId() + "/meetings/stats").statusCode()).isEqualTo(404);

		// An excuse in advance for the next announced meeting; it presets the attendance form.
		var scope = Fixtures.scope(jdbc, Role.CELL_SECRETARY, ids.cellId());
		long next = meetings.create(scope, ids.cellId(), new MeetingInput("EXTRAORDINARY",
				VnText.date(VnText.today().plusDays(3)), "19:00", "Nhà văn hóa", false, "Bầu tổ trưởng", List.of("Bầu cử")));
		meetings.publish(scope, next);
		assertThat(member.post("/meetings/" + next + "/excuse", Map.of("reason", "Đi viện thăm người nhà")).statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select status from meetings.attendance where meeting_id = :m and member_id = :id")
			.param("m", next).param("id", ids.memberId()).query(String.class).single()).isEqualTo("EXCUSED");
		assertThat(member.get("/meetings/mine").body()).contains("Bầu tổ trưởng");
		assertThat(member.get("/api/v1/me/meetings").body()).contains("\"upcoming\"");
		// Only their own line: an excuse for a meeting of another cell is not possible
		assertThat(member.post("/meetings/" + other + "/excuse", Map.of("reason", "x")).statusCode()).isEqualTo(404);
	}

	@Test
	void assignedCommitteeMemberSeesOnlyTheCellsTheyFollow() {
		// A commune committee member of another commune's cell, with no role: only the assignment gives access.
		long cellOfCommune2 = jdbc.sql("""
				select o.id from organizations.organization o, organizations.organization c
				where c.id = :c and o.path <@ c.path and o.level = 'CELL' order by o.id limit 1
				""").param("c", ids.otherCommuneId()).query(Long.class).single();
		long follower = Fixtures.memberIds(jdbc, cellOfCommune2).get(2);
		Fixtures.memberAccount(jdbc, "theodoi", follower);
		Http theodoi = Http.as(port, "theodoi");
		assertThat(theodoi.get("/meetings/" + own).statusCode()).isEqualTo(404);

		Http staff = Http.as(port, "canbo.xa");
		HttpResponse<String> refused = staff.post("/orgs/" + ids.communeId() + "/assignments", Map.of("memberId",
				String.valueOf(follower), "cellId", String.valueOf(ids.otherCommuneId()), "year", "2026", "planned", "6"));
		// canbo.xa cannot read a member of another commune: the member is not found in their scope
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("không tìm thấy đảng viên");
		var provinceStaff = Http.as(port, "canbo.tinh");
		int year = VnText.today().getYear();
		assertThat(provinceStaff.post("/orgs/" + ids.provinceId() + "/assignments", Map.of("memberId", String.valueOf(follower),
				"cellId", String.valueOf(ids.cellId()), "year", String.valueOf(year), "planned", "1")).statusCode()).isEqualTo(302);

		assertThat(theodoi.get("/meetings/" + own).statusCode()).isEqualTo(200);
		assertThat(theodoi.get("/orgs/" + ids.cellId() + "/meetings").statusCode()).isEqualTo(200);
		assertThat(theodoi.get("/meetings/" + other).statusCode()).isEqualTo(404);
		assertThat(theodoi.get("/api/v1/meetings/" + other).statusCode()).isEqualTo(404);
		assertThat(theodoi.post("/meetings/" + own + "/attendance", Map.of()).statusCode()).isEqualTo(403);
		assertThat(theodoi.post("/meetings/" + other + "/visit", Map.of("report", "Tôi đã dự")).statusCode()).isEqualTo(404);

		assertThat(theodoi.post("/meetings/" + own + "/visit", Map.of("report", "Chi bộ sinh hoạt nền nếp, nhiều ý kiến.")).statusCode())
			.isEqualTo(302);
		HttpResponse<String> again = theodoi.post("/meetings/" + own + "/visit", Map.of("report", "Lần hai"));
		assertThat(again.statusCode()).isEqualTo(422);
		assertThat(again.body()).contains("đã ghi nhận dự cuộc họp này rồi");
		assertThat(jdbc.sql("select visits from meetings.meeting where id = :id").param("id", own).query(Integer.class).single())
			.isEqualTo(1);
		assertThat(Fixtures.meetingCounterMismatches(jdbc)).isZero();
		long planned = jdbc.sql("select sum(planned) from meetings.assignment where committee_path <@ (select path from organizations.organization where id = :p) and year = :y and not ended")
			.param("p", ids.provinceId()).param("y", year).query(Long.class).single();
		assertThat(provinceStaff.get("/api/v1/organizations/" + ids.provinceId() + "/meeting-stats?year=" + year).body())
			.contains("\"assignmentsPlanned\":" + planned);
		String plan = provinceStaff.get("/orgs/" + ids.provinceId() + "/assignments?year=" + year).body();
		assertThat(plan).contains("1/1");
		assertThat(theodoi.get("/meetings/mine").body()).contains("Chi bộ Thôn Đông");
		// A member of the committee cannot see the plan of a committee outside their scope
		assertThat(Http.as(port, "bithu2").get("/orgs/" + ids.provinceId() + "/assignments").statusCode()).isEqualTo(404);
	}

	@Test
	void readOnlyCommitteeMemberSeesButCannotRecord() {
		Http uyvien = Http.as(port, "uyvien.xa");
		assertThat(uyvien.get("/meetings/" + own).statusCode()).isEqualTo(200);
		assertThat(uyvien.get("/orgs/" + ids.communeId() + "/meetings/stats").statusCode()).isEqualTo(200);
		assertThat(uyvien.post("/meetings/" + own + "/attendance", Map.of()).statusCode()).isEqualTo(403);
		assertThat(uyvien.post("/orgs/" + ids.cellId() + "/meetings", Map.of("kind", "REGULAR", "date",
				VnText.date(LocalDate.now()), "time", "08:00", "place", "Hội trường")).statusCode()).isEqualTo(403);
	}
}
