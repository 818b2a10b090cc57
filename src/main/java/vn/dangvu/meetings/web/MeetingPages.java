package vn.dangvu.meetings.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import vn.dangvu.meetings.Meeting;
import vn.dangvu.meetings.MeetingDetails;
import vn.dangvu.meetings.MeetingInput;
import vn.dangvu.meetings.MeetingKind;
import vn.dangvu.meetings.ReviewManagement;
import vn.dangvu.meetings.MeetingManagement;
import vn.dangvu.meetings.Minutes;
import vn.dangvu.meetings.MinutesInput;
import vn.dangvu.organizations.OrganizationSummary;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

/** Pages of cell meetings: the cell's meetings, one meeting, attendance, minutes, the member's own view. */
@Controller
class MeetingPages {

	private final MeetingManagement meetings;
	private final ReviewManagement reviews;

	MeetingPages(MeetingManagement meetings, ReviewManagement reviews) {
		this.meetings = meetings;
		this.reviews = reviews;
	}

	/** Runs a change; on refused input shows the page again with the problems, status 422, nothing written. */
	private static Object attempt(Runnable change, String done, Supplier<ModelAndView> page, Map<String, Object> extra) {
		return attemptTo(() -> {
			change.run();
			return done;
		}, page, extra);
	}

	/** The same, for a change that decides where to go next (the page of what it created). */
	static Object attemptTo(Supplier<String> change, Supplier<ModelAndView> page, Map<String, ?> extra) {
		try {
			return new RedirectView(change.get());
		}
		catch (InvalidInput e) {
			ModelAndView mav = page.get();
			mav.addObject("problems", e.problems());
			extra.forEach(mav::addObject);
			mav.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
			return mav;
		}
	}

	// ------------------------------------------------------------------ a cell's meetings

	@GetMapping("/orgs/{id}/meetings")
	ModelAndView list(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable Integer year) {
		var c = meetings.cellPage(scope, id, year == null ? VnText.today().getYear() : year);
		return new ModelAndView("meetings/list").addObject("org", c.org()).addObject("year", c.year())
			.addObject("meetings", c.meetings()).addObject("canWrite", c.canWrite()).addObject("schedule", c.schedule())
			.addObject("overdue", c.overdue()).addObject("prompts", c.prompts()).addObject("tasks", c.openTasks())
			.addObject("canRead", c.canRead()).addObject("problems", List.of()).addObject("values", Map.of());
	}

	@PostMapping("/orgs/{id}/schedule")
	Object schedule(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable String day,
			@RequestParam(required = false) @Nullable String time, @RequestParam(required = false) @Nullable String place,
			@RequestParam(required = false) @Nullable String thematicDay,
			@RequestParam(required = false) @Nullable String thematicMonth) {
		return attempt(() -> meetings.saveSchedule(scope, id, day, time, place, thematicDay, thematicMonth),
				"/orgs/" + id + "/meetings?done=schedule", () -> list(scope, id, null),
				Map.of("values", values("day", day, "time", time, "place", place, "thematicDay", thematicDay)));
	}

	@PostMapping("/orgs/{id}/meetings")
	Object create(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String date, @RequestParam(required = false) @Nullable String time,
			@RequestParam(required = false) @Nullable String place, @RequestParam(defaultValue = "false") boolean online,
			@RequestParam(required = false) @Nullable String topic, @RequestParam(required = false) @Nullable String agenda,
			@RequestParam(required = false) @Nullable String campaign) {
		return attemptTo(() -> "/meetings/" + meetings.create(scope, id, new MeetingInput(kind, date, time, place, online, topic,
				lines(agenda), campaign)) + "?done=create", () -> list(scope, id, null),
				Map.of("values", values("kind", kind, "date", date, "time", time, "place", place, "topic", topic, "agenda", agenda)));
	}

	// ------------------------------------------------------------------ one meeting

	@GetMapping("/meetings/{id}")
	ModelAndView show(Scope scope, @PathVariable long id) {
		MeetingDetails d = meetings.details(scope, id);
		return new ModelAndView("meetings/show").addObject("d", d)
			.addObject("review", d.meeting().kind() == MeetingKind.REVIEW ? reviews.review(scope, id) : null)
			.addObject("problems", List.of()).addObject("values", Map.of());
	}

	// ------------------------------------------------------------------ review sessions

	/** The self-review form: one field per question of the configured form, {@code a_<code>}. */
	@PostMapping("/meetings/{id}/self-review")
	Object selfReview(Scope scope, @PathVariable long id, @RequestParam Map<String, String> form) {
		Map<String, String> answers = new HashMap<>();
		form.forEach((k, v) -> {
			if (k.startsWith("a_")) {
				answers.put(k.substring(2), v);
			}
		});
		return attempt(() -> reviews.submit(scope, id, answers), "/meetings/" + id + "?done=self-review#review",
				() -> show(scope, id), Map.of("values", form));
	}

