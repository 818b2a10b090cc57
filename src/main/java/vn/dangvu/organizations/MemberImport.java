package vn.dangvu.organizations;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import vn.dangvu.shared.Audited;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.NotFound;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

/**
 * Imports member records from an xlsx file with the Vietnamese headings a committee uses (see {@link #template}).
 * {@link #dryRun} stores the upload and lists every row's problems, writing no member; {@link #commit} imports the
 * stored upload in one transaction — only when it is clean, or with the bad rows explicitly skipped. A failed
 * import writes nothing. Duplicates are found by citizen ID, card number or record number, within the file and
 * against the registry. The file is read with POI's streaming reader, so large files stay within the heap.
 */
@Service
public class MemberImport {

	/** The template's columns: heading, the {@link MemberInput} field, whether required. */
	static final String[][] COLUMNS = {
			{ "Họ và tên", "fullName", "*" }, { "Giới tính", "gender", "*" }, { "Ngày sinh", "birthDate", "*" },
			{ "Số CCCD", "citizenId", "" }, { "Dân tộc", "ethnicity", "" }, { "Tôn giáo", "religion", "" },
			{ "Quê quán", "hometown", "" }, { "Nơi sinh", "birthplace", "" }, { "Nơi thường trú", "residence", "" },
			{ "Ngày vào Đảng", "admittedOn", "*" }, { "Ngày chính thức", "recognizedOn", "" },
			{ "Loại đảng viên", "standing", "*" }, { "Số lý lịch", "recordNo", "" }, { "Số thẻ đảng viên", "cardNo", "" },
			{ "Trình độ phổ thông", "education", "" }, { "Chuyên môn", "professional", "" },
			{ "Lý luận chính trị", "politicalTheory", "" }, { "Nghề nghiệp", "occupation", "" },
			{ "Điện thoại", "phone", "" }, { "Thư điện tử", "email", "" } };

