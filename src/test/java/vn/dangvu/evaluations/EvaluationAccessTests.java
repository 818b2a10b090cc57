package vn.dangvu.evaluations;

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
import vn.dangvu.support.Http;
import vn.dangvu.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member sees and edits only their own self-assessment and only while that step is open; a cell's secretary sees
 * only their cell and cannot appraise or decide; another cell's secretary and other communes' staff see nothing —
 * through the pages, the API, the PDF and guessed ids. Refused changes leave the row as it was.
 */
@IntegrationTest
class EvaluationAccessTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoRegistry demo;

	DemoRegistry.DemoIds ids;
	long cycle;
	long mine;
	long neighbour;
	long otherCell;

	@BeforeEach
	void setUp() {
		ids = demo.ids().orElseThrow();
		cycle = jdbc.sql("select id from evaluations.cycle where organization_id = :c and kind = 'ANNUAL' order by id limit 1")
			.param("c", ids.communeId()).query(Long.class).single();
		mine = evaluationOf(ids.memberId());
		neighbour = jdbc.sql("""
				select id from evaluations.evaluation where cycle_id = :c and organization_id = :o and member_id <> :m
				  and step <> 'NOT_CLASSIFIED' order by id limit 1
				""").param("c", cycle).param("o", ids.cellId()).param("m", ids.memberId()).query(Long.class).single();
		otherCell = jdbc.sql("select id from evaluations.evaluation where cycle_id = :c and organization_id = :o and member_id is not null order by id limit 1")
			.param("c", cycle).param("o", ids.otherCellId()).query(Long.class).single();
	}

	long evaluationOf(long member) {
		return jdbc.sql("select id from evaluations.evaluation where cycle_id = :c and member_id = :m").param("c", cycle)
			.param("m", member).query(Long.class).single();
	}

	long evaluationOfOtherCommune() {
		return jdbc.sql("""
				select e.id from evaluations.evaluation e join organizations.organization o on o.id = :c
				where e.org_path <@ o.path order by e.id limit 1
				""").param("c", ids.otherCommuneId()).query(Long.class).optional().orElse(999999998L);
	}

	String row(long id) {
		return jdbc.sql("select row_to_json(e)::text from evaluations.evaluation e where id = :id").param("id", id).query(String.class).single();
	}

	Map<String, String> selfForm(long id) {
		String group = jdbc.sql("select subject_group from evaluations.evaluation where id = :id").param("id", id).query(String.class).single();
		String criteria = jdbc.sql("""
				select s.criteria::text from evaluations.cycle_criteria c join evaluations.criteria_set s on s.id = c.criteria_set_id
				where c.cycle_id = :c and c.subject_group = :g
				""").param("c", cycle).param("g", group).query(String.class).single();
		Map<String, String> form = new HashMap<>();
		for (var c : EvaluationRepository.JSON.readTree(criteria)) {
			form.put("score." + c.get("code").asString(), String.valueOf((int) (c.get("max").asInt() * 0.8)));
		}
		form.put("tasksDone", "100");
		form.put("tasksOnTime", "100");
		form.put("tasksExceeded", "10");
		form.put("level", "HTTNV");
		form.put("text.strengths", "Tham gia đầy đủ sinh hoạt chi bộ.");
		form.put("text.shortcomings", "Còn ngại phát biểu.");
		form.put("text.remedies", "Chủ động góp ý tại các buổi sinh hoạt.");
		form.put("text.previous", "Không có hạn chế nào từ trước.");
		return form;
	}

	@Test
	void memberSeesAndWritesOnlyTheirOwnWhileTheStepIsOpen() {
		Http member = Http.as(port, "dangvien");
		assertThat(member.get("/evaluations/mine").body()).contains("/evaluations/" + mine);
		assertThat(member.get("/evaluations/" + mine).statusCode()).isEqualTo(200);
		var pdf = member.getBytes("/evaluations/" + mine + ".pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		String name = jdbc.sql("select subject_name from evaluations.evaluation where id = :id").param("id", mine).query(String.class).single();
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("BẢN KIỂM ĐIỂM ĐẢNG VIÊN").contains(name)
				.contains("Phẩm chất chính trị, tư tưởng");
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		String before = row(neighbour);
		for (String path : List.of("/evaluations/" + neighbour, "/evaluations/" + neighbour + ".pdf", "/evaluations/" + otherCell,
				"/api/v1/evaluations/" + neighbour, "/api/v1/evaluations/" + neighbour + "/quarter-basis",
				"/api/v1/evaluations/999999999", "/evaluations/999999999",
				"/orgs/" + ids.cellId() + "/evaluations", "/api/v1/organizations/" + ids.cellId() + "/evaluation-counts")) {
			assertThat(member.get(path).statusCode()).as(path).isEqualTo(404);
		}
		assertThat(member.post("/evaluations/" + neighbour + "/self", selfForm(neighbour)).statusCode()).isEqualTo(404);
		assertThat(member.post("/evaluations/" + neighbour + "/places/1", Map.of("content", "Tốt")).statusCode()).isEqualTo(404);
		assertThat(member.postJson("/api/v1/evaluations/" + neighbour + "/places/1", "{\"content\":\"Tốt\"}").statusCode()).isEqualTo(404);
		assertThat(member.putJson("/api/v1/evaluations/" + neighbour + "/self-assessment",
				"{\"scores\":{\"G1\":\"1\"},\"level\":\"KHTNV\",\"texts\":{}}").statusCode()).isEqualTo(404);
		assertThat(row(neighbour)).isEqualTo(before);

		// Bad input: a score over the maximum names the criterion; nothing is written.
		String own = row(mine);
		Map<String, String> bad = selfForm(mine);
		bad.put("score.G1", "99");
		var refused = member.post("/evaluations/" + mine + "/self", bad);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("Điểm “Phẩm chất chính trị, tư tưởng”</strong>: phải từ 0 đến").contains("(đã nhập 99)").contains("value=\"99\"");
		assertThat(row(mine)).isEqualTo(own);
		// The member cannot take the steps of the cell or the committee on their own record.
		assertThat(member.post("/evaluations/" + mine + "/opinion", Map.of("level", "HTXSNV", "present", "3", "votesFor", "3"))
			.statusCode()).isEqualTo(403);
		assertThat(member.postJson("/api/v1/evaluations/" + mine + "/decision", "{\"level\":\"HTXSNV\",\"decisionRef\":\"1-QĐ/ĐU\",\"decidedOn\":\"01/11/2026\"}")
			.statusCode()).isEqualTo(403);
		assertThat(row(mine)).isEqualTo(own);

		assertThat(member.post("/evaluations/" + mine + "/self", selfForm(mine)).statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select step from evaluations.evaluation where id = :id").param("id", mine).query(String.class).single())
			.isEqualTo("OPINION");

		// After the deadline the step is closed to the member.
		jdbc.sql("update evaluations.cycle set self_until = current_date - 1 where id = :c").param("c", cycle).update();
		try {
			var late = member.post("/evaluations/" + mine + "/self", selfForm(mine));
			assertThat(late.statusCode()).isEqualTo(422);
			assertThat(late.body()).contains("đã hết hạn");
		}
		finally {
			jdbc.sql("update evaluations.cycle set self_until = current_date + 12 where id = :c").param("c", cycle).update();
		}
	}

	@Test
	void secretariesAndStaffSeeOnlyTheirSubtreeAndOnlyTheCompetentLevelDecides() {
		Http bithu = Http.as(port, "bithu");
		assertThat(bithu.get("/evaluations/" + neighbour).statusCode()).isEqualTo(200);
		assertThat(bithu.get("/evaluation-cycles/" + cycle + "?org=" + ids.cellId()).statusCode()).isEqualTo(200);
		// The cell's page reminds of the members still to self-assess, the deadline being within a week or past.
		jdbc.sql("update evaluations.cycle set self_until = current_date + 3 where id = :c").param("c", cycle).update();
		String cellPage = bithu.get("/orgs/" + ids.cellId() + "/evaluations").body();
		jdbc.sql("update evaluations.cycle set self_until = current_date + 12 where id = :c").param("c", cycle).update();
		assertThat(cellPage).contains("step=SELF").contains("chờ tự đánh giá</a>");
		String before = row(otherCell);
		for (String path : List.of("/evaluations/" + otherCell, "/evaluations/" + otherCell + ".pdf", "/api/v1/evaluations/" + otherCell,
				"/evaluation-cycles/" + cycle + "?org=" + ids.otherCellId(), "/orgs/" + ids.otherCellId() + "/evaluations",
				"/api/v1/evaluation-cycles/" + cycle + "/subjects?org=" + ids.otherCellId(),
				"/api/v1/organizations/" + ids.otherCellId() + "/evaluation-counts")) {
			assertThat(bithu.get(path).statusCode()).as(path).isEqualTo(404);
		}
		assertThat(bithu.post("/evaluations/" + otherCell + "/opinion", Map.of("level", "HTTNV", "present", "3", "votesFor", "3"))
			.statusCode()).isEqualTo(404);
		assertThat(bithu.post("/evaluations/" + otherCell + "/conclusions", Map.of("disciplineRef", "1-QĐ/UBKT")).statusCode()).isEqualTo(404);
		assertThat(bithu.postJson("/api/v1/evaluations/" + otherCell + "/appraisal", "{\"level\":\"KHTNV\"}").statusCode()).isEqualTo(404);
		assertThat(row(otherCell)).isEqualTo(before);
		// The secretary may not write a member's self-assessment, nor appraise or decide.
		String n = row(neighbour);
		assertThat(bithu.post("/evaluations/" + neighbour + "/self", selfForm(neighbour)).statusCode()).isEqualTo(403);
		assertThat(bithu.post("/evaluations/" + neighbour + "/appraisal", Map.of("level", "HTTNV")).statusCode()).isEqualTo(403);
		assertThat(bithu.post("/evaluation-cycles/" + cycle + "/open", Map.of()).statusCode()).isEqualTo(403);
		assertThat(bithu.post("/evaluation-cycles/" + cycle + "/decide-all?org=" + ids.cellId(), Map.of("decisionRef", "1-QĐ/ĐU",
				"decidedOn", "01/11/2026")).statusCode()).isEqualTo(403);
		assertThat(row(neighbour)).isEqualTo(n);

		// The cell's list of those still to self-assess, as a spreadsheet (read back), and the export audited.
		long waiting = jdbc.sql("select count(*) from evaluations.evaluation where cycle_id = :c and organization_id = :o and step = 'SELF'")
			.param("c", cycle).param("o", ids.cellId()).query(Long.class).single();
		var list = bithu.getBytes("/evaluation-cycles/" + cycle + "/subjects.xlsx?org=" + ids.cellId() + "&step=SELF");
		assertThat(list.statusCode()).isEqualTo(200);
		try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(list.body()))) {
			var sheet = wb.getSheet("Danh sách");
			assertThat(waiting).isPositive();
			assertThat(sheet.getLastRowNum()).isEqualTo((int) waiting);
			assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("Chờ tự đánh giá");
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'EVALUATION_EXPORT' and actor = 'bithu'")
			.query(Long.class).single()).isPositive();
		assertThat(bithu.getBytes("/evaluation-cycles/" + cycle + "/subjects.xlsx?org=" + ids.otherCellId()).statusCode()).isEqualTo(404);

		// The commune's staff see nothing of the other commune, and export their own (read back with POI).
		Http staff = Http.as(port, "canbo.xa");
		assertThat(staff.get("/api/v1/organizations/" + ids.otherCommuneId() + "/evaluation-counts").statusCode()).isEqualTo(404);
		assertThat(staff.get("/orgs/" + ids.otherCommuneId() + "/evaluations.xlsx").statusCode()).isEqualTo(404);
		assertThat(staff.get("/api/v1/evaluations/" + evaluationOfOtherCommune()).statusCode()).isEqualTo(404);
		var counts = EvaluationRepository.JSON.readTree(staff.get("/api/v1/organizations/" + ids.communeId() + "/evaluation-counts").body());
		long members = 0;
		for (var v : counts.get("byKind").get("MEMBER")) {
			members += v.asLong();
		}
		assertThat(members).isEqualTo(jdbc.sql("select count(*) from evaluations.evaluation where cycle_id = :c and member_id is not null")
			.param("c", cycle).query(Long.class).single());
		var xlsx = staff.getBytes("/orgs/" + ids.communeId() + "/evaluations.xlsx");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
			var sheet = wb.getSheet("Đảng viên");
			// The filed layout: heading, title with the period, two-row header, numbered columns, total, signatures.
			assertThat(sheet.getRow(0).getCell(9).getStringCellValue()).isEqualTo("ĐẢNG CỘNG SẢN VIỆT NAM");
			assertThat(sheet.getRow(3).getCell(0).getStringCellValue())
				.isEqualTo("BIỂU TỔNG HỢP KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM " + VnText.today().getYear());
			assertThat(sheet.getRow(6).getCell(4).getStringCellValue()).isEqualTo("Hoàn thành xuất sắc nhiệm vụ (HTXSNV)");
			assertThat(sheet.getRow(7).getCell(5).getStringCellValue()).isEqualTo("Tỷ lệ %");
			assertThat(sheet.getRow(8).getCell(14).getStringCellValue()).isEqualTo("(15)");
			assertThat(sheet.getMergedRegions()).anySatisfy(m -> assertThat(m.formatAsString()).isEqualTo("E7:F7"));
			assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
			org.apache.poi.ss.usermodel.Row total = null;
			for (var row : sheet) {
				if (row.getCell(1) != null && "Tổng cộng".equals(row.getCell(1).getStringCellValue())) {
					total = row;
				}
			}
			assertThat(total).isNotNull();
			assertThat((long) total.getCell(2).getNumericCellValue()).isEqualTo(members);
			long classified = (long) total.getCell(3).getNumericCellValue();
			long excellent = (long) total.getCell(4).getNumericCellValue();
			if (classified > 0) {
				assertThat(total.getCell(5).getNumericCellValue()).isCloseTo((double) excellent / classified, org.assertj.core.data.Offset.offset(1e-9));
			}
			long pending = (long) total.getCell(13).getNumericCellValue();
			assertThat(classified + (long) total.getCell(12).getNumericCellValue() + pending).isEqualTo(members);
			assertThat(wb.getSheet("Tiến độ các bước")).isNotNull();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
