package vn.dangvu.meetings;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A member's own view: next meetings of their cell, their attendance, their tasks, and cells they follow. */
public record MyMeetings(List<Meeting> upcoming, List<History> history, List<MeetingTask> tasks,
		List<Assignment> assignments, List<Meeting> assignedUpcoming) {

	public record History(long meetingId, LocalDate date, MeetingKind kind, String orgName, @Nullable String status,
			@Nullable String reason) {
	}
}
