package vn.dangvu.meetings.web;

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
import vn.dangvu.meetings.Assignment;
import vn.dangvu.meetings.Meeting;
import vn.dangvu.meetings.MeetingDetails;
import vn.dangvu.meetings.MeetingInput;
import vn.dangvu.meetings.MeetingManagement;
import vn.dangvu.meetings.MeetingStats;
import vn.dangvu.meetings.Minutes;
import vn.dangvu.meetings.MinutesInput;
import vn.dangvu.meetings.MyMeetings;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

/** Meetings through {@code /api/v1}: the same use cases and scope rules as the pages. */
@RestController
@RequestMapping("/api/v1")
class MeetingApi {

	private final MeetingManagement meetings;
	private final vn.dangvu.meetings.StudyManagement studies;

	MeetingApi(MeetingManagement meetings, vn.dangvu.meetings.StudyManagement studies) {
		this.meetings = meetings;
		this.studies = studies;
	}

	@GetMapping("/organizations/{id}/studies")
	List<vn.dangvu.meetings.StudyManagement.Study> studies(Scope scope, @PathVariable long id) {
		return studies.applying(scope, id);
	}

	@GetMapping("/organizations/{id}/study-progress")
	List<vn.dangvu.meetings.StudyManagement.StudyProgress> studyProgress(Scope scope, @PathVariable long id) {
		return studies.recent(scope, id, 50);
	}

	@GetMapping("/studies/{id}/progress")
	vn.dangvu.meetings.StudyManagement.StudyView study(Scope scope, @PathVariable long id, @RequestParam long org) {
		return studies.view(scope, id, org);
	}

	@GetMapping("/organizations/{id}/meetings")
	List<Meeting> list(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable Integer year) {
		return meetings.list(scope, id, year == null ? VnText.today().getYear() : year);
	}

	@PostMapping("/organizations/{id}/meetings")
	ResponseEntity<Meeting> create(Scope scope, @PathVariable long id, @RequestBody MeetingInput body) {
		long created = meetings.create(scope, id, new MeetingInput(body.kind(), body.date(), body.time(), body.place(),
				body.online(), body.topic(), body.agenda() == null ? List.of() : body.agenda()));
		return ResponseEntity.created(URI.create("/api/v1/meetings/" + created)).body(meetings.get(scope, created));
	}

	@GetMapping("/meetings/{id}")
	MeetingDetails get(Scope scope, @PathVariable long id) {
		return meetings.details(scope, id);
	}

	@PostMapping("/meetings/{id}/publish")
	Meeting publish(Scope scope, @PathVariable long id) {
		meetings.publish(scope, id);
		return meetings.get(scope, id);
	}

	record AttendanceBody(@Nullable Map<Long, String> statuses, @Nullable Map<Long, String> reasons) {
	}

	@PutMapping("/meetings/{id}/attendance")
	Meeting attendance(Scope scope, @PathVariable long id, @RequestBody AttendanceBody body) {
		meetings.recordAttendance(scope, id, body.statuses() == null ? Map.of() : body.statuses(),
				body.reasons() == null ? Map.of() : body.reasons());
		return meetings.get(scope, id);
	}

	record ExcuseBody(@Nullable String reason) {
	}

	@PostMapping("/meetings/{id}/excuse")
	ResponseEntity<Void> excuse(Scope scope, @PathVariable long id, @RequestBody ExcuseBody body) {
		meetings.excuse(scope, id, body.reason());
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/meetings/{id}/minutes")
	@Nullable
	Minutes minutes(Scope scope, @PathVariable long id, @RequestBody MinutesInput body) {
		meetings.saveMinutes(scope, id, new MinutesInput(body.chairId(), body.secretaryId(), body.reportSummary(),
				body.discussion() == null ? List.of() : body.discussion(), body.conclusions(),
				body.votes() == null ? List.of() : body.votes(), body.tasks() == null ? List.of() : body.tasks(),
				body.scores() == null ? Map.of() : body.scores(), body.closedAt()));
		return meetings.minutes(scope, id, null);
	}

	record SignBody(String as) {
	}

	@PostMapping("/meetings/{id}/minutes/sign")
	@Nullable
	Minutes sign(Scope scope, @PathVariable long id, @RequestBody SignBody body) {
		meetings.sign(scope, id, body.as());
		return meetings.minutes(scope, id, null);
	}

	@GetMapping("/organizations/{id}/meeting-stats")
	MeetingStats stats(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable Integer year) {
		return meetings.stats(scope, id, year == null ? VnText.today().getYear() : year);
	}

	@GetMapping("/organizations/{id}/assignments")
	List<Assignment> assignments(Scope scope, @PathVariable long id, @RequestParam(required = false) @Nullable Integer year) {
		return meetings.assignments(scope, id, year == null ? VnText.today().getYear() : year);
	}

	@GetMapping("/me/meetings")
	MyMeetings mine(Scope scope) {
		return meetings.mine(scope);
	}
}
