package vn.dangvu.evaluations.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import vn.dangvu.evaluations.Cycle;
import vn.dangvu.evaluations.CycleManagement;
import vn.dangvu.evaluations.Evaluation;
import vn.dangvu.evaluations.EvaluationManagement;
import vn.dangvu.evaluations.Grade;
import vn.dangvu.organizations.Level;
import vn.dangvu.organizations.OrganizationManagement;
import vn.dangvu.organizations.OrganizationSummary;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

/** Pages of review and classification: an organization's cycles and results, a cycle, one subject, the member's own. */
@Controller
class EvaluationPages {

	private static final int PAGE = 50;

	private final EvaluationManagement evaluations;
	private final CycleManagement cycles;
	private final OrganizationManagement orgs;
	private final EvaluationPdf pdf;

	EvaluationPages(EvaluationManagement evaluations, CycleManagement cycles, OrganizationManagement orgs, EvaluationPdf pdf) {
		this.evaluations = evaluations;
		this.cycles = cycles;
		this.orgs = orgs;
		this.pdf = pdf;
	}

	/** Runs a change; on refused input shows the page again with the problems, status 422, nothing written. */
	static Object attempt(Supplier<String> change, Supplier<ModelAndView> page, Map<String, ?> values) {
		try {
			return new RedirectView(change.get());
		}
		catch (InvalidInput e) {
			ModelAndView mav = page.get();
			mav.addObject("problems", e.problems());
			mav.addObject("values", values);
			mav.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
			return mav;
		}
	}

	static Map<String, String> params(HttpServletRequest req) {
		Map<String, String> out = new LinkedHashMap<>();
		req.getParameterMap().forEach((k, v) -> {
			if (v.length > 0 && !"_csrf".equals(k)) {
				out.put(k, v[0]);
			}
		});
		return out;
	}

	// ------------------------------------------------------------------ an organization's cycles and results

	@GetMapping("/orgs/{id}/evaluations")
	ModelAndView org(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable String period) {
		OrganizationSummary org = orgs.get(scope, id);
		String p = period == null || period.isBlank() ? String.valueOf(VnText.today().getYear()) : period;
		int year = p.length() >= 4 && p.substring(0, 4).matches("\\d{4}") ? Integer.parseInt(p.substring(0, 4)) : VnText.today().getYear();
		List<Cycle> list = cycles.cycles(scope, id);
		// Reminders: for each open cycle, how many of this subtree still wait at a step whose deadline is near or past.
		Map<Long, Map<String, Map<String, Long>>> waiting = new LinkedHashMap<>();
		list.stream().filter(Cycle::open).limit(5).forEach(c -> waiting.put(c.id(), evaluations.stepCounts(scope, c.id(), id)));
		return new ModelAndView("evaluations/org").addObject("org", org).addObject("period", p)
			.addObject("cycles", list).addObject("waiting", waiting).addObject("today", VnText.today()).addObject("rollUp", evaluations.rollUp(scope, id, p))
			.addObject("cases", org.level().ordinal() >= Level.COMMUNE.ordinal() ? evaluations.educationCases(scope, id, year) : List.of())
			.addObject("canManage", scope.covers(Capability.MANAGE_ORGANIZATIONS, org.path()))
			.addObject("canWrite", scope.covers(Capability.WRITE_MEMBERS, org.path()))
			.addObject("regulations", cycles.regulations()).addObject("problems", List.of())
			.addObject("values", Map.of("year", String.valueOf(VnText.today().getYear()), "kind", "ANNUAL"));
	}

	@PostMapping("/orgs/{id}/evaluation-cycles")
	Object create(Scope scope, @PathVariable long id, HttpServletRequest req) {
		Map<String, String> v = params(req);
		return attempt(() -> "/evaluation-cycles/" + cycles.createCycle(scope, id, cycleInput(v)) + "?org=" + id + "&done=create",
				() -> org(scope, id, null), v);
	}

