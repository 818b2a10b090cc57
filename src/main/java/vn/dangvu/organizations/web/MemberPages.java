package vn.dangvu.organizations.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import vn.dangvu.organizations.MemberDetails;
import vn.dangvu.organizations.MemberFilter;
import vn.dangvu.organizations.MemberInput;
import vn.dangvu.organizations.MemberManagement;
import vn.dangvu.organizations.OrganizationManagement;
import vn.dangvu.organizations.OrganizationSummary;
import vn.dangvu.organizations.Transition;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.NotFound;
import vn.dangvu.shared.Scope;

/** Member lists, records, the record form, lifecycle transitions and positions. */
@Controller
class MemberPages {

	private final MemberManagement members;
	private final OrganizationManagement orgs;

	MemberPages(MemberManagement members, OrganizationManagement orgs) {
		this.members = members;
		this.orgs = orgs;
	}

	@GetMapping("/orgs/{id}/members")
	ModelAndView list(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable Integer minPartyAge,
			@RequestParam(required = false) @Nullable String gender, @RequestParam(required = false) @Nullable String ethnicity,
			@RequestParam(required = false) @Nullable Integer page, HttpServletRequest req) {
		OrganizationSummary org = orgs.get(scope, id);
		if (!scope.covers(Capability.READ_MEMBERS, org.path())) {
			// An ordinary member sees their own cell's names, statuses and positions only.
			return new ModelAndView("organizations/peers").addObject("org", org).addObject("peers", members.peers(scope, id));
		}
		MemberFilter f = MemberFilter.of(q, status, minPartyAge, gender, ethnicity, page, null);
		var result = members.list(scope, org, f);
		String view = req.getHeader("HX-Request") != null ? "organizations/_member_rows" : "organizations/members";
		return new ModelAndView(view).addObject("org", org).addObject("filter", f).addObject("result", result)
			.addObject("canWrite", scope.covers(Capability.WRITE_MEMBERS, org.path()));
	}

	@GetMapping("/orgs/{id}/members/new")
	ModelAndView newMember(Scope scope, @PathVariable long id) {
		OrganizationSummary org = writableOrg(scope, id);
		return form(org, null, MemberInput.empty(), List.of(), 0);
	}

	private OrganizationSummary writableOrg(Scope scope, long id) {
		OrganizationSummary org = orgs.get(scope, id);
		if (!scope.covers(Capability.WRITE_MEMBERS, org.path())) {
			throw new NotFound("organization " + id);
		}
		return org;
	}

