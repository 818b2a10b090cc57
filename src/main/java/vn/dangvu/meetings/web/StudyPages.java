package vn.dangvu.meetings.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import vn.dangvu.meetings.MeetingManagement;
import vn.dangvu.meetings.StudyManagement;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.Scope;

/** Studies of a document: those that apply to an organization, one study's progress and sessions. */
@Controller
class StudyPages {

	private final StudyManagement studies;
	private final MeetingManagement meetings;

	StudyPages(StudyManagement studies, MeetingManagement meetings) {
		this.studies = studies;
		this.meetings = meetings;
	}

	@GetMapping("/orgs/{id}/studies")
	ModelAndView list(Scope scope, @PathVariable long id) {
		var org = meetings.organization(scope, id);
		return new ModelAndView("meetings/studies").addObject("org", org).addObject("studies", studies.applying(scope, id))
			.addObject("canWrite", scope.covers(Capability.WRITE_MEMBERS, org.path()) && org.active())
			.addObject("problems", List.of()).addObject("values", Map.of());
	}

	@PostMapping("/orgs/{id}/studies")
	Object create(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String documentRef, @RequestParam(required = false) @Nullable String dueOn) {
		return MeetingPages.attemptTo(() -> "/studies/" + studies.create(scope, id, title, documentRef, dueOn) + "?org=" + id
				+ "&done=create", () -> list(scope, id),
				Map.of("values", MeetingPages.values("title", title, "documentRef", documentRef, "dueOn", dueOn)));
	}

	@GetMapping("/studies/{id}")
	ModelAndView show(Scope scope, @PathVariable long id, @RequestParam long org) {
		return new ModelAndView("meetings/study").addObject("v", studies.view(scope, id, org))
			.addObject("problems", List.of()).addObject("values", Map.of());
	}

	@PostMapping("/studies/{id}/sessions")
	Object session(Scope scope, @PathVariable long id, @RequestParam long orgId, @RequestParam(required = false) @Nullable String date,
			@RequestParam(required = false) @Nullable String time, @RequestParam(required = false) @Nullable String place,
			@RequestParam(defaultValue = "false") boolean makeup) {
		return MeetingPages.attemptTo(() -> "/meetings/" + studies.scheduleSession(scope, id, orgId, date, time, place, makeup)
				+ "?done=create", () -> show(scope, id, orgId),
				Map.of("values", MeetingPages.values("date", date, "time", time, "place", place)));
	}
}
