package vn.dangvu.meetings;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A task assigned at a meeting, open until a later meeting records it done or dropped. */
public record MeetingTask(long id, long meetingId, LocalDate meetingDate, long organizationId, long memberId,
		String memberName, String content, @Nullable LocalDate dueOn, String status, @Nullable Instant closedAt,
		@Nullable Long closedInMeetingId, @Nullable String note) {

	public boolean open() {
		return "OPEN".equals(status);
	}

	public boolean overdue(LocalDate today) {
		return open() && dueOn != null && dueOn.isBefore(today);
	}

	public static String statusVi(String status) {
		return switch (status) {
			case "OPEN" -> "Đang thực hiện";
			case "DONE" -> "Đã hoàn thành";
			case "DROPPED" -> "Không thực hiện";
			default -> status;
		};
	}
}
