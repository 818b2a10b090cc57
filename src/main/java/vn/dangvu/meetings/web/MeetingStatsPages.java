package vn.dangvu.meetings.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import vn.dangvu.meetings.MeetingManagement;
import vn.dangvu.meetings.MeetingStats;
import vn.dangvu.organizations.OrganizationManagement;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

/** Meeting statistics of a subtree (page and xlsx), and the committee's assignments of members to follow cells. */
@Controller
class MeetingStatsPages {

	private final MeetingManagement meetings;
	private final OrganizationManagement orgs;
	private final vn.dangvu.meetings.StudyManagement studies;

	MeetingStatsPages(MeetingManagement meetings, OrganizationManagement orgs, vn.dangvu.meetings.StudyManagement studies) {
		this.meetings = meetings;
		this.orgs = orgs;
		this.studies = studies;
	}

	@GetMapping("/orgs/{id}/meetings/stats")
	ModelAndView stats(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable Integer year) {
		int y = year == null ? VnText.today().getYear() : year;
		return new ModelAndView("meetings/stats").addObject("s", meetings.stats(scope, id, y))
			.addObject("studies", studies.recent(scope, id, 10));
	}

	@GetMapping("/orgs/{id}/meetings/stats.xlsx")
	void xlsx(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable Integer year,
			HttpServletResponse response) throws IOException {
		int y = year == null ? VnText.today().getYear() : year;
		MeetingStats s = meetings.stats(scope, id, y);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"thong-ke-sinh-hoat-" + id + "-" + y + ".xlsx\"");
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			Sheet byChild = wb.createSheet("Theo đơn vị");
			header(byChild.createRow(0), "Đơn vị");
			int r = 1;
			for (MeetingStats.Child c : s.children()) {
				fill(byChild.createRow(r++), c.name(), c.row());
			}
			fill(byChild.createRow(r), "Tổng cộng — " + s.organizationName(), s.total());
			Sheet byMonth = wb.createSheet("Theo tháng");
			header(byMonth.createRow(0), "Tháng");
			r = 1;
			for (MeetingStats.Month m : s.months()) {
				fill(byMonth.createRow(r++), String.format("%02d/%d", m.month().getMonthValue(), m.month().getYear()), m.row());
			}
			fill(byMonth.createRow(r), "Cả năm " + y, s.total());
			Sheet study = wb.createSheet("Học tập nghị quyết");
			Row h = study.createRow(0);
			String[] cols = { "Văn bản", "Đợt học tập", "Tổ chức", "Đảng viên", "Đã học", "Tỷ lệ (%)" };
			for (int i = 0; i < cols.length; i++) {
				h.createCell(i).setCellValue(cols[i]);
			}
			r = 1;
			for (var sp : studies.recent(scope, id, 50)) {
				Row row = study.createRow(r++);
				row.createCell(0).setCellValue(sp.study().documentRef());
				row.createCell(1).setCellValue(sp.study().title());
				row.createCell(2).setCellValue(sp.study().orgName());
				row.createCell(3).setCellValue(sp.progress().members());
				row.createCell(4).setCellValue(sp.progress().completed());
				row.createCell(5).setCellValue(sp.progress().rate());
			}
			for (Sheet sh : List.of(byChild, byMonth, study)) {
				sh.setColumnWidth(0, 40 * 256);
			}
			wb.write(response.getOutputStream());
		}
	}

	static final String[] COLUMNS = { "Cuộc họp phải tổ chức", "Đã họp", "Tỷ lệ đã họp (%)", "Đã hủy", "Chuyên đề đã họp",
			"Lượt phải dự", "Lượt có mặt", "Tỷ lệ dự họp (%)", "Vắng có lý do", "Vắng không lý do", "Đạt tiêu chí HD 12",
			"Tốt", "Khá", "Trung bình", "Kém", "Lượt cấp ủy viên cấp trên dự" };

	private static void header(Row row, String first) {
		row.createCell(0).setCellValue(first);
		for (int i = 0; i < COLUMNS.length; i++) {
			row.createCell(i + 1).setCellValue(COLUMNS[i]);
		}
	}

	private static void fill(Row row, String name, MeetingStats.Row v) {
		row.createCell(0).setCellValue(name);
		double[] values = { v.due(), v.held(), v.heldRate(), v.cancelled(), v.thematicHeld(), v.expected(), v.present(),
				v.attendanceRate(), v.excused(), v.unexcused(), v.qualityMet(), v.good(), v.fair(), v.average(), v.poor(),
				v.visits() };
		for (int i = 0; i < values.length; i++) {
			row.createCell(i + 1).setCellValue(values[i]);
		}
	}

	@GetMapping("/orgs/{id}/assignments")
	ModelAndView assignments(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable Integer year) {
		int y = year == null ? VnText.today().getYear() : year;
		var org = orgs.get(scope, id);
		return new ModelAndView("meetings/assignments").addObject("org", org).addObject("year", y)
			.addObject("list", meetings.assignments(scope, id, y))
			.addObject("canManage", scope.covers(Capability.MANAGE_ORGANIZATIONS, org.path()))
			.addObject("problems", List.of()).addObject("values", Map.of());
	}

	@PostMapping("/orgs/{id}/assignments")
	Object assign(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable Long memberId,
			@RequestParam(required = false) @Nullable Long cellId, @RequestParam(required = false) @Nullable String year,
			@RequestParam(required = false) @Nullable String quarter, @RequestParam(required = false) @Nullable String planned) {
		return MeetingPages.attemptTo(() -> {
			meetings.assign(scope, id, memberId, cellId, year, quarter, planned);
			return "/orgs/" + id + "/assignments?done=assign&year=" + year;
		}, () -> assignments(scope, id, null), Map.of("values", MeetingPages.values("memberId",
				memberId == null ? "" : String.valueOf(memberId), "cellId", cellId == null ? "" : String.valueOf(cellId),
				"year", year, "quarter", quarter, "planned", planned)));
	}

	@PostMapping("/assignments/{id}/end")
	RedirectView end(Scope scope, @PathVariable long id, @RequestParam long committeeId) {
		meetings.endAssignment(scope, id);
		return new RedirectView("/orgs/" + committeeId + "/assignments?done=end");
	}
}
