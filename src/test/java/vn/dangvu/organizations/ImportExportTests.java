package vn.dangvu.organizations;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.Role;
import vn.dangvu.shared.Scope;
import vn.dangvu.support.Fixtures;
import vn.dangvu.support.Http;
import vn.dangvu.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Excel import (dry run, commit, skip, duplicates, nothing half-written) and exports read back with POI. */
@IntegrationTest
class ImportExportTests {

	@Autowired
	MemberImport imports;

	@Autowired
	MemberManagement members;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoRegistry demo;

	@LocalServerPort
	int port;

	Scope secretary;
	DemoRegistry.DemoIds ids;
	static final String[] HEAD = { "Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Dân tộc", "Ngày vào Đảng",
			"Loại đảng viên", "Số thẻ đảng viên", "Số lý lịch", "Điện thoại" };

	@BeforeEach
	void setUp() {
		ids = demo.ids().orElseThrow();
		secretary = Fixtures.scope(jdbc, vn.dangvu.shared.Role.CELL_SECRETARY, ids.cellId());
	}

	/** Excel writes its strings into a shared table, streaming writers inline: both read the same, rich text too. */
	@Test
	void sharedAndInlineStringsReadAlike() throws IOException {
		List<String[]> read = new ArrayList<>();
		for (Workbook wb : List.of(new XSSFWorkbook(), new org.apache.poi.xssf.streaming.SXSSFWorkbook())) {
			try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
				Sheet s = wb.createSheet("Danh sách");
				Row h = s.createRow(0);
				h.createCell(0).setCellValue("Họ và tên");
				h.createCell(2).setCellValue("Nơi thường trú");
				Row r = s.createRow(1);
				r.createCell(0).setCellValue("Nguyễn Thị  Hồng");
				r.createCell(1).setCellValue(1075012345d);
				var rich = wb.getCreationHelper().createRichTextString("Thôn Đông, xã Tân An");
				var bold = wb.createFont();
				bold.setBold(true);
				rich.applyFont(0, 9, bold);
				r.createCell(2).setCellValue(rich);
				wb.write(out);
				List<String> header = new ArrayList<>();
				List<String[]> rows = new ArrayList<>();
				MemberImport.readFirstSheet(out.toByteArray(), header, rows, new ArrayList<>());
				assertThat(header).containsExactly("Họ và tên", "", "Nơi thường trú");
				read.add(rows.get(0));
			}
		}
		assertThat(read.get(0)).containsExactly("Nguyễn Thị  Hồng", "1075012345", "Thôn Đông, xã Tân An");
		assertThat(read.get(1)).containsExactly(read.get(0));
	}

	static byte[] xlsx(List<Object[]> rows) throws IOException {
		try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet s = wb.createSheet("Danh sách");
			Row h = s.createRow(0);
			for (int i = 0; i < HEAD.length; i++) {
				h.createCell(i).setCellValue(HEAD[i]);
			}
			var dateStyle = wb.createCellStyle();
			dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("m/d/yy"));
			for (int r = 0; r < rows.size(); r++) {
				Row row = s.createRow(r + 1);
				Object[] v = rows.get(r);
				for (int i = 0; i < v.length; i++) {
					if (v[i] instanceof java.time.LocalDate d) {
						var c = row.createCell(i);
						c.setCellValue(d);
						c.setCellStyle(dateStyle);
					}
					else if (v[i] instanceof Number n) {
						row.createCell(i).setCellValue(n.doubleValue());
					}
					else if (v[i] != null) {
						row.createCell(i).setCellValue(v[i].toString());
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
	}

	long members() {
		return jdbc.sql("select count(*) from organizations.member").query(Long.class).single();
	}

	@Test
	void dryRunListsEveryProblemAndWritesNothing() throws IOException {
		String existingCard = jdbc.sql("select card_no from organizations.member where card_no is not null limit 1").query(String.class).single();
		byte[] file = xlsx(List.of(
				new Object[] { "Vũ Thị Nhập", "Nữ", java.time.LocalDate.of(1980, 4, 3), 1234567890L, "Kinh", "05/06/2005", "Chính thức", "77700001", "700001SH", "0912000001" },
				new Object[] { "Vũ Văn Sai", "Không rõ", "31/02/1980", "12ab", "Kinh", "05/06/2005", "Chính thức", "777", null, null },
				new Object[] { "Vũ Văn Trùng", "Nam", "01/01/1980", null, "Tày", "05/06/2005", "Chính thức", existingCard, null, null },
				new Object[] { "Vũ Văn Lặp", "Nam", "01/01/1981", null, "Kinh", "05/06/2006", "Chính thức", "77700001", null, null }));
		long before = members();
		ImportResult r = imports.dryRun(secretary, ids.cellId(), "thu.xlsx", file);
		assertThat(r.rows()).isEqualTo(4);
		assertThat(r.good()).isEqualTo(1);
		assertThat(r.problems()).extracting(ImportResult.RowProblem::row).contains(3, 4, 5);
		assertThat(r.problems()).extracting(p -> p.problem().field()).contains("Giới tính", "Ngày sinh", "Số CCCD", "Số thẻ đảng viên");
		assertThat(r.problems()).anySatisfy(p -> assertThat(p.problem().message()).contains("trùng với dòng 2"));
		assertThat(r.problems()).anySatisfy(p -> assertThat(p.problem().message()).contains("đã có trong hệ thống"));
		assertThat(members()).isEqualTo(before);
		// Not clean and not skipping: refused, nothing written.
		assertThatThrownBy(() -> imports.commit(secretary, ids.cellId(), r.batchId(), false)).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("dòng có lỗi");
		assertThat(members()).isEqualTo(before);
		ImportResult done = imports.commit(secretary, ids.cellId(), r.batchId(), true);
		assertThat(done.imported()).isEqualTo(1);
		assertThat(members()).isEqualTo(before + 1);
		// The citizen ID typed as a number keeps its leading zeros; the date cell reads as the same day.
		assertThat(jdbc.sql("select citizen_id_last4 || '/' || birth_date from organizations.member where card_no = '77700001'")
			.query(String.class).single()).isEqualTo("7890/1980-04-03");
		// The province the import gives is the cell's, so the member is found by a search of the province.
		assertThat(jdbc.sql("""
				select province_id = organizations.province_of(organization_id) and name_keys is not null
				from organizations.member where card_no = '77700001'
				""").query(Boolean.class).single()).isTrue();
		// Found at once by a search without diacritics, in the cell and in the province.
		MemberFilter nhap = MemberFilter.of("vu thi nhap", null, null, null, null, 1, 50);
		assertThat(members.list(secretary, ids.cellId(), nhap).rows()).extracting(MemberRow::fullName).contains("Vũ Thị Nhập");
		assertThat(members.list(Fixtures.scope(jdbc, Role.COMMITTEE_STAFF, ids.provinceId()), ids.provinceId(), nhap).rows())
			.extracting(MemberRow::fullName).contains("Vũ Thị Nhập");
		assertThat(Fixtures.countersMismatches(jdbc)).isZero();
		// A committed upload cannot be committed twice.
		assertThatThrownBy(() -> imports.commit(secretary, ids.cellId(), r.batchId(), true)).isInstanceOf(InvalidInput.class);
	}

	@Test
	void aDuplicateAddedAfterTheDryRunIsCaughtAtCommit() throws IOException {
		byte[] file = xlsx(List.<Object[]>of(
				new Object[] { "Lò Văn Sau", "Nam", "01/01/1980", null, "Thái", "05/06/2005", "Chính thức", "77700555", null, null },
				new Object[] { "Lò Thị Trước", "Nữ", "01/01/1982", null, "Thái", "05/06/2006", "Chính thức", "77700556", null, null }));
		ImportResult r = imports.dryRun(secretary, ids.cellId(), "sau.xlsx", file);
		assertThat(r.clean()).isTrue();
		// Meanwhile someone records a member with the first row's card number.
		jdbc.sql("update organizations.member set card_no = '77700555' where id = :id")
			.param("id", Fixtures.memberIds(jdbc, ids.otherCellId()).get(0)).update();
		long before = members();
		assertThatThrownBy(() -> imports.commit(secretary, ids.cellId(), r.batchId(), false)).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("trùng");
		assertThat(members()).isEqualTo(before);
		ImportResult done = imports.commit(secretary, ids.cellId(), r.batchId(), true);
		assertThat(done.imported()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from organizations.member where full_name = 'Lò Thị Trước'").query(Long.class).single()).isOne();
	}

	@Test
	void aThirdImportAtOnceIsRefusedAndWritesNothing() throws IOException {
		byte[] file = xlsx(List.<Object[]>of(
				new Object[] { "Lò Văn Chờ", "Nam", "01/01/1980", null, "Thái", "05/06/2005", "Chính thức", "77700888", null, null }));
		long batches = jdbc.sql("select count(*) from organizations.import_batch").query(Long.class).single();
		// two imports running (their permits held as they would be)
		assertThat(imports.running().tryAcquire(2)).isTrue();
		try {
			assertThatThrownBy(() -> imports.dryRun(secretary, ids.cellId(), "cho.xlsx", file)).isInstanceOf(InvalidInput.class)
				.hasMessageContaining("2 lượt nhập Excel khác");
			assertThat(jdbc.sql("select count(*) from organizations.import_batch").query(Long.class).single()).isEqualTo(batches);
		}
		finally {
			imports.running().release(2);
		}
		ImportResult r = imports.dryRun(secretary, ids.cellId(), "cho.xlsx", file);
		assertThat(r.problems()).isEmpty();
		assertThat(imports.running().tryAcquire(2)).isTrue();
		try {
			long before = members();
			assertThatThrownBy(() -> imports.commit(secretary, ids.cellId(), r.batchId(), false)).isInstanceOf(InvalidInput.class)
				.hasMessageContaining("thử lại sau");
			assertThat(members()).isEqualTo(before);
		}
		finally {
			imports.running().release(2);
		}
		assertThat(imports.commit(secretary, ids.cellId(), r.batchId(), false).imported()).isEqualTo(1);
		// every step, refused or not, gives its permit back
		assertThat(imports.running().availablePermits()).isEqualTo(2);
	}

	@Test
	void missingRequiredColumnsOrABrokenFileAreNamed() throws IOException {
		byte[] noName;
		try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			wb.createSheet().createRow(0).createCell(0).setCellValue("Giới tính");
			wb.write(out);
			noName = out.toByteArray();
		}
		InvalidInput e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInput.class,
				() -> imports.dryRun(secretary, ids.cellId(), "x.xlsx", noName));
		assertThat(e.problems()).extracting(InvalidInput.Problem::field).contains("Cột “Họ và tên”", "Cột “Ngày vào Đảng”");
		assertThatThrownBy(() -> imports.dryRun(secretary, ids.cellId(), "x.xlsx", "not excel".getBytes()))
			.hasMessageContaining("không đọc được tệp Excel");
	}

	@Test
	void importIntoAnotherCellIsRefused() throws IOException {
		byte[] file = xlsx(List.<Object[]>of(new Object[] { "Vũ Thị Lạc", "Nữ", "01/01/1980", null, "Kinh", "05/06/2005", "Chính thức" }));
		assertThatThrownBy(() -> imports.dryRun(secretary, ids.otherCellId(), "x.xlsx", file)).isInstanceOf(vn.dangvu.shared.NotFound.class);
	}

	@Test
	void importThroughThePagesWithTheTemplate() throws IOException {
		Http bithu = Http.as(port, "bithu");
		HttpResponse<byte[]> template = bithu.getBytes("/import-template.xlsx");
		assertThat(template.statusCode()).isEqualTo(200);
		byte[] filled;
		try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(template.body())); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Row example = wb.getSheetAt(0).getRow(1);
			example.getCell(0).setCellValue("Đinh Thị Mẫu");
			example.getCell(3).setCellValue("031980000777");
			example.getCell(12).setCellValue("700777SH");
			example.getCell(13).setCellValue("77700777");
			wb.write(out);
			filled = out.toByteArray();
		}
		HttpResponse<String> dry = bithu.postMultipart("/orgs/" + ids.cellId() + "/import", "file", "mau.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filled);
		assertThat(dry.statusCode()).isEqualTo(200);
		assertThat(dry.body()).contains("1</strong> hợp lệ");
		String batch = dry.body().replaceAll("(?s).*action=\"/orgs/\\d+/import/(\\d+)/commit\".*", "$1");
		HttpResponse<String> commit = bithu.post("/orgs/" + ids.cellId() + "/import/" + batch + "/commit", java.util.Map.of());
		assertThat(commit.body()).contains("Đã nhập");
		assertThat(jdbc.sql("select count(*) from organizations.member where full_name = 'Đinh Thị Mẫu'").query(Long.class).single()).isOne();
	}

	@Test
	void exportsReadBackAndAreAudited() throws IOException {
		Http bithu = Http.as(port, "bithu");
		long auditBefore = jdbc.sql("select count(*) from audit.entry where action = 'MEMBER_EXPORT'").query(Long.class).single();
		HttpResponse<byte[]> x = bithu.getBytes("/orgs/" + ids.cellId() + "/members.xlsx?status=OFFICIAL");
		assertThat(x.statusCode()).isEqualTo(200);
		List<String> names = new ArrayList<>();
		try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.body()))) {
			Sheet s = wb.getSheetAt(0);
			assertThat(s.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Họ và tên");
			for (int i = 1; i <= s.getLastRowNum(); i++) {
				names.add(s.getRow(i).getCell(1).getStringCellValue());
				assertThat(s.getRow(i).getCell(5).getStringCellValue()).isEqualTo("Chính thức");
			}
		}
		long expected = jdbc.sql("select count(*) from organizations.member where organization_id = :o and standing = 'OFFICIAL' and status = 'ACTIVE'")
			.param("o", ids.cellId()).query(Long.class).single();
		assertThat(names).hasSize((int) expected);
		String csv = new String(bithu.getBytes("/orgs/" + ids.cellId() + "/members.csv?status=OFFICIAL").body(), java.nio.charset.StandardCharsets.UTF_8);
		var records = org.apache.commons.csv.CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new java.io.StringReader(csv.substring(1))).getRecords();
		assertThat(records).extracting(r -> r.get("Họ và tên")).containsExactlyElementsOf(names);
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'MEMBER_EXPORT'").query(Long.class).single())
			.isEqualTo(auditBefore + 2);
	}

	/** The warm-up after a start reads and checks its generated sheet like a real file: every row passes. */
	@Test
	void theWarmUpSheetIsReadAndEveryRowPassesTheChecks() {
		assertThat(imports.warmUp(300)).isEqualTo(300);
	}
}
