package vn.dangvu.organizations.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dangvu.organizations.Decision;
import vn.dangvu.organizations.Level;
import vn.dangvu.organizations.MemberDetails;
import vn.dangvu.organizations.MemberEvent;
import vn.dangvu.organizations.MemberFilter;
import vn.dangvu.organizations.MemberInput;
import vn.dangvu.organizations.MemberManagement;
import vn.dangvu.organizations.MemberRow;
import vn.dangvu.organizations.OrganizationManagement;
import vn.dangvu.organizations.OrganizationSummary;
import vn.dangvu.organizations.Position;
import vn.dangvu.organizations.StatusCount;
import vn.dangvu.organizations.Transition;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.PageOf;
import vn.dangvu.shared.Scope;

/**
 * The registry's JSON API. Same scope rules as the pages; errors are RFC 9457 problem details (404 for anything
 * outside the scope, 422 with {@code errors[]} naming fields for refused input).
 */
@RestController
@RequestMapping("/api/v1")
class RegistryApi {

	private final OrganizationManagement orgs;
	private final MemberManagement members;

	RegistryApi(OrganizationManagement orgs, MemberManagement members) {
		this.orgs = orgs;
		this.members = members;
	}

	@GetMapping("/organizations")
	List<OrganizationSummary> organizations(Scope scope, @RequestParam(required = false) @Nullable String q) {
		return q == null || q.isBlank() ? orgs.roots(scope) : orgs.search(scope, q);
	}

	@GetMapping("/organizations/{id}")
	OrganizationSummary organization(Scope scope, @PathVariable long id) {
		return orgs.get(scope, id);
	}

	@GetMapping("/organizations/{id}/children")
	List<OrganizationSummary> children(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable String asOf) {
		return asOf == null ? orgs.children(scope, id, false) : orgs.childrenAsOf(scope, id, parse(asOf));
	}

	@GetMapping("/organizations/{id}/counts")
	List<StatusCount> counts(Scope scope, @PathVariable long id) {
		orgs.get(scope, id);
		return orgs.counts(scope, id);
	}

	record NewOrganization(long parentId, String level, @Nullable String kind, String name, @Nullable String code,
			String effectiveOn, String decisionRef) {
	}

	@PostMapping("/organizations")
	ResponseEntity<OrganizationSummary> create(Scope scope, @RequestBody NewOrganization body) {
		Level level;
		try {
			level = Level.valueOf(body.level());
		}
		catch (RuntimeException e) {
			throw new InvalidInput("level", "cấp tổ chức không hợp lệ: " + body.level());
		}
		long id = orgs.create(scope, new OrganizationManagement.CreateOrganization(body.parentId(), level, body.kind(),
				body.name(), body.code(), Decision.of(body.effectiveOn(), body.decisionRef())));
		return ResponseEntity.created(URI.create("/api/v1/organizations/" + id)).body(orgs.get(scope, id));
	}

	record Reorganization(@Nullable String name, @Nullable Long parentId, @Nullable List<Long> sources, String effectiveOn,
			String decisionRef) {
	}

	@PostMapping("/organizations/{id}/rename")
	OrganizationSummary rename(Scope scope, @PathVariable long id, @RequestBody Reorganization body) {
		orgs.rename(scope, id, body.name() == null ? "" : body.name(), Decision.of(body.effectiveOn(), body.decisionRef()));
		return orgs.get(scope, id);
	}

	@PostMapping("/organizations/{id}/move")
	OrganizationSummary move(Scope scope, @PathVariable long id, @RequestBody Reorganization body) {
		if (body.parentId() == null) {
			throw new InvalidInput("parentId", "chưa có tổ chức cấp trên mới");
		}
		orgs.move(scope, id, body.parentId(), Decision.of(body.effectiveOn(), body.decisionRef()));
		return orgs.get(scope, id);
	}

	@PostMapping("/organizations/{id}/merge")
	OrganizationSummary merge(Scope scope, @PathVariable long id, @RequestBody Reorganization body) {
		orgs.merge(scope, body.sources() == null ? List.of() : body.sources(), id, Decision.of(body.effectiveOn(), body.decisionRef()));
		return orgs.get(scope, id);
	}

