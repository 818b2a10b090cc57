package vn.dangvu.organizations.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import vn.dangvu.organizations.Decision;
import vn.dangvu.organizations.Level;
import vn.dangvu.organizations.MemberManagement;
import vn.dangvu.organizations.OrganizationManagement;
import vn.dangvu.organizations.OrganizationSummary;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

/** The tree: browsing (lazily, or as of a date), search, and the reorganization forms. */
@Controller
class OrganizationPages {

	private final OrganizationManagement orgs;
	private final MemberManagement members;

	OrganizationPages(OrganizationManagement orgs, MemberManagement members) {
		this.orgs = orgs;
		this.members = members;
	}

	@GetMapping("/")
	RedirectView home(Scope scope) {
		Long home = scope.homeOrganizationId();
		if (scope.grants().stream().filter(g -> g.role() != vn.dangvu.shared.Role.MEMBER).count() > 1 || home == null) {
			return new RedirectView("/orgs");
		}
		return new RedirectView("/orgs/" + home);
	}

	@GetMapping("/orgs")
	ModelAndView roots(Scope scope, @RequestParam(required = false) @Nullable String q) {
		List<OrganizationSummary> list = q == null || q.isBlank() ? orgs.roots(scope) : orgs.search(scope, q);
		return new ModelAndView("organizations/roots").addObject("orgs", list).addObject("q", q == null ? "" : q);
	}

	@GetMapping("/orgs/search")
	ModelAndView search(Scope scope, @RequestParam(defaultValue = "") String q, HttpServletRequest req) {
		List<OrganizationSummary> list = orgs.search(scope, q);
		if (req.getHeader("HX-Request") != null) {
			return new ModelAndView("organizations/_results").addObject("orgs", list).addObject("q", q);
		}
		return new ModelAndView("organizations/roots").addObject("orgs", list).addObject("q", q);
	}

	@GetMapping("/orgs/{id}")
	ModelAndView show(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable String asOf,
			@RequestParam(defaultValue = "false") boolean ended) {
		OrganizationSummary org = orgs.get(scope, id);
		LocalDate date = null;
		List<InvalidInput.Problem> problems = new ArrayList<>();
		if (asOf != null && !asOf.isBlank()) {
			try {
				date = VnText.parseDate(asOf);
			}
			catch (IllegalArgumentException e) {
				problems.add(new InvalidInput.Problem("Xem theo ngày", "“" + asOf + "” không phải ngày hợp lệ (dạng dd/MM/yyyy)"));
			}
		}
		boolean canRead = scope.covers(Capability.READ_MEMBERS, org.path());
		var children = date == null ? orgs.children(scope, org, ended) : orgs.childrenAsOf(scope, id, date);
		var membersAsOf = date != null && canRead && org.level().holdsMembers() ? members.listAsOf(scope, id, date) : List.<vn.dangvu.organizations.MemberRow>of();
		boolean canWrite = scope.covers(Capability.WRITE_MEMBERS, org.path());
		var incoming = canWrite && org.level().holdsMembers() ? members.incoming(scope, id) : List.<vn.dangvu.organizations.MemberRow>of();
		OrgPage page = new OrgPage(org, orgs.breadcrumb(scope, org), children, orgs.counts(scope, id), orgs.events(scope, org),
				scope.covers(Capability.MANAGE_ORGANIZATIONS, org.path()), canRead, canWrite, scope.isMemberOf(id), date,
				membersAsOf, incoming, canRead && org.level().holdsMembers() ? members.temporary(scope, id) : List.of(), ended);
		return new ModelAndView("organizations/show").addObject("page", page).addObject("problems", problems);
	}

	/** The children list alone, for expanding a tree node in place (htmx). */
	@GetMapping("/orgs/{id}/children")
	ModelAndView children(Scope scope, @PathVariable long id, HttpServletRequest req) {
		if (req.getHeader("HX-Request") == null) {
			return new ModelAndView(new RedirectView("/orgs/" + id));
		}
		return new ModelAndView("organizations/_children").addObject("children", orgs.children(scope, id, false));
	}

	@GetMapping("/orgs/{id}/reorganize")
	ModelAndView reorganize(Scope scope, @PathVariable long id) {
		return form(scope, id, List.of(), Map.of());
	}