	static CycleManagement.CycleInput cycleInput(Map<String, String> v) {
		List<Long> members = new java.util.ArrayList<>();
		for (String s : v.getOrDefault("members", "").split("[,;\\s]+")) {
			if (s.matches("\\d{1,18}")) {
				members.add(Long.parseLong(s));
			}
		}
		return new CycleManagement.CycleInput(v.get("kind"), v.get("year"), v.get("quarter"), v.get("title"), v.get("purpose"),
				v.get("regulation"), v.get("selfUntil"), v.get("opinionUntil"), v.get("stateUntil"), v.get("appraisalUntil"),
				v.get("decisionUntil"), v.get("orderMode"), v.get("quotaPercent"), members);
	}

	@GetMapping("/orgs/{id}/evaluations.xlsx")
	void xlsx(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable String period,
			HttpServletResponse response) throws IOException {
		String p = period == null || period.isBlank() ? String.valueOf(VnText.today().getYear()) : period;
		var r = evaluations.rollUp(scope, id, p);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"xep-loai-" + id + "-" + p + ".xlsx\"");
		String place = r.total().name().replaceFirst("^(Đảng bộ cơ sở|Đảng bộ|Chi bộ) ", "")
			.replaceFirst("^(Xã|Phường|Tỉnh|Thành phố|Đặc khu|Thị trấn) ", "");
		SummaryWorkbook wb = new SummaryWorkbook();
		wb.results(r, "MEMBER", "Đảng viên", "ĐẢNG VIÊN", place, VnText.today());
		wb.results(r, "ORGANIZATION", "Tổ chức đảng", "TỔ CHỨC ĐẢNG", place, VnText.today());
		wb.results(r, "COLLECTIVE", "Tập thể lãnh đạo", "TẬP THỂ LÃNH ĐẠO, QUẢN LÝ", place, VnText.today());
		wb.progress(r, place, VnText.today());
		wb.write(response.getOutputStream());
	}

	// ------------------------------------------------------------------ criteria sets

	@GetMapping("/orgs/{id}/criteria")
	ModelAndView criteria(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable String group) {
		OrganizationSummary org = orgs.get(scope, id);
		var sets = cycles.criteriaSets(scope, id);
		String g = group == null || group.isBlank() ? "NON_SYSTEM" : group;
		String start = sets.stream().filter(x -> x.group().name().equals(g)).findFirst().map(CycleManagement::lines).orElse("");
		return new ModelAndView("evaluations/criteria").addObject("org", org).addObject("sets", sets)
			.addObject("canManage", scope.covers(Capability.MANAGE_ORGANIZATIONS, org.path())).addObject("problems", List.of())
			.addObject("values", Map.of("group", g, "lines", start, "name", ""));
	}

	@PostMapping("/orgs/{id}/criteria")
	Object saveCriteria(Scope scope, @PathVariable long id, HttpServletRequest req) {
		Map<String, String> v = params(req);
		return attempt(() -> {
			cycles.saveCriteriaSet(scope, id, v.get("group"), v.get("name"), v.get("lines"));
			return "/orgs/" + id + "/criteria?done=save";
		}, () -> criteria(scope, id, v.get("group")), v);
	}

	// ------------------------------------------------------------------ a cycle

	@GetMapping("/evaluation-cycles/{id}")
	ModelAndView cycle(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable Long org,
			@RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) @Nullable String step,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "1") int page) {
		Cycle c = cycles.cycle(scope, id);
		long orgId = org == null ? c.organizationId() : org;
		OrganizationSummary o = orgs.get(scope, orgId);
		// Above the commune level a subtree holds up to millions of subjects: its organizations are listed unless
		// asked otherwise, and the quota is shown per grassroots organization on their own pages.
		boolean aboveGrassroots = o.level().ordinal() < Level.COMMUNE.ordinal();
		if (aboveGrassroots && (kind == null || kind.isBlank()) && (q == null || q.isBlank())) {
			kind = "ORGANIZATION";
		}
		var list = evaluations.list(scope, id, orgId, kind, step, q, page, PAGE);
		boolean grassroots = Level.COMMUNE == o.level() || Level.GRASSROOTS == o.level() || Level.GRASSROOTS_CELL == o.level();
		List<EvaluationManagement.Quota> quotas = c.open() && !aboveGrassroots && scope.covers(Capability.READ_MEMBERS, o.path())
				? evaluations.quotas(scope, id, orgId) : List.of();
		Map<String, String> values = new HashMap<>();
		values.put("selfUntil", VnText.date(c.selfUntil()));
		values.put("opinionUntil", VnText.date(c.opinionUntil()));
		values.put("stateUntil", VnText.date(c.stateUntil()));
		values.put("appraisalUntil", VnText.date(c.appraisalUntil()));
		values.put("decisionUntil", VnText.date(c.decisionUntil()));
		values.put("orderMode", c.orderMode());
		values.put("quotaPercent", String.valueOf(c.quotaPercent()));
		return new ModelAndView("evaluations/cycle").addObject("c", c).addObject("org", o).addObject("list", list)
			.addObject("counts", evaluations.stepCounts(scope, id, orgId)).addObject("kind", kind == null ? "" : kind)
			.addObject("step", step == null ? "" : step).addObject("q", q == null ? "" : q)
			.addObject("canManage", cycles.canManage(scope, c)).addObject("quotas", quotas)
			.addObject("canDecideAll", grassroots && c.open() && scope.covers(Capability.MANAGE_ORGANIZATIONS, o.path()))
			.addObject("today", VnText.today()).addObject("problems", List.of()).addObject("values", values);
	}

	@GetMapping("/evaluation-cycles/{id}/subjects.xlsx")
	void subjectsXlsx(Scope scope, @PathVariable long id, @RequestParam long org, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String step, @RequestParam(required = false) @Nullable String q,
			HttpServletResponse response) throws IOException {
		List<Evaluation> rows = evaluations.export(scope, id, org, kind, step, q);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"danh-sach-danh-gia-" + id + "-" + org + ".xlsx\"");
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			Sheet sh = wb.createSheet("Danh sách");
			String[] cols = { "Đối tượng", "Loại", "Đơn vị", "Mẫu", "Bước", "Tự chấm", "Tự xếp loại", "Chi bộ đề xuất",
					"Thẩm định", "Xếp loại", "Quyết định" };
			Row h = sh.createRow(0);
			for (int i = 0; i < cols.length; i++) {
				h.createCell(i).setCellValue(cols[i]);
			}
			int n = 1;
			for (Evaluation e : rows) {
				Row r = sh.createRow(n++);
				String[] v = { e.subjectName(), e.kindVi(), e.orgName(), e.group().form(), e.step().vi(),
						e.selfTotal() == null ? "" : e.selfTotal().stripTrailingZeros().toPlainString(), code(e.selfLevel()),
						code(e.opinionLevel()), code(e.appraisalLevel()), code(e.level()), e.decisionRef() == null ? "" : e.decisionRef() };
				for (int i = 0; i < v.length; i++) {
					r.createCell(i).setCellValue(v[i]);
				}
			}
			sh.setColumnWidth(0, 30 * 256);
			sh.setColumnWidth(2, 30 * 256);
			wb.write(response.getOutputStream());
		}
	}

	private static String code(@Nullable Grade g) {
		return g == null ? "" : g.name();
	}

	@PostMapping("/evaluation-cycles/{id}/open")
	RedirectView open(Scope scope, @PathVariable long id) {
		cycles.open(scope, id);
		return new RedirectView("/evaluation-cycles/" + id + "?done=open");
	}

	@PostMapping("/evaluation-cycles/{id}/close")
	RedirectView close(Scope scope, @PathVariable long id) {
		cycles.close(scope, id);
		return new RedirectView("/evaluation-cycles/" + id + "?done=close");
	}

	@PostMapping("/evaluation-cycles/{id}/update")
	Object update(Scope scope, @PathVariable long id, HttpServletRequest req) {
		Map<String, String> v = params(req);
		return attempt(() -> {
			cycles.updateCycle(scope, id, cycleInput(v));
			Map<String, String> rules = new LinkedHashMap<>();
			for (String rule : Cycle.ORDER_RULES) {
				if (v.get("order." + rule) != null && !v.get("order." + rule).isBlank()) {
					rules.put(rule, v.get("order." + rule));
				}
			}
			cycles.setOrderRules(scope, id, rules);
			return "/evaluation-cycles/" + id + "?done=update";
		}, () -> cycle(scope, id, null, null, null, null, 1), v);
	}

	@PostMapping("/evaluation-cycles/{id}/decide-all")
	Object decideAll(Scope scope, @PathVariable long id, @RequestParam long org, HttpServletRequest req) {
		Map<String, String> v = params(req);
		return attempt(() -> {
			var warnings = evaluations.decideAll(scope, id, org, v.get("decisionRef"), v.get("decidedOn"), v.get("quotaException"));
			return "/evaluation-cycles/" + id + "?org=" + org + "&done=decide" + (warnings.isEmpty() ? "" : "&warned=" + warnings.size());
		}, () -> cycle(scope, id, org, null, null, null, 1), v);
	}

	// ------------------------------------------------------------------ one subject

	@GetMapping("/evaluations/{id}")
	ModelAndView show(Scope scope, @PathVariable long id) {
		return new ModelAndView("evaluations/show").addObject("v", evaluations.view(scope, id)).addObject("problems", List.of())
			.addObject("values", Map.of()).addObject("form", "");
	}

	private Object change(Scope scope, long id, String form, HttpServletRequest req, java.util.function.Consumer<Map<String, String>> action) {
		Map<String, String> v = params(req);
		return attempt(() -> {
			action.accept(v);
			return "/evaluations/" + id + "?done=" + form + "#" + form;
		}, () -> show(scope, id).addObject("form", form), v);
	}

	@PostMapping("/evaluations/{id}/self")
	Object self(Scope scope, @PathVariable long id, HttpServletRequest req) {
		return change(scope, id, "self", req, v -> {
			Map<String, String> scores = new LinkedHashMap<>();
			Map<String, String> texts = new LinkedHashMap<>();
			v.forEach((k, x) -> {
				if (k.startsWith("score.")) {
					scores.put(k.substring(6), x);
				}
				if (k.startsWith("text.")) {
					texts.put(k.substring(5), x);
				}
			});
			Integer version = v.containsKey("version") && v.get("version").matches("\\d+") ? Integer.valueOf(v.get("version")) : null;
			evaluations.selfAssess(scope, id, new EvaluationManagement.SelfInput(scores, v.get("tasksDone"), v.get("tasksOnTime"),
					v.get("tasksExceeded"), v.get("level"), texts, version));
		});
	}

	@PostMapping("/evaluations/{id}/conclusions")
	Object conclusions(Scope scope, @PathVariable long id, HttpServletRequest req) {
		return change(scope, id, "conclusions", req, v -> evaluations.recordConclusions(scope, id,
				new EvaluationManagement.Conclusions("on".equals(v.get("civilServant")) || "true".equals(v.get("civilServant")),
						v.get("stateLevel"), v.get("stateRef"), v.get("disciplineRef"), v.get("degradationRef"), v.get("peerGroup"),
						v.get("subjectGroup"))));
	}

	@PostMapping("/evaluations/{id}/opinion")
	Object opinion(Scope scope, @PathVariable long id, HttpServletRequest req) {
		return change(scope, id, "opinion", req, v -> evaluations.recordOpinion(scope, id, new EvaluationManagement.OpinionInput(
				v.get("level"), v.get("present"), v.get("votesFor"), v.get("votesAgainst"), v.get("abstain"), v.get("meetingId"),
				v.get("note"))));
	}

	@PostMapping("/evaluations/{id}/opinions")
	Object addOpinion(Scope scope, @PathVariable long id, HttpServletRequest req) {
		return change(scope, id, "opinions", req,
				v -> evaluations.addOpinion(scope, id, v.get("source"), v.get("body"), v.get("content"), v.get("proposed")));
	}

	@PostMapping("/evaluations/{id}/places/{place}")
	Object place(Scope scope, @PathVariable long id, @PathVariable long place, HttpServletRequest req) {
		return change(scope, id, "places", req, v -> evaluations.recordPlace(scope, id, place, v.get("content"), v.get("proposed")));
	}

	@PostMapping("/evaluations/{id}/appraisal")
	Object appraisal(Scope scope, @PathVariable long id, HttpServletRequest req) {
		return change(scope, id, "appraisal", req, v -> evaluations.appraise(scope, id, v.get("level"), v.get("total"), v.get("reason")));
	}

	@PostMapping("/evaluations/{id}/decision")
	Object decision(Scope scope, @PathVariable long id, HttpServletRequest req) {
		return change(scope, id, "decision", req, v -> evaluations.decide(scope, id, new EvaluationManagement.DecisionInput(
				v.get("level"), v.get("decisionRef"), v.get("decidedOn"), v.get("quotaException"))));
	}

	@PostMapping("/evaluations/{id}/complaint")
	Object complaint(Scope scope, @PathVariable long id, HttpServletRequest req) {
		return change(scope, id, "complaint", req, v -> evaluations.complain(scope, id, v.get("reason"), v.get("complaintRef")));
	}

	@PostMapping("/evaluations/{id}/remediation")
	Object remediation(Scope scope, @PathVariable long id, HttpServletRequest req) {
		return change(scope, id, "remediation", req,
				v -> evaluations.addRemediation(scope, id, v.get("shortcoming"), v.get("measure"), v.get("dueOn")));
	}

	@PostMapping("/evaluations/{id}/remediation/{rid}/close")
	Object closeRemediation(Scope scope, @PathVariable long id, @PathVariable long rid, HttpServletRequest req) {
		return change(scope, id, "remediation", req, v -> evaluations.closeRemediation(scope, rid, v.get("note")));
	}

	@PostMapping("/evaluations/{id}/education-vote")
	Object educationVote(Scope scope, @PathVariable long id, @RequestParam long org, HttpServletRequest req) {
		Map<String, String> v = params(req);
		return attempt(() -> {
			evaluations.recordEducationVote(scope, id, v.get("voters"), v.get("agree"), v.get("disagree"), v.get("votedOn"), v.get("note"),
					v.get("meetingId"));
			return "/orgs/" + org + "/evaluations?done=vote#education";
		}, () -> org(scope, org, null), v);
	}

	@GetMapping("/evaluations/{id}.pdf")
	void print(Scope scope, @PathVariable long id, HttpServletResponse response) throws IOException {
		var v = evaluations.view(scope, id);
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", "inline; filename=\"danh-gia-" + id + ".pdf\"");
		pdf.write(v, response.getOutputStream());
	}

	// ------------------------------------------------------------------ the member's own

	@GetMapping("/evaluations/mine")
	ModelAndView mine(Scope scope) {
		List<Evaluation> mine = evaluations.mine(scope);
		Map<Long, Cycle> byId = new HashMap<>();
		mine.forEach(e -> byId.computeIfAbsent(e.cycleId(), c -> cycles.cycle(scope, c)));
		return new ModelAndView("evaluations/mine").addObject("list", mine).addObject("cycles", byId)
			.addObject("today", VnText.today());
	}
}