	private ModelAndView form(OrganizationSummary org, @Nullable Long memberId, MemberInput input,
			List<InvalidInput.Problem> problems, int version) {
		ModelAndView mav = new ModelAndView("organizations/member_form").addObject("org", org)
			.addObject("memberId", memberId).addObject("m", input).addObject("problems", problems).addObject("version", version);
		if (!problems.isEmpty()) {
			mav.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return mav;
	}

	@PostMapping("/orgs/{id}/members")
	Object create(Scope scope, @PathVariable long id, @ModelAttribute MemberInput input) {
		OrganizationSummary org = writableOrg(scope, id);
		try {
			long memberId = members.create(scope, id, input);
			return new RedirectView("/members/" + memberId + "?done=create");
		}
		catch (InvalidInput e) {
			return form(org, null, input, e.problems(), 0);
		}
	}

	@GetMapping("/members/{id}")
	ModelAndView show(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable String done) {
		MemberDetails m = members.get(scope, id);
		return page(scope, m, List.of(), done);
	}

	private ModelAndView page(Scope scope, MemberDetails m, List<InvalidInput.Problem> problems, @Nullable String done) {
		boolean canWrite = members.canWrite(scope, m);
		List<Transition> transitions = canWrite ? java.util.Arrays.stream(Transition.values())
			.filter(t -> t != Transition.RECEIVE_TRANSFER && t.allowedFrom(m.status())).toList() : List.of();
		ModelAndView mav = new ModelAndView("organizations/member").addObject("m", m)
			.addObject("events", members.timeline(scope, m.id())).addObject("positions", members.positions(scope, m.id()))
			.addObject("canWrite", canWrite).addObject("transitions", transitions).addObject("problems", problems)
			.addObject("done", done);
		if (!problems.isEmpty()) {
			mav.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return mav;
	}

	@GetMapping("/members/{id}/edit")
	ModelAndView edit(Scope scope, @PathVariable long id) {
		MemberDetails m = members.get(scope, id);
		if (!members.canWrite(scope, m)) {
			throw new vn.dangvu.shared.Denied("Bạn chỉ được xem, không được sửa hồ sơ này.");
		}
		return form(orgs.get(scope, m.organizationId()), id, toInput(m), List.of(), m.version());
	}

	@PostMapping("/members/{id}")
	Object update(Scope scope, @PathVariable long id, @ModelAttribute MemberInput input, @RequestParam int version) {
		try {
			members.update(scope, id, version, input);
			return new RedirectView("/members/" + id + "?done=update");
		}
		catch (InvalidInput e) {
			MemberDetails m = members.get(scope, id);
			return form(orgs.get(scope, m.organizationId()), id, input, e.problems(), version);
		}
	}

	@PostMapping("/members/{id}/transition")
	Object transition(Scope scope, @PathVariable long id, @RequestParam String transition,
			@RequestParam(required = false) @Nullable String effectiveOn, @RequestParam(required = false) @Nullable String decisionRef,
			@RequestParam(required = false) @Nullable String note, @RequestParam(required = false) @Nullable Long targetOrganizationId,
			@RequestParam(required = false) @Nullable String targetText, @RequestParam(required = false) @Nullable String until) {
		Transition t;
		try {
			t = Transition.valueOf(transition);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInput("Thao tác", "không có thao tác “" + transition + "”");
		}
		try {
			members.transition(scope, id, new MemberManagement.TransitionRequest(t, effectiveOn, decisionRef, note,
					targetOrganizationId, targetText, until));
			return new RedirectView("/members/" + id + "?done=" + t.name());
		}
		catch (InvalidInput e) {
			if (t == Transition.RECEIVE_TRANSFER) {
				throw e;
			}
			return page(scope, members.get(scope, id), e.problems(), null);
		}
	}

	@PostMapping("/members/{id}/positions")
	Object addPosition(Scope scope, @PathVariable long id, @RequestParam String title, @RequestParam long organizationId,
			@RequestParam String startedOn, @RequestParam String decisionRef) {
		try {
			members.addPosition(scope, id, organizationId, title, startedOn, decisionRef);
			return new RedirectView("/members/" + id + "?done=position");
		}
		catch (InvalidInput e) {
			return page(scope, members.get(scope, id), e.problems(), null);
		}
	}

	@PostMapping("/members/{id}/positions/{positionId}/end")
	Object endPosition(Scope scope, @PathVariable long id, @PathVariable long positionId, @RequestParam String endedOn) {
		try {
			members.endPosition(scope, id, positionId, endedOn);
			return new RedirectView("/members/" + id + "?done=position");
		}
		catch (InvalidInput e) {
			return page(scope, members.get(scope, id), e.problems(), null);
		}
	}

	@GetMapping("/members/{id}/photo")
	ResponseEntity<byte[]> photo(Scope scope, @PathVariable long id) {
		byte[] bytes = members.photo(scope, id);
		MediaType type = bytes.length > 3 && (bytes[0] & 0xff) == 0x89 ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG;
		return ResponseEntity.ok().contentType(type).header("Cache-Control", "private, max-age=300").body(bytes);
	}

	@PostMapping("/members/{id}/photo")
	Object uploadPhoto(Scope scope, @PathVariable long id, @RequestParam("photo") MultipartFile file) throws IOException {
		try {
			members.savePhoto(scope, id, file.getContentType() == null ? "" : file.getContentType(), file.getBytes());
			return new RedirectView("/members/" + id + "?done=photo");
		}
		catch (InvalidInput e) {
			return page(scope, members.get(scope, id), e.problems(), null);
		}
	}

	static MemberInput toInput(MemberDetails m) {
		return new MemberInput(m.fullName(), m.birthName(), m.aliases(), m.gender(), vn.dangvu.shared.VnText.date(m.birthDate()),
				m.birthplace(), m.hometown(), m.residence(), m.ethnicity(), m.religion(), m.citizenId(), m.recordNo(),
				m.cardNo(), m.cardIssue(), vn.dangvu.shared.VnText.date(m.admittedOn()), vn.dangvu.shared.VnText.date(m.ceremonyOn()),
				vn.dangvu.shared.VnText.date(m.recognizedOn()), m.standing(), m.education(), m.professional(),
				m.politicalTheory(), m.foreignLanguage(), m.occupation(), m.workplace(), m.phone(), m.email());
	}
}