	private ModelAndView form(Scope scope, long id, List<InvalidInput.Problem> problems, Map<String, String> values) {
		OrganizationSummary org = orgs.get(scope, id);
		if (!scope.covers(Capability.MANAGE_ORGANIZATIONS, org.path())) {
			throw new vn.dangvu.shared.Denied("Bạn không có quyền sắp xếp tổ chức này.");
		}
		List<Level> childLevels = new ArrayList<>();
		for (Level l : Level.values()) {
			if (l.allowedParents().contains(org.level())) {
				childLevels.add(l);
			}
		}
		List<OrganizationSummary> siblings = org.parentId() == null ? List.of()
				: orgs.children(scope, org.parentId(), false).stream().filter(o -> o.id() != id && o.level() == org.level()).toList();
		return new ModelAndView("organizations/reorganize").addObject("org", org).addObject("childLevels", childLevels)
			.addObject("siblings", siblings).addObject("children", orgs.children(scope, id, false))
			.addObject("problems", problems).addObject("values", values);
	}

	private Object attempt(Scope scope, long id, Map<String, String> values, Runnable action, String done) {
		try {
			action.run();
			return new RedirectView("/orgs/" + id + "?done=" + done);
		}
		catch (InvalidInput e) {
			ModelAndView mav = form(scope, id, e.problems(), values);
			mav.setStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT);
			return mav;
		}
	}

	@PostMapping("/orgs/{id}/children")
	Object create(Scope scope, @PathVariable long id, @RequestParam String level, @RequestParam(required = false) @Nullable String kind,
			@RequestParam String name, @RequestParam(required = false) @Nullable String code, @RequestParam String effectiveOn,
			@RequestParam String decisionRef) {
		Map<String, String> values = values("action", "create", "level", level, "kind", kind, "name", name, "effectiveOn",
				effectiveOn, "decisionRef", decisionRef);
		long[] created = { 0 };
		Object r = attempt(scope, id, values, () -> {
			Level l;
			try {
				l = Level.valueOf(level);
			}
			catch (IllegalArgumentException e) {
				throw new InvalidInput("Cấp tổ chức", "chưa chọn");
			}
			created[0] = orgs.create(scope, new OrganizationManagement.CreateOrganization(id, l,
					kind == null || kind.isBlank() ? null : kind, name, code == null || code.isBlank() ? null : code.trim(),
					Decision.of(effectiveOn, decisionRef)));
		}, "create");
		return created[0] > 0 ? new RedirectView("/orgs/" + created[0] + "?done=create") : r;
	}

	@PostMapping("/orgs/{id}/rename")
	Object rename(Scope scope, @PathVariable long id, @RequestParam String name, @RequestParam String effectiveOn,
			@RequestParam String decisionRef) {
		return attempt(scope, id, values("action", "rename", "name", name, "effectiveOn", effectiveOn, "decisionRef", decisionRef),
				() -> orgs.rename(scope, id, name, Decision.of(effectiveOn, decisionRef)), "rename");
	}

	@PostMapping("/orgs/{id}/move")
	Object move(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable Long parentId,
			@RequestParam String effectiveOn, @RequestParam String decisionRef) {
		return attempt(scope, id, values("action", "move", "parentId", String.valueOf(parentId), "effectiveOn", effectiveOn,
				"decisionRef", decisionRef), () -> {
					if (parentId == null) {
						throw new InvalidInput("Tổ chức cấp trên mới", "chưa nhập mã tổ chức");
					}
					orgs.move(scope, id, parentId, Decision.of(effectiveOn, decisionRef));
				}, "move");
	}

	/** Merges the organizations ticked on this page into this one. */
	@PostMapping("/orgs/{id}/merge")
	Object merge(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable List<Long> sources,
			@RequestParam String effectiveOn, @RequestParam String decisionRef) {
		return attempt(scope, id, values("action", "merge", "effectiveOn", effectiveOn, "decisionRef", decisionRef),
				() -> orgs.merge(scope, sources == null ? List.of() : sources, id, Decision.of(effectiveOn, decisionRef)), "merge");
	}

	@PostMapping("/orgs/{id}/dissolve")
	Object dissolve(Scope scope, @PathVariable long id, @RequestParam String effectiveOn, @RequestParam String decisionRef) {
		OrganizationSummary org = orgs.get(scope, id);
		Object r = attempt(scope, id, values("action", "dissolve", "effectiveOn", effectiveOn, "decisionRef", decisionRef),
				() -> orgs.dissolve(scope, id, Decision.of(effectiveOn, decisionRef)), "dissolve");
		return r instanceof RedirectView && org.parentId() != null ? new RedirectView("/orgs/" + id + "?done=dissolve") : r;
	}

	@GetMapping("/orgs/{id}/split")
	ModelAndView splitForm(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable List<Long> targets) {
		return splitPage(scope, id, targets == null ? List.of() : targets, List.of(), Map.of());
	}

	private ModelAndView splitPage(Scope scope, long id, List<Long> targetIds, List<InvalidInput.Problem> problems,
			Map<String, String> values) {
		OrganizationSummary org = orgs.get(scope, id);
		if (!scope.covers(Capability.MANAGE_ORGANIZATIONS, org.path())) {
			throw new vn.dangvu.shared.Denied("Bạn không có quyền sắp xếp tổ chức này.");
		}
		List<OrganizationSummary> siblings = org.parentId() == null ? List.of()
				: orgs.children(scope, org.parentId(), false).stream().filter(o -> o.id() != id && o.level() == org.level()).toList();
		var memberRows = org.level().holdsMembers()
				? members.list(scope, id, vn.dangvu.organizations.MemberFilter.of(null, null, null, null, null, 1, 200)).rows()
						.stream().filter(r -> r.organizationId() == id && !r.temporary()).toList()
				: List.<vn.dangvu.organizations.MemberRow>of();
		return new ModelAndView("organizations/split").addObject("org", org).addObject("siblings", siblings)
			.addObject("members", memberRows).addObject("children", orgs.children(scope, id, false))
			.addObject("problems", problems).addObject("values", values);
	}

	@PostMapping("/orgs/{id}/split")
	Object split(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable List<Long> targets,
			@RequestParam String effectiveOn, @RequestParam String decisionRef,
			@RequestParam(required = false) @Nullable String restMembersTo,
			@RequestParam(required = false) @Nullable String restChildrenTo, HttpServletRequest req) {
		Map<Long, Long> memberTargets = new LinkedHashMap<>();
		Map<Long, Long> childTargets = new LinkedHashMap<>();
		req.getParameterMap().forEach((k, v) -> {
			if (v.length == 1 && !v[0].isBlank() && (k.startsWith("m.") || k.startsWith("c."))) {
				try {
					(k.startsWith("m.") ? memberTargets : childTargets).put(Long.parseLong(k.substring(2)), Long.parseLong(v[0]));
				}
				catch (NumberFormatException e) {
					// ignored: an unparsable choice counts as no choice, and is reported as unallocated
				}
			}
		});
		List<Long> t = targets == null ? List.of() : targets;
		try {
			orgs.split(scope, id, t, memberTargets, childTargets, idOrNull(restMembersTo), idOrNull(restChildrenTo),
					Decision.of(effectiveOn, decisionRef));
			return new RedirectView("/orgs/" + id + "?done=split");
		}
		catch (InvalidInput e) {
			ModelAndView mav = splitPage(scope, id, t, e.problems(), values("effectiveOn", effectiveOn, "decisionRef", decisionRef,
					"restMembersTo", restMembersTo, "restChildrenTo", restChildrenTo));
			mav.setStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT);
			return mav;
		}
	}

	/** A chosen organization's id; nothing chosen (or not a number) is no choice. */
	private static @Nullable Long idOrNull(@Nullable String s) {
		return s == null || s.isBlank() || !s.strip().chars().allMatch(Character::isDigit) || s.strip().length() > 18 ? null
				: Long.valueOf(s.strip());
	}

	private static Map<String, String> values(@Nullable String... kv) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i + 1 < kv.length; i += 2) {
			m.put(kv[i], kv[i + 1] == null ? "" : kv[i + 1]);
		}
		return m;
	}
}