	@PostMapping("/organizations/{id}/dissolve")
	OrganizationSummary dissolve(Scope scope, @PathVariable long id, @RequestBody Reorganization body) {
		orgs.dissolve(scope, id, Decision.of(body.effectiveOn(), body.decisionRef()));
		return orgs.get(scope, id);
	}

	/** {@code restMembersTo}, {@code restChildrenTo}: where those not listed in {@code members}, {@code children} go. */
	record Split(List<Long> targets, Map<Long, Long> members, Map<Long, Long> children, @Nullable Long restMembersTo,
			@Nullable Long restChildrenTo, String effectiveOn, String decisionRef) {
	}

	@PostMapping("/organizations/{id}/split")
	OrganizationSummary split(Scope scope, @PathVariable long id, @RequestBody Split body) {
		orgs.split(scope, id, body.targets(), body.members() == null ? Map.of() : body.members(),
				body.children() == null ? Map.of() : body.children(), body.restMembersTo(), body.restChildrenTo(),
				Decision.of(body.effectiveOn(), body.decisionRef()));
		return orgs.get(scope, id);
	}

	@GetMapping("/organizations/{id}/members")
	PageOf<MemberRow> members(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable Integer minPartyAge,
			@RequestParam(required = false) @Nullable String gender, @RequestParam(required = false) @Nullable String ethnicity,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		return members.list(scope, id, MemberFilter.of(q, status, minPartyAge, gender, ethnicity, page, size));
	}

	@GetMapping("/organizations/{id}/members/as-of/{date}")
	List<MemberRow> membersAsOf(Scope scope, @PathVariable long id, @PathVariable String date) {
		return members.listAsOf(scope, id, parse(date));
	}

	@PostMapping("/organizations/{id}/members")
	ResponseEntity<MemberDetails> createMember(Scope scope, @PathVariable long id, @RequestBody MemberInput body) {
		long memberId = members.create(scope, id, body);
		return ResponseEntity.created(URI.create("/api/v1/members/" + memberId)).body(members.get(scope, memberId));
	}

	@GetMapping("/members/{id}")
	MemberDetails member(Scope scope, @PathVariable long id) {
		return members.get(scope, id);
	}

	@PutMapping("/members/{id}")
	MemberDetails update(Scope scope, @PathVariable long id, @RequestParam int version, @RequestBody MemberInput body) {
		members.update(scope, id, version, body);
		return members.get(scope, id);
	}

	@GetMapping("/members/{id}/events")
	List<MemberEvent> events(Scope scope, @PathVariable long id) {
		return members.timeline(scope, id);
	}

	@GetMapping("/members/{id}/positions")
	List<Position> positions(Scope scope, @PathVariable long id) {
		return members.positions(scope, id);
	}

	record TransitionBody(String transition, @Nullable String effectiveOn, @Nullable String decisionRef, @Nullable String note,
			@Nullable Long targetOrganizationId, @Nullable String targetText, @Nullable String until) {
	}

	@PostMapping("/members/{id}/transitions")
	MemberDetails transition(Scope scope, @PathVariable long id, @RequestBody TransitionBody body) {
		Transition t;
		try {
			t = Transition.valueOf(body.transition());
		}
		catch (RuntimeException e) {
			throw new InvalidInput("transition", "không có thao tác “" + body.transition() + "”");
		}
		members.transition(scope, id, new MemberManagement.TransitionRequest(t, body.effectiveOn(), body.decisionRef(),
				body.note(), body.targetOrganizationId(), body.targetText(), body.until()));
		return members.get(scope, id);
	}

	private static java.time.LocalDate parse(String s) {
		try {
			java.time.LocalDate d = vn.dangvu.shared.VnText.parseDate(s);
			if (d == null) {
				throw new IllegalArgumentException(s);
			}
			return d;
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInput("asOf", "“" + s + "” không phải ngày hợp lệ (yyyy-MM-dd hoặc dd/MM/yyyy)");
		}
	}
}
