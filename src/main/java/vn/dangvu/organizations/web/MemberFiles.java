package vn.dangvu.organizations.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import vn.dangvu.organizations.MemberFilter;
import vn.dangvu.organizations.MemberImport;
import vn.dangvu.organizations.MemberManagement;
import vn.dangvu.organizations.MemberRow;
import vn.dangvu.organizations.OrganizationManagement;
import vn.dangvu.organizations.OrganizationSummary;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.NotFound;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

/** Export of the list in view (xlsx, csv) and import from xlsx with a dry run. */
@Controller
class MemberFiles {

	static final String[] EXPORT_HEADINGS = { "STT", "Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Trạng thái",
			"Ngày vào Đảng", "Tuổi đảng", "Số thẻ đảng viên", "Điện thoại", "Chi bộ" };

	private final MemberManagement members;
	private final MemberImport imports;
	private final OrganizationManagement orgs;

	MemberFiles(MemberManagement members, MemberImport imports, OrganizationManagement orgs) {
		this.members = members;
		this.imports = imports;
		this.orgs = orgs;
	}

	static Object[] cells(int n, MemberRow m) {
		return new Object[] { n, m.fullName(), "M".equals(m.gender()) ? "Nam" : "Nữ", VnText.date(m.birthDate()), m.ethnicity(),
				m.status().vi(), VnText.date(m.admittedOn()), m.partyAge(), m.cardNo() == null ? "" : m.cardNo(),
				m.phone() == null ? "" : m.phone(), m.organizationName() };
	}

	@GetMapping("/orgs/{id}/members.xlsx")
	void xlsx(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable Integer minPartyAge,
			@RequestParam(required = false) @Nullable String gender, @RequestParam(required = false) @Nullable String ethnicity,
			HttpServletResponse res) throws IOException {
		OrganizationSummary org = orgs.get(scope, id);
		MemberFilter f = MemberFilter.of(q, status, minPartyAge, gender, ethnicity, 1, 200);
		try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
			Sheet s = wb.createSheet("Danh sách đảng viên");
			Row h = s.createRow(0);
			for (int i = 0; i < EXPORT_HEADINGS.length; i++) {
				h.createCell(i).setCellValue(EXPORT_HEADINGS[i]);
			}
			int[] n = { 0 };
			members.export(scope, id, f, "xlsx", m -> {
				Row r = s.createRow(++n[0]);
				Object[] c = cells(n[0], m);
				r.createCell(0).setCellValue(n[0]);
				for (int i = 1; i < c.length; i++) {
					r.createCell(i).setCellValue(String.valueOf(c[i]));
				}
			});
			res.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
			res.setHeader("Content-Disposition", "attachment; filename=\"dang-vien-" + id + ".xlsx\"");
			wb.write(res.getOutputStream());
			wb.dispose();
		}
	}

	@GetMapping("/orgs/{id}/members.csv")
	void csv(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable Integer minPartyAge,
			@RequestParam(required = false) @Nullable String gender, @RequestParam(required = false) @Nullable String ethnicity,
			HttpServletResponse res) throws IOException {
		orgs.get(scope, id);
		MemberFilter f = MemberFilter.of(q, status, minPartyAge, gender, ethnicity, 1, 200);
		java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
		// UTF-8 with a byte-order mark, so that Excel opens Vietnamese text correctly.
		buf.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		try (CSVPrinter p = new CSVPrinter(new OutputStreamWriter(buf, StandardCharsets.UTF_8),
				CSVFormat.EXCEL.builder().setHeader(EXPORT_HEADINGS).get())) {
			int[] n = { 0 };
			members.export(scope, id, f, "csv", m -> {
				try {
					p.printRecord(cells(++n[0], m));
				}
				catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			});
		}
		res.setContentType("text/csv; charset=UTF-8");
		res.setHeader("Content-Disposition", "attachment; filename=\"dang-vien-" + id + ".csv\"");
		res.getOutputStream().write(buf.toByteArray());
	}

	@GetMapping("/import-template.xlsx")
	void template(HttpServletResponse res) throws IOException {
		res.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		res.setHeader("Content-Disposition", "attachment; filename=\"mau-nhap-dang-vien.xlsx\"");
		imports.template(res.getOutputStream());
	}

	private OrganizationSummary writable(Scope scope, long id) {
		OrganizationSummary org = orgs.get(scope, id);
		if (!scope.covers(Capability.WRITE_MEMBERS, org.path())) {
			throw new NotFound("organization " + id);
		}
		return org;
	}

	@GetMapping("/orgs/{id}/import")
	ModelAndView importForm(Scope scope, @PathVariable long id) {
		return new ModelAndView("organizations/import").addObject("org", writable(scope, id)).addObject("result", null)
			.addObject("problems", List.of());
	}

	@PostMapping("/orgs/{id}/import")
	ModelAndView upload(Scope scope, @PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
		OrganizationSummary org = writable(scope, id);
		try {
			var result = imports.dryRun(scope, id, file.getOriginalFilename() == null ? "tep.xlsx" : file.getOriginalFilename(),
					file.getBytes());
			return new ModelAndView("organizations/import").addObject("org", org).addObject("result", result)
				.addObject("problems", List.of());
		}
		catch (InvalidInput e) {
			ModelAndView mav = new ModelAndView("organizations/import").addObject("org", org).addObject("result", null)
				.addObject("problems", e.problems());
			mav.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
			return mav;
		}
	}

	@PostMapping("/orgs/{id}/import/{batch}/commit")
	ModelAndView commit(Scope scope, @PathVariable long id, @PathVariable long batch,
			@RequestParam(defaultValue = "false") boolean skipBad) {
		OrganizationSummary org = writable(scope, id);
		try {
			var result = imports.commit(scope, id, batch, skipBad);
			return new ModelAndView("organizations/import").addObject("org", org).addObject("result", result)
				.addObject("problems", List.of());
		}
		catch (InvalidInput e) {
			ModelAndView mav = new ModelAndView("organizations/import").addObject("org", org).addObject("result", null)
				.addObject("problems", e.problems());
			mav.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
			return mav;
		}
	}
}