	/** Other headings committees use for the same columns (folded). */
	private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("ho ten", "fullName"),
			Map.entry("ho va ten", "fullName"), Map.entry("gioi tinh", "gender"), Map.entry("ngay sinh", "birthDate"),
			Map.entry("so cccd", "citizenId"), Map.entry("cccd", "citizenId"), Map.entry("so can cuoc", "citizenId"),
			Map.entry("so can cuoc cong dan", "citizenId"), Map.entry("dan toc", "ethnicity"), Map.entry("ton giao", "religion"),
			Map.entry("que quan", "hometown"), Map.entry("noi sinh", "birthplace"), Map.entry("noi thuong tru", "residence"),
			Map.entry("noi o hien nay", "residence"), Map.entry("ngay vao dang", "admittedOn"),
			Map.entry("ngay ket nap", "admittedOn"), Map.entry("ngay chinh thuc", "recognizedOn"),
			Map.entry("loai dang vien", "standing"), Map.entry("so ly lich", "recordNo"), Map.entry("so the dang vien", "cardNo"),
			Map.entry("so the", "cardNo"), Map.entry("trinh do pho thong", "education"),
			Map.entry("giao duc pho thong", "education"), Map.entry("chuyen mon", "professional"),
			Map.entry("trinh do chuyen mon", "professional"), Map.entry("ly luan chinh tri", "politicalTheory"),
			Map.entry("nghe nghiep", "occupation"), Map.entry("dien thoai", "phone"), Map.entry("so dien thoai", "phone"),
			Map.entry("thu dien tu", "email"), Map.entry("email", "email"));

	private static final int MAX_ROWS = 100_000;

	private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[0-9]+");

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final OrganizationRepository orgs;
	private final ApplicationEventPublisher events;
	private final String key;

	// An import holds a request worker (of few, see application.properties) for seconds: at most this many at once.
	private final int concurrent;
	private final java.util.concurrent.Semaphore running;

	MemberImport(JdbcClient jdbc, DataSource dataSource, OrganizationRepository orgs, ApplicationEventPublisher events,
			@Value("${dangvu.crypto.key}") String key, @Value("${dangvu.import.concurrent:2}") int concurrent) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.orgs = orgs;
		this.events = events;
		this.key = key;
		this.concurrent = concurrent;
		this.running = new java.util.concurrent.Semaphore(concurrent);
	}

	/** The permits of running imports (for the tests). */
	java.util.concurrent.Semaphore running() {
		return running;
	}

	/** Runs an import step unless {@code concurrent} are already running; then refuses, writing nothing. */
	private <T> T limited(java.util.function.Supplier<T> step) {
		if (!running.tryAcquire()) {
			throw new InvalidInput("Tệp nhập", "đang có " + concurrent + " lượt nhập Excel khác chạy trên hệ thống; hãy thử lại sau ít phút");
		}
		try {
			return step.get();
		}
		finally {
			running.release();
		}
	}

	/** The empty template with the headings and one example row. */
	public void template(OutputStream out) throws IOException {
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
			Sheet s = wb.createSheet("Danh sách đảng viên");
			Row h = s.createRow(0);
			for (int i = 0; i < COLUMNS.length; i++) {
				h.createCell(i).setCellValue(COLUMNS[i][0] + ("*".equals(COLUMNS[i][2]) ? " (*)" : ""));
			}
			String[] example = { "Nguyễn Văn An", "Nam", "15/03/1975", "001075012345", "Kinh", "Không", "Hà Nội", "Hà Nội",
					"Thôn Đông, xã Tân An", "03/02/2000", "03/02/2001", "Chính thức", "012345HN", "12345678", "12/12",
					"Đại học", "Trung cấp", "Công chức", "0912345678", "" };
			Row r = s.createRow(1);
			for (int i = 0; i < example.length; i++) {
				r.createCell(i).setCellValue(example[i]);
			}
			wb.write(out);
		}
	}

	private OrganizationSummary cell(Scope scope, long orgId) {
		OrganizationSummary org = orgs.findVisible(orgId, scope.paths(Capability.WRITE_MEMBERS))
			.orElseThrow(() -> new NotFound("organization " + orgId));
		if (!org.level().holdsMembers() || !org.active()) {
			throw new InvalidInput("Chi bộ", "“" + org.name() + "” không phải chi bộ đang hoạt động; chỉ nhập đảng viên vào chi bộ");
		}
		return org;
	}

	/** Stores the upload and checks every row; writes no member. */
	@Transactional
	public ImportResult dryRun(Scope scope, long orgId, String fileName, byte[] content) {
		return limited(() -> checkAndStore(scope, orgId, fileName, content));
	}

	private ImportResult checkAndStore(Scope scope, long orgId, String fileName, byte[] content) {
		cell(scope, orgId);
		Parsed parsed = parse(content);
		long batch = jdbc.sql("""
				insert into organizations.import_batch (organization_id, uploaded_by, file_name, content, good_csv, total_rows,
				                                        bad_rows)
				values (:o, :u, :f, :c, :csv, :total, :bad) returning id
				""").param("o", orgId).param("u", scope.username()).param("f", fileName).param("c", new byte[0])
			.param("csv", csv(parsed.good)).param("total", parsed.rows.size()).param("bad", parsed.rows.size() - parsed.good.size())
			.query(Long.class).single();
		return new ImportResult(batch, fileName, parsed.rows.size(), parsed.good.size(), parsed.problems, false, 0);
	}

	/**
	 * Imports a stored upload: all of it when clean; only the good rows when {@code skipBad}; otherwise refuses and
	 * writes nothing.
	 */
	@Transactional
	public ImportResult commit(Scope scope, long orgId, long batchId, boolean skipBad) {
		return limited(() -> insertStored(scope, orgId, batchId, skipBad));
	}

	private ImportResult insertStored(Scope scope, long orgId, long batchId, boolean skipBad) {
		OrganizationSummary org = cell(scope, orgId);
		var batch = jdbc.sql("""
				select file_name, good_csv, total_rows, bad_rows from organizations.import_batch
				where id = :id and organization_id = :o and uploaded_by = :u and committed_at is null and good_csv is not null
				for update
				""").param("id", batchId).param("o", orgId).param("u", scope.username())
			.query((rs, i) -> new Object[] { rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4) }).optional()
			.orElseThrow(() -> new InvalidInput("Tệp nhập", "không còn tệp chờ nhập này (đã nhập hoặc không phải của bạn); hãy tải lên lại"));
		int total = (Integer) batch[2];
		int bad = (Integer) batch[3];
		if (bad > 0 && !skipBad) {
			throw new InvalidInput("Tệp nhập", bad + " dòng có lỗi; sửa tệp rồi tải lên lại, hoặc chọn bỏ qua các dòng lỗi");
		}
		if (total == bad) {
			throw new InvalidInput("Tệp nhập", "không có dòng hợp lệ nào để nhập");
		}
		copyRows((String) batch[1]);
		// Records added since the dry run may now be duplicates (citizen ID, card or record number). The rows go in
		// plainly, and a unique index stops the statement if one is; only then, from a savepoint, do they go in again
		// leaving such rows out (an ON CONFLICT insert probes every unique index once more for every row: a tenth
		// of the statement for what almost never happens). Then refuse (everything rolls back), or skip them with
		// the bad rows.
		int n;
		jdbc.sql("savepoint import_rows").update();
		try {
			n = insertCopied(org, scope.username(), "");
			jdbc.sql("release savepoint import_rows").update();
		}
		catch (DuplicateKeyException e) {
			jdbc.sql("rollback to savepoint import_rows").update();
			n = insertCopied(org, scope.username(), "on conflict do nothing");
		}
		int dups = (total - bad) - n;
		if (dups > 0 && !skipBad) {
			throw new InvalidInput("Tệp nhập", dups + " dòng trùng với hồ sơ vừa được thêm sau khi kiểm tra; hãy kiểm tra lại tệp");
		}
		jdbc.sql("update organizations.import_batch set committed_at = now(), good_csv = null where id = :id")
			.param("id", batchId).update();
		events.publishEvent(new Audited(scope.username(), "MEMBER_IMPORT", "organization", String.valueOf(orgId), org.path(),
				"Nhập " + n + " đảng viên vào " + org.name() + " từ " + batch[0] + (n == total ? "" : ", bỏ qua "
						+ (total - n) + " dòng lỗi hoặc trùng"), null, Map.of("rows", n, "file", batch[0])));
		return new ImportResult(batchId, (String) batch[0], total, n, List.of(), true, n);
	}

	private static String csv(List<MemberInput.Data> rows) {
		StringWriter csv = new StringWriter();
		try (CSVPrinter p = new CSVPrinter(csv, CSVFormat.POSTGRESQL_CSV)) {
			int n = 0;
			for (MemberInput.Data d : rows) {
				p.printRecord(n++, d.fullName(), d.gender(), d.birthDate(), d.birthplace(), d.hometown(), d.residence(),
						d.ethnicity(), d.religion(), d.citizenId(), d.recordNo(), d.cardNo(), d.admittedOn(), d.recognizedOn(),
						d.standing(), d.education(), d.professional(), d.politicalTheory(), d.occupation(), d.phone(), d.email());
			}
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return csv.toString();
	}

	private record Parsed(List<String[]> rows, List<MemberInput.Data> good, List<ImportResult.RowProblem> problems) {
	}

	private Parsed parse(byte[] content) {
		return parse(content, true);
	}

	/**
	 * Reads and checks a file; {@code againstRegistry}: also looks for duplicates of records already in the registry
	 * (one query), which only the warm-up leaves out.
	 */
	private Parsed parse(byte[] content, boolean againstRegistry) {
		List<String> header = new ArrayList<>();
		List<String[]> rows = new ArrayList<>();
		List<Integer> rowNumbers = new ArrayList<>();
		readFirstSheet(content, header, rows, rowNumbers);
		if (header.isEmpty()) {
			throw new InvalidInput("Tệp nhập", "trang tính đầu tiên trống; hãy dùng tệp mẫu");
		}
		// Which input field each column holds.
		String[] fieldOf = new String[header.size()];
		Set<String> found = new HashSet<>();
		for (int i = 0; i < header.size(); i++) {
			String h = VnText.fold(header.get(i).replace("(*)", "").replace("*", ""));
			String f = ALIASES.get(h);
			if (f != null && found.add(f)) {
				fieldOf[i] = f;
			}
		}
		List<InvalidInput.Problem> missing = new ArrayList<>();
		for (String[] c : COLUMNS) {
			if ("*".equals(c[2]) && !found.contains(c[1])) {
				missing.add(new InvalidInput.Problem("Cột “" + c[0] + "”", "không có trong dòng tiêu đề của tệp"));
			}
		}
		if (!missing.isEmpty()) {
			throw new InvalidInput(missing);
		}
		if (rows.size() > MAX_ROWS) {
			throw new InvalidInput("Tệp nhập", "có " + rows.size() + " dòng; mỗi lần nhập tối đa " + MAX_ROWS + " dòng");
		}
		List<MemberInput.Data> good = new ArrayList<>();
		List<ImportResult.RowProblem> problems = new ArrayList<>();
		List<Integer> goodRows = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (int r = 0; r < rows.size(); r++) {
			Map<String, String> v = new HashMap<>();
			String[] row = rows.get(r);
			for (int i = 0; i < fieldOf.length && i < row.length; i++) {
				if (fieldOf[i] != null) {
					v.put(fieldOf[i], restoreLeadingZeros(fieldOf[i], row[i]));
				}
			}
			MemberInput in = new MemberInput(v.get("fullName"), null, null, v.get("gender"), v.get("birthDate"),
					v.get("birthplace"), v.get("hometown"), v.get("residence"), v.get("ethnicity"), v.get("religion"),
					v.get("citizenId"), v.get("recordNo"), v.get("cardNo"), null, v.get("admittedOn"), null,
					v.get("recognizedOn"), v.get("standing"), v.get("education"), v.get("professional"),
					v.get("politicalTheory"), null, v.get("occupation"), null, v.get("phone"), v.get("email"));
			List<InvalidInput.Problem> p = new ArrayList<>();
			MemberInput.Data d = in.check(p);
			int excelRow = rowNumbers.get(r);
			String name = v.getOrDefault("fullName", "");
			if (d != null) {
				dupInFile(seen, "Số CCCD", d.citizenId(), excelRow, p);
				dupInFile(seen, "Số thẻ đảng viên", d.cardNo(), excelRow, p);
				dupInFile(seen, "Số lý lịch", d.recordNo(), excelRow, p);
			}
			if (p.isEmpty() && d != null) {
				good.add(d);
				goodRows.add(excelRow);
			}
			else {
				p.forEach(x -> problems.add(new ImportResult.RowProblem(excelRow, name == null ? "" : name, x)));
			}
		}
		// Against the registry: one query for the whole file.
		if (againstRegistry && !good.isEmpty()) {
			Map<Integer, List<String>> dups = registryDuplicates(good);
			List<MemberInput.Data> kept = new ArrayList<>();
			for (int i = 0; i < good.size(); i++) {
				List<String> fields = dups.get(i);
				if (fields == null) {
					kept.add(good.get(i));
				}
				else {
					for (String f : fields) {
						problems.add(new ImportResult.RowProblem(goodRows.get(i), good.get(i).fullName(),
								new InvalidInput.Problem(f, "trùng với một hồ sơ đảng viên đã có trong hệ thống")));
					}
				}
			}
			good = kept;
		}
		problems.sort((a, b) -> Integer.compare(a.row(), b.row()));
		return new Parsed(rows, good, problems);
	}

	/**
	 * Reads and checks a generated sheet of {@code rows} valid members, as a dry run does but without the database,
	 * and writes their CSV: run once after a start (see {@code ImportWarmUp}) so that the JIT has compiled this work
	 * before the first real import — cold, a 50,000-row dry run took 5.4–5.6 s here against 3.0–3.5 s warm. Returns
	 * how many rows passed the checks (all of them).
	 */
	int warmUp(int rows) {
		byte[] file;
		String[] family = VietnameseNames.FAMILY;
		String[] given = VietnameseNames.GIVEN_M;
		try (var wb = new SXSSFWorkbook(null, 500, false, true); var out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("Danh sách");
			Row h = sheet.createRow(0);
			for (int i = 0; i < COLUMNS.length; i++) {
				h.createCell(i).setCellValue(COLUMNS[i][0]);
			}
			for (int r = 1; r <= rows; r++) {
				Row row = sheet.createRow(r);
				boolean male = r % 3 != 0;
				String[] v = { family[r % family.length] + (male ? " Văn " : " Thị ") + given[(r / 7) % given.length],
						male ? "Nam" : "Nữ", day(r, 1950 + r % 30), String.format("001%09d", r), "Kinh", "Không",
						"Hà Nội", "Hà Nội", "Thôn " + r % 20, day(r, 2000 + r % 20), "", "Chính thức",
						String.format("%06dHN", r % 1_000_000), String.valueOf(60_000_000 + r), "12/12", "Đại học", "Sơ cấp",
						"Công chức", "0913" + (100_000 + r % 900_000), "" };
				for (int i = 0; i < v.length; i++) {
					row.createCell(i).setCellValue(v[i]);
				}
			}
			wb.write(out);
			file = out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		Parsed parsed = parse(file, false);
		csv(parsed.good);
		return parsed.good.size();
	}

	private static String day(int r, int year) {
		int d = 1 + r % 28, m = 1 + r % 12;
		return (d < 10 ? "0" : "") + d + "/" + (m < 10 ? "0" : "") + m + "/" + year;
	}

	/**
	 * Excel keeps a citizen ID or card number typed as a number without its leading zeros (001075012345 becomes
	 * 1075012345); put them back to the fixed length.
	 */
	static @Nullable String restoreLeadingZeros(String field, @Nullable String value) {
		int length = "citizenId".equals(field) ? 12 : "cardNo".equals(field) ? 8 : 0;
		if (length == 0 || value == null || !DIGITS.matcher(value).matches()) {
			return value;
		}
		return value.length() >= length - 3 && value.length() < length ? "0".repeat(length - value.length()) + value : value;
	}

	private static void dupInFile(Map<String, Integer> seen, String field, @Nullable String value, int row,
			List<InvalidInput.Problem> p) {
		if (value == null) {
			return;
		}
		Integer first = seen.putIfAbsent(field + ":" + value, row);
		if (first != null) {
			p.add(new InvalidInput.Problem(field, "“" + value + "” trùng với dòng " + first + " trong tệp"));
		}
	}

	private Map<Integer, List<String>> registryDuplicates(List<MemberInput.Data> rows) {
		StringBuilder cids = new StringBuilder("{");
		StringBuilder cards = new StringBuilder("{");
		StringBuilder recs = new StringBuilder("{");
		for (MemberInput.Data d : rows) {
			cids.append(d.citizenId() == null ? "NULL" : d.citizenId()).append(',');
			cards.append(d.cardNo() == null ? "NULL" : d.cardNo()).append(',');
			recs.append(d.recordNo() == null ? "NULL" : "\"" + d.recordNo() + "\"").append(',');
		}
		cids.setCharAt(cids.length() - 1, '}');
		cards.setCharAt(cards.length() - 1, '}');
		recs.setCharAt(recs.length() - 1, '}');
		Map<Integer, List<String>> out = new HashMap<>();
		jdbc.sql("""
				select t.i - 1,
				       exists (select 1 from organizations.member m where t.cid is not null and m.citizen_id_hash = hmac(t.cid, :key, 'sha256')),
				       exists (select 1 from organizations.member m where t.card is not null and m.card_no = t.card),
				       exists (select 1 from organizations.member m where t.rec is not null and m.record_no = t.rec)
				from unnest(cast(:cids as text[]), cast(:cards as text[]), cast(:recs as text[])) with ordinality as t(cid, card, rec, i)
				""").param("key", key).param("cids", cids.toString()).param("cards", cards.toString())
			.param("recs", recs.toString()).query(rs -> {
				List<String> f = new ArrayList<>();
				if (rs.getBoolean(2)) {
					f.add("Số CCCD");
				}
				if (rs.getBoolean(3)) {
					f.add("Số thẻ đảng viên");
				}
				if (rs.getBoolean(4)) {
					f.add("Số lý lịch");
				}
				if (!f.isEmpty()) {
					out.put(rs.getInt(1), f);
				}
			});
		return out;
	}

	/** COPY the validated rows into a temporary table dropped at commit. */
	private void copyRows(String csv) {
		jdbc.sql("""
				create temporary table import_rows (
				    n int, full_name text, gender text, birth_date date, birthplace text, hometown text, residence text,
				    ethnicity text, religion text, cid text, record_no text, card_no text, admitted_on date,
				    recognized_on date, standing text, education text, professional text, political_theory text,
				    occupation text, phone text, email text) on commit drop
				""").update();
		Connection c = DataSourceUtils.getConnection(dataSource);
		try {
			c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy import_rows from stdin (format csv)", new StringReader(csv));
		}
		catch (SQLException | IOException e) {
			throw new IllegalStateException("COPY failed", e);
		}
		finally {
			DataSourceUtils.releaseConnection(c, dataSource);
		}
	}

	/** The province of a cell: the second label of its path (what organizations.province_of gives). */
	static @Nullable Long province(OrganizationSummary org) {
		String[] labels = org.path().split("\\.");
		return labels.length >= 2 ? Long.valueOf(labels[1]) : null;
	}

	/**
	 * One INSERT … SELECT from the copied rows that also opens memberships and writes the timeline; {@code conflict}
	 * is empty or ON CONFLICT DO NOTHING.
	 */
	private int insertCopied(OrganizationSummary org, String actor, String conflict) {
		return jdbc.sql("""
				with ins as (
				    insert into organizations.member (organization_id, province_id, full_name, gender, birth_date, birthplace,
				        hometown, residence, ethnicity, religion, citizen_id_enc, citizen_id_hash, citizen_id_last4, record_no,
				        card_no, admitted_on, recognized_on, party_age_basis, standing, status, status_since, education,
				        professional, political_theory, occupation, phone, email)
				    select :org, :province, full_name, gender, birth_date, birthplace, hometown, residence, ethnicity, religion,
				        case when cid is null then null else pgp_sym_encrypt(cid, :key, 's2k-mode=1, cipher-algo=aes256') end,
				        case when cid is null then null else hmac(cid, :key, 'sha256') end, right(cid, 4),
				        record_no, card_no, admitted_on, recognized_on, admitted_on, standing, 'ACTIVE',
				        coalesce(recognized_on, admitted_on), education, professional, political_theory, occupation, phone, email
				    from import_rows order by n
				    %s
				    returning id, admitted_on),
				ms as (
				    insert into organizations.membership (member_id, organization_id, kind, valid)
				    select id, :org, 'OFFICIAL', daterange(greatest(admitted_on, cast(:est as date)), null) from ins),
				ev as (
				    insert into organizations.member_event (member_id, kind, effective_on, organization_id, recorded_by)
				    select id, 'IMPORT', cast(:today as date), :org, :actor from ins)
				select count(*) from ins
				""".formatted(conflict)).param("org", org.id()).param("province", province(org)).param("key", key).param("est", org.establishedOn())
			.param("today", VnText.today()).param("actor", actor).query(Integer.class).single();
	}

	/**
	 * POI's read-only shared strings table, answering each cell with a plain string. The table itself builds an
	 * XmlBeans rich text object for every cell it is asked for, which was most of the time spent reading a large
	 * file; here the strings are kept as the table's parser reads them (the text of each {@code si}, phonetic runs
	 * left out, as the table does by default) and handed out as they are.
	 */
	static final class PlainSharedStrings extends ReadOnlySharedStringsTable {

		// Filled while the superclass's constructor parses the part, before this class's initializers would run:
		// hence no initializers.
		private List<String> plain;
		private StringBuilder text;
		private boolean inText;
		private boolean inPhonetic;

		PlainSharedStrings(OPCPackage pkg) throws IOException, SAXException {
			super(pkg, false);
			if (plain == null) {
				plain = new ArrayList<>();
			}
		}

		@Override
		public void startElement(String uri, String localName, String name, org.xml.sax.Attributes attributes)
				throws SAXException {
			super.startElement(uri, localName, name, attributes);
			if (plain == null) {
				plain = new ArrayList<>();
				text = new StringBuilder();
			}
			switch (localName) {
				case "si" -> text.setLength(0);
				case "t" -> inText = true;
				case "rPh" -> inPhonetic = true;
				default -> {
				}
			}
		}

		@Override
		public void endElement(String uri, String localName, String name) throws SAXException {
			super.endElement(uri, localName, name);
			switch (localName) {
				case "si" -> plain.add(text.toString());
				case "t" -> inText = false;
				case "rPh" -> inPhonetic = false;
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) throws SAXException {
			super.characters(ch, start, length);
			if (inText && !inPhonetic) {
				text.append(ch, start, length);
			}
		}

		@Override
		public org.apache.poi.ss.usermodel.RichTextString getItemAt(int idx) {
			return new PlainText(plain.get(idx));
		}
	}

	/** A cell's text without formatting runs; what {@link PlainSharedStrings} hands out. */
	record PlainText(String getString) implements org.apache.poi.ss.usermodel.RichTextString {

		@Override
		public String toString() {
			return getString;
		}

		@Override
		public int length() {
			return getString.length();
		}

		@Override
		public int numFormattingRuns() {
			return 0;
		}

		@Override
		public int getIndexOfFormattingRun(int index) {
			return 0;
		}

		@Override
		public void applyFont(int startIndex, int endIndex, short fontIndex) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void applyFont(int startIndex, int endIndex, org.apache.poi.ss.usermodel.Font font) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void applyFont(org.apache.poi.ss.usermodel.Font font) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void applyFont(short fontIndex) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void clearFormatting() {
		}
	}

	/** Reads the first sheet with POI's streaming (SAX) reader; dates come out as dd/MM/yyyy whatever their format. */
	static void readFirstSheet(byte[] content, List<String> header, List<String[]> rows, List<Integer> rowNumbers) {
		try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new PlainSharedStrings(pkg);
			DataFormatter formatter = new DataFormatter(java.util.Locale.forLanguageTag("vi-VN")) {
				@Override
				public String formatRawCellContents(double value, int formatIndex, String formatString) {
					if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
						return VnText.date(DateUtil.getLocalDateTime(value).toLocalDate());
					}
					// Long numbers (citizen IDs, card numbers) typed as numbers: no grouping, no exponent.
					if (value == Math.rint(value) && Math.abs(value) < 1e15) {
						return Long.toString((long) value);
					}
					return super.formatRawCellContents(value, formatIndex, formatString);
				}
			};
			var it = reader.getSheetsData();
			if (!it.hasNext()) {
				return;
			}
			try (InputStream sheet = it.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
						new XSSFSheetXMLHandler.SheetContentsHandler() {
							private final List<String> current = new ArrayList<>();
							private int rowNum;

							@Override
							public void startRow(int r) {
								current.clear();
								rowNum = r;
							}

							@Override
							public void endRow(int r) {
								boolean empty = current.stream().allMatch(s -> s == null || s.isBlank());
								if (empty) {
									return;
								}
								if (header.isEmpty()) {
									current.forEach(s -> header.add(s == null ? "" : s));
								}
								else {
									rows.add(current.toArray(String[]::new));
									rowNumbers.add(rowNum + 1);
								}
							}

							@Override
							public void cell(String ref, String value, XSSFComment comment) {
								int letters = 0;
								while (letters < ref.length() && Character.isLetter(ref.charAt(letters))) {
									letters++;
								}
								int col = CellReference.convertColStringToIndex(ref.substring(0, letters));
								while (current.size() < col) {
									current.add(null);
								}
								current.add(value);
							}
						}, formatter, false));
				parser.parse(new InputSource(sheet));
			}
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
			if (e instanceof InvalidInput ii) {
				throw ii;
			}
			throw new InvalidInput("Tệp nhập", "không đọc được tệp Excel (.xlsx): " + e.getClass().getSimpleName());
		}
	}
}