	@PostMapping("/meetings/{id}/review-comments")
	Object reviewComment(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable Long memberId,
			@RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) @Nullable String speaker,
			@RequestParam(required = false) @Nullable String content) {
		return attempt(() -> reviews.comment(scope, id, memberId, kind, speaker, content),
				"/meetings/" + id + "?done=comment#review", () -> show(scope, id), Map.of());
	}

	@PostMapping("/meetings/{id}/remediations")
	Object remediation(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable Long memberId,
			@RequestParam(required = false) @Nullable String shortcoming, @RequestParam(required = false) @Nullable String measure,
			@RequestParam(required = false) @Nullable String dueOn) {
		return attempt(() -> reviews.addRemediation(scope, id, memberId, shortcoming, measure, dueOn),
				"/meetings/" + id + "?done=remediation#review", () -> show(scope, id), Map.of());
	}

	@PostMapping("/meetings/{id}/remediations/{rid}/close")
	Object closeRemediation(Scope scope, @PathVariable long id, @PathVariable long rid,
			@RequestParam(required = false) @Nullable String note) {
		return attempt(() -> reviews.close(scope, id, rid, note), "/meetings/" + id + "?done=remediation#review",
				() -> show(scope, id), Map.of());
	}

	@PostMapping("/meetings/{id}")
	Object update(Scope scope, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) @Nullable String date,
			@RequestParam(required = false) @Nullable String time, @RequestParam(required = false) @Nullable String place,
			@RequestParam(defaultValue = "false") boolean online, @RequestParam(required = false) @Nullable String topic,
			@RequestParam(required = false) @Nullable String agenda, @RequestParam(required = false) @Nullable String campaign) {
		return attempt(() -> meetings.update(scope, id, version, new MeetingInput(kind, date, time, place, online, topic,
				lines(agenda), campaign)), "/meetings/" + id + "?done=update", () -> show(scope, id),
				Map.of("values", values("kind", kind, "date", date, "time", time, "place", place, "topic", topic, "agenda", agenda)));
	}

	@PostMapping("/meetings/{id}/publish")
	Object publish(Scope scope, @PathVariable long id) {
		return attempt(() -> meetings.publish(scope, id), "/meetings/" + id + "?done=publish", () -> show(scope, id), Map.of());
	}

	@PostMapping("/meetings/{id}/cancel")
	Object cancel(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable String reason) {
		return attempt(() -> meetings.cancel(scope, id, reason), "/meetings/" + id + "?done=cancel", () -> show(scope, id), Map.of());
	}

	@PostMapping("/meetings/{id}/materials")
	Object material(Scope scope, @PathVariable long id, @RequestParam("file") MultipartFile file,
			@RequestParam(required = false) @Nullable Integer item) throws IOException {
		byte[] bytes = file.getBytes();
		String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
		String type = file.getContentType() == null ? "" : file.getContentType();
		return attempt(() -> meetings.addMaterial(scope, id, item, name, type, bytes), "/meetings/" + id + "?done=material",
				() -> show(scope, id), Map.of());
	}

	@GetMapping("/materials/{id}")
	void download(Scope scope, @PathVariable long id, HttpServletResponse response) {
		meetings.material(scope, id, bytes -> {
			try {
				response.getOutputStream().write(bytes);
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}, (name, type) -> {
			response.setContentType(type);
			response.setHeader("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
				.filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString());
			response.setHeader("X-Content-Type-Options", "nosniff");
		});
	}

	@PostMapping("/meetings/{id}/guests")
	Object guest(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String role) {
		return attempt(() -> meetings.addGuest(scope, id, name, role), "/meetings/" + id + "?done=guest", () -> show(scope, id),
				Map.of());
	}

	@PostMapping("/meetings/{id}/excuse")
	Object excuse(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable String reason) {
		return attempt(() -> meetings.excuse(scope, id, reason), "/meetings/" + id + "?done=excuse", () -> show(scope, id), Map.of());
	}

	@PostMapping("/meetings/{id}/visit")
	Object visit(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable String report) {
		return attempt(() -> meetings.recordVisit(scope, id, report), "/meetings/" + id + "?done=visit", () -> show(scope, id),
				Map.of());
	}

	@PostMapping("/meetings/{id}/tasks/{taskId}")
	Object closeTask(Scope scope, @PathVariable long id, @PathVariable long taskId,
			@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable String note) {
		return attempt(() -> meetings.closeTask(scope, id, taskId, status, note), "/meetings/" + id + "?done=task#follow-up",
				() -> show(scope, id), Map.of());
	}

	// ------------------------------------------------------------------ attendance

	private MeetingDetails forWriting(Scope scope, long id) {
		MeetingDetails d = meetings.details(scope, id);
		if (!d.canWrite()) {
			throw new vn.dangvu.shared.Denied("Chỉ bí thư, phó bí thư chi bộ (hoặc cán bộ cấp ủy) mới được ghi.");
		}
		return d;
	}

	@GetMapping("/meetings/{id}/attendance")
	ModelAndView attendance(Scope scope, @PathVariable long id) {
		return new ModelAndView("meetings/attendance").addObject("d", forWriting(scope, id))
			.addObject("problems", List.of()).addObject("values", Map.of());
	}

	/** One field per member: {@code s<memberId>} = status, {@code r<memberId>} = reason. */
	@PostMapping("/meetings/{id}/attendance")
	Object record(Scope scope, @PathVariable long id, @RequestParam Map<String, String> form) {
		Map<Long, String> statuses = new LinkedHashMap<>();
		Map<Long, String> reasons = new HashMap<>();
		for (var e : form.entrySet()) {
			String k = e.getKey();
			if (memberField(k)) {
				long memberId = Long.parseLong(k.substring(1));
				(k.charAt(0) == 's' ? statuses : reasons).put(memberId, e.getValue());
			}
		}
		Map<String, String> values = new HashMap<>();
		form.forEach((k, v) -> values.put(k, v));
		return attempt(() -> meetings.recordAttendance(scope, id, statuses, reasons), "/meetings/" + id + "?done=attendance",
				() -> attendance(scope, id), Map.of("values", values));
	}

	/** {@code s<memberId>} or {@code r<memberId>}: a letter and 1–18 digits (checked without a regular expression). */
	static boolean memberField(String k) {
		int n = k.length();
		if (n < 2 || n > 19 || (k.charAt(0) != 's' && k.charAt(0) != 'r')) {
			return false;
		}
		for (int i = 1; i < n; i++) {
			if (k.charAt(i) < '0' || k.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	// ------------------------------------------------------------------ minutes

	static final int BLANK_ROWS = 3;

	@GetMapping("/meetings/{id}/minutes")
	ModelAndView minutesForm(Scope scope, @PathVariable long id) {
		MeetingDetails d = forWriting(scope, id);
		return new ModelAndView("meetings/minutes_form").addObject("d", d).addObject("form", MinutesForm.of(d.minutes()))
			.addObject("problems", List.of());
	}

	@PostMapping("/meetings/{id}/minutes")
	Object saveMinutes(Scope scope, @PathVariable long id, @RequestParam Map<String, String> form) {
		MinutesInput input = MinutesForm.input(form);
		String reason = form.get("reason");
		boolean amend = "amend".equals(form.get("mode"));
		return attempt(() -> {
			if (amend) {
				meetings.amend(scope, id, input, reason);
			}
			else {
				meetings.saveMinutes(scope, id, input);
			}
		}, "/meetings/" + id + "?done=minutes#minutes", () -> new ModelAndView("meetings/minutes_form")
			.addObject("d", meetings.details(scope, id)), Map.of("form", MinutesForm.of(form)));
	}

	@PostMapping("/meetings/{id}/minutes/sign")
	Object sign(Scope scope, @PathVariable long id, @RequestParam(defaultValue = "") String as) {
		return attempt(() -> meetings.sign(scope, id, as), "/meetings/" + id + "?done=sign#minutes", () -> show(scope, id), Map.of());
	}

	@GetMapping("/meetings/{id}/minutes.pdf")
	void pdf(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable Integer revision,
			HttpServletResponse response) throws IOException {
		MeetingDetails d = meetings.details(scope, id);
		Minutes minutes = meetings.minutes(scope, id, revision);
		if (minutes == null) {
			throw new vn.dangvu.shared.NotFound("minutes " + id);
		}
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", "inline; filename=\"bien-ban-" + id + "-" + minutes.revision() + ".pdf\"");
		MinutesPdf.write(d, minutes, response.getOutputStream());
	}

	// ------------------------------------------------------------------ the member's own view

	@GetMapping("/meetings/mine")
	ModelAndView mine(Scope scope) {
		return new ModelAndView("meetings/mine").addObject("my", meetings.mine(scope));
	}

	// ------------------------------------------------------------------ helpers

	static List<String> lines(@Nullable String text) {
		if (text == null) {
			return List.of();
		}
		List<String> out = new ArrayList<>();
		for (String l : text.split("\\R")) {
			if (!l.isBlank()) {
				out.add(l.trim());
			}
		}
		return out;
	}

	static Map<String, String> values(@Nullable String... kv) {
		Map<String, String> m = new HashMap<>();
		for (int i = 0; i + 1 < kv.length; i += 2) {
			m.put(kv[i], kv[i + 1] == null ? "" : kv[i + 1]);
		}
		return m;
	}
}
