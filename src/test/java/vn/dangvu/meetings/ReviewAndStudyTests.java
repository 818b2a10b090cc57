package vn.dangvu.meetings;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * Review sessions against a document: self-reviews on the configured form (seen by the writer and the cell's
 * committee only), comments and conclusions per member, remediation items carried to the next review until
 * closed. Studies: a commune organizes one, a cell holds a session and a make-up, completion rolls up.
 */
@IntegrationTest
class ReviewAndStudyTests {

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

	long meetingFrom(HttpResponse<String> r) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
		return Long.parseLong(r.headers().firstValue("Location").orElseThrow().replaceAll(".*/meetings/(\\d+).*", "$1"));
	}

	long review(Http bithu, String date) {
		long id = meetingFrom(bithu.post("/orgs/" + ids.cellId() + "/meetings", Map.of("kind", "REVIEW", "date", date,
				"time", "19:30", "place", "Nhà văn hóa", "topic", "Kiểm điểm theo Kết luận 21", "agenda", "Tự kiểm điểm\nGóp ý",
				"campaign", "Kết luận 21-KL/TW")));
		assertThat(bithu.post("/meetings/" + id + "/publish", Map.of()).statusCode()).isEqualTo(302);
		return id;
	}

	@Test
	void reviewSessionFromSelfReviewToRemediationCarriedOver() {
		Http bithu = Http.as(port, "bithu");
		HttpResponse<String> noCampaign = bithu.post("/orgs/" + ids.cellId() + "/meetings", Map.of("kind", "REVIEW", "date",
				VnText.date(VnText.today().plusDays(3)), "time", "19:30", "place", "Nhà văn hóa"));
		assertThat(noCampaign.statusCode()).isEqualTo(422);
		assertThat(noCampaign.body()).contains("Văn bản kiểm điểm");

		long first = review(bithu, VnText.date(VnText.today().plusDays(3)));
		Http member = Http.as(port, "dangvien");
		HttpResponse<String> incomplete = member.post("/meetings/" + first + "/self-review", Map.of("a_strengths", "Gương mẫu"));
		assertThat(incomplete.statusCode()).isEqualTo(422);
		assertThat(incomplete.body()).contains("Hạn chế, khuyết điểm và nguyên nhân", "chưa viết");
		assertThat(member.post("/meetings/" + first + "/self-review", Map.of("a_strengths", "Gương mẫu",
				"a_shortcomings", "Chưa tích cực tham gia phong trào ở khu dân cư", "a_remedies", "Tham gia đủ các buổi")).statusCode())
			.isEqualTo(302);

		// Another member of the cell sees the session but not what dangvien wrote.
		long mate = Fixtures.memberIds(jdbc, ids.cellId()).stream().filter(x -> x != ids.memberId()).findFirst().orElseThrow();
		Fixtures.memberAccount(jdbc, "dangvien.khac", mate);
		Http other = Http.as(port, "dangvien.khac");
		String seenByMate = other.get("/meetings/" + first).body();
		assertThat(seenByMate).contains("Kết luận 21-KL/TW").doesNotContain("Chưa tích cực tham gia phong trào");
		assertThat(bithu.get("/meetings/" + first).body()).contains("Chưa tích cực tham gia phong trào");
		// Someone of another cell cannot reach it at all
		assertThat(Http.as(port, "bithu2").post("/meetings/" + first + "/review-comments", Map.of("memberId",
				String.valueOf(ids.memberId()), "kind", "CRITICISM", "content", "x")).statusCode()).isEqualTo(404);
		assertThat(member.post("/meetings/" + first + "/review-comments", Map.of("memberId", String.valueOf(mate), "kind",
				"CRITICISM", "content", "Phê bình lén")).statusCode()).isEqualTo(403);

		assertThat(bithu.post("/meetings/" + first + "/review-comments", Map.of("memberId", String.valueOf(ids.memberId()),
				"kind", "CRITICISM", "speaker", "Bí thư", "content", "Cần gương mẫu hơn trong vận động gia đình")).statusCode()).isEqualTo(302);
		assertThat(bithu.post("/meetings/" + first + "/review-comments", Map.of("memberId", String.valueOf(ids.memberId()),
				"kind", "CONCLUSION", "content", "Chi bộ kết luận: khắc phục trong quý")).statusCode()).isEqualTo(302);
		HttpResponse<String> badItem = bithu.post("/meetings/" + first + "/remediations", Map.of("memberId",
				String.valueOf(ids.memberId()), "shortcoming", "", "measure", "", "dueOn", "32/13/2026"));
		assertThat(badItem.statusCode()).isEqualTo(422);
		assertThat(badItem.body()).contains("Hạn chế, khuyết điểm", "Biện pháp khắc phục", "Thời hạn");
		assertThat(bithu.post("/meetings/" + first + "/remediations", Map.of("memberId", String.valueOf(ids.memberId()),
				"shortcoming", "Chưa tích cực ở khu dân cư", "measure", "Dự đủ sinh hoạt khu dân cư", "dueOn",
				VnText.date(VnText.today().plusMonths(3)))).statusCode()).isEqualTo(302);
		assertThat(member.get("/meetings/" + first).body()).contains("Cần gương mẫu hơn", "Chưa tích cực ở khu dân cư");

		// The next review: the open item is shown to the member and to the secretary until a meeting closes it.
		long second = review(bithu, VnText.date(VnText.today().plusDays(40)));
		assertThat(member.get("/meetings/" + second).body()).contains("Hạn chế đã được chỉ ra, chưa khắc phục xong",
				"Chưa tích cực ở khu dân cư");
		long item = jdbc.sql("select id from meetings.remediation where meeting_id = :m").param("m", first).query(Long.class).single();
		String page = bithu.get("/meetings/" + second).body();
		assertThat(page).contains("Từ các lần kiểm điểm trước, còn mở");
		assertThat(bithu.post("/meetings/" + second + "/remediations/" + item + "/close", Map.of()).statusCode()).isEqualTo(422);
		assertThat(bithu.post("/meetings/" + second + "/remediations/" + item + "/close", Map.of("note", "Đã dự đủ 3 tháng")).statusCode())
			.isEqualTo(302);
		assertThat(jdbc.sql("select status || '/' || closed_in_meeting_id from meetings.remediation where id = :id").param("id", item)
			.query(String.class).single()).isEqualTo("CLOSED/" + second);
		assertThat(member.get("/meetings/" + second).body()).doesNotContain("Hạn chế đã được chỉ ra, chưa khắc phục xong");
	}

	@Test
	void studyOrganizedByTheCommuneWithSessionsAndMakeUpRollsUp() throws Exception {
		Http staff = Http.as(port, "canbo.xa");
		HttpResponse<String> bad = staff.post("/orgs/" + ids.communeId() + "/studies", Map.of("title", "", "documentRef", ""));
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("Tên đợt học tập", "Văn bản (số, ký hiệu)");
		HttpResponse<String> created = staff.post("/orgs/" + ids.communeId() + "/studies", Map.of("title",
				"Học tập, quán triệt Nghị quyết về phát triển kinh tế tư nhân", "documentRef", "Nghị quyết 68-NQ/TW"));
		assertThat(created.statusCode()).isEqualTo(302);
		long study = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll(".*/studies/(\\d+).*", "$1"));

		Http bithu = Http.as(port, "bithu");
		assertThat(bithu.get("/orgs/" + ids.cellId() + "/studies").body()).contains("Nghị quyết 68-NQ/TW");
		long session = meetingFrom(bithu.post("/studies/" + study + "/sessions", Map.of("orgId", String.valueOf(ids.cellId()),
				"date", VnText.date(VnText.today().minusDays(1)), "time", "08:00", "place", "Hội trường")));
		assertThat(bithu.post("/meetings/" + session + "/publish", Map.of()).statusCode()).isEqualTo(302);
		Map<String, String> form = new HashMap<>();
		List<Long> expected = jdbc.sql("select member_id from meetings.attendance where meeting_id = :m and standing <> 'EXEMPT' order by member_id")
			.param("m", session).query(Long.class).list();
		jdbc.sql("select member_id, standing from meetings.attendance where meeting_id = :m").param("m", session)
			.query((rs, i) -> form.put("s" + rs.getLong(1), "EXEMPT".equals(rs.getString(2)) ? "EXEMPT" : "PRESENT")).list();
		form.put("s" + expected.get(0), "EXCUSED");
		form.put("s" + expected.get(1), "UNEXCUSED");
		assertThat(bithu.post("/meetings/" + session + "/attendance", form).statusCode()).isEqualTo(302);
		long done = completed(study, ids.cellId());
		assertThat(done).isEqualTo(expected.size() - 2);
		assertThat(completed(study, ids.communeId())).isEqualTo(done);
		String cellPage = bithu.get("/studies/" + study + "?org=" + ids.cellId()).body();
		assertThat(cellPage).contains("Chưa học (2)");

		long makeup = meetingFrom(bithu.post("/studies/" + study + "/sessions", Map.of("orgId", String.valueOf(ids.cellId()),
				"date", VnText.date(VnText.today()), "time", "19:00", "place", "Hội trường", "makeup", "true")));
		assertThat(bithu.post("/meetings/" + makeup + "/publish", Map.of()).statusCode()).isEqualTo(302);
		List<Long> invited = jdbc.sql("select member_id from meetings.attendance where meeting_id = :m and standing <> 'EXEMPT' order by member_id")
			.param("m", makeup).query(Long.class).list();
		assertThat(invited).containsExactly(expected.get(0), expected.get(1));
		assertThat(bithu.post("/meetings/" + makeup + "/attendance", Map.of("s" + expected.get(0), "PRESENT", "s" + expected.get(1),
				"PRESENT")).statusCode()).isEqualTo(302);
		assertThat(completed(study, ids.cellId())).isEqualTo(expected.size());
		assertThat(completed(study, ids.provinceId())).isEqualTo(expected.size());
		assertThat(staff.get("/api/v1/studies/" + study + "/progress?org=" + ids.communeId()).body()).contains("\"completed\":" + expected.size());

		assertThat(staff.get("/orgs/" + ids.communeId() + "/meetings/stats").body()).contains("Nghị quyết 68-NQ/TW");
		try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
				staff.getBytes("/orgs/" + ids.communeId() + "/meetings/stats.xlsx").body()))) {
			var sheet = wb.getSheet("Học tập nghị quyết");
			boolean found = false;
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				if ("Nghị quyết 68-NQ/TW".equals(sheet.getRow(r).getCell(0).getStringCellValue())) {
					assertThat((long) sheet.getRow(r).getCell(4).getNumericCellValue()).isEqualTo(expected.size());
					found = true;
				}
			}
			assertThat(found).isTrue();
		}

		// Someone of another cell sees the study of the commune but not this cell's progress.
		Http bithu2 = Http.as(port, "bithu2");
		assertThat(bithu2.get("/studies/" + study + "?org=" + ids.otherCellId()).statusCode()).isEqualTo(200);
		assertThat(bithu2.get("/studies/" + study + "?org=" + ids.cellId()).statusCode()).isEqualTo(404);
		assertThat(bithu2.post("/studies/" + study + "/sessions", Map.of("orgId", String.valueOf(ids.cellId()), "date", "01/12/2026",
				"time", "08:00", "place", "x")).statusCode()).isEqualTo(404);
	}

	long completed(long study, long org) {
		return jdbc.sql("select coalesce(max(completed), 0) from meetings.study_counter where study_id = :s and organization_id = :o")
			.param("s", study).param("o", org).query(Long.class).single();
	}
}
