package vn.dangvu.meetings;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One invited member and what was recorded for them: PRESENT, EXCUSED, UNEXCUSED, EXEMPT, or null (not yet). */
public record Attendee(long memberId, String fullName, String standing, @Nullable String status, @Nullable String reason,
		@Nullable Instant excusedAt) {

	public boolean exempt() {
		return "EXEMPT".equals(standing);
	}

	public static String statusVi(@Nullable String status) {
		return status == null ? "Chưa ghi" : switch (status) {
			case "PRESENT" -> "Có mặt";
			case "EXCUSED" -> "Vắng có lý do";
			case "UNEXCUSED" -> "Vắng không lý do";
			case "EXEMPT" -> "Miễn sinh hoạt";
			default -> status;
		};
	}

	public static String statusEn(@Nullable String status) {
		return status == null ? "Not recorded" : switch (status) {
			case "PRESENT" -> "Present";
			case "EXCUSED" -> "Absent, excused";
			case "UNEXCUSED" -> "Absent, no excuse";
			case "EXEMPT" -> "Exempt";
			default -> status;
		};
	}
}
