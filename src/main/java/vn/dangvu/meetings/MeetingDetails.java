package vn.dangvu.meetings;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Everything a meeting page shows, read after one scope check, with what the user may do on it. */
public record MeetingDetails(Meeting meeting, List<String> agenda, List<Material> materials, List<Attendee> attendees,
		List<Guest> guests, @Nullable Minutes minutes, List<Minutes> revisions, List<MeetingTask> tasks,
		List<MeetingTask> followUps, List<Visit> visits, List<Criterion> rubric, String rubricReference,
		boolean canWrite, @Nullable Attendee self, @Nullable Assignment myAssignment, @Nullable String publishWarning) {

	public record Material(long id, long meetingId, @Nullable Integer agendaPosition, String fileName, String contentType,
			long size, Instant uploadedAt) {
	}

	/** Materials attached to agenda item {@code position} (1-based), or to the whole meeting when null. */
	public List<Material> materialsOf(@Nullable Integer position) {
		return materials.stream().filter(x -> java.util.Objects.equals(x.agendaPosition(), position)).toList();
	}

	public record Guest(long id, String name, @Nullable String role, @Nullable Long assignmentId) {
	}

	public record Visit(long assignmentId, long meetingId, String memberName, String report, Instant recordedAt) {
	}

	public record Criterion(String code, String label, int max) {
	}

	/** Those present, who may chair, keep the minutes, speak or be given tasks. */
	public List<Attendee> present() {
		return attendees.stream().filter(a -> "PRESENT".equals(a.status())).toList();
	}

	/** The invited member can still send an excuse. */
	public boolean canExcuse() {
		return self != null && !self.exempt() && meeting.open();
	}

	public boolean canRecordVisit() {
		return myAssignment != null && meeting.held() && visits.stream().noneMatch(v -> v.assignmentId() == myAssignment.id());
	}
}
