package vn.dangvu.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/** A meeting as its pages show it, with the counts kept from its attendance and the quality criteria met. */
public record Meeting(long id, long organizationId, String orgPath, String orgName, MeetingKind kind, LocalDate date,
		LocalTime startTime, String place, boolean online, @Nullable String topic, String status,
		@Nullable LocalDate publishBy, @Nullable Instant publishedAt, @Nullable String cancelReason, int expected,
		int present, int excused, int unexcused, int exempt, int guests, @Nullable Instant recordedAt,
		@Nullable Boolean quorumMet, @Nullable Boolean qualityAttendance, @Nullable Boolean qualityNoUnexcused,
		@Nullable Boolean qualityExcusedStreak, @Nullable Integer qualityScore, @Nullable String qualityBand, int visits,
		int version, @Nullable String campaign, @Nullable Long studyId, boolean makeup) {

	public boolean held() {
		return "HELD".equals(status);
	}

	public boolean cancelled() {
		return "CANCELLED".equals(status);
	}

	public boolean open() {
		return "PLANNED".equals(status) || "PUBLISHED".equals(status);
	}

	/** Attendance over those expected, in percent (one decimal), or null before attendance is recorded. */
	public @Nullable Double attendanceRate() {
		return recordedAt == null || expected == 0 ? null : Math.round(present * 1000.0 / expected) / 10.0;
	}

	/** All three HD 12 attendance criteria met. */
	public boolean qualityCriteriaMet() {
		return Boolean.TRUE.equals(qualityAttendance) && Boolean.TRUE.equals(qualityNoUnexcused)
				&& Boolean.TRUE.equals(qualityExcusedStreak);
	}

	public static String statusVi(String status) {
		return switch (status) {
			case "PLANNED" -> "Dự kiến (chưa công bố)";
			case "PUBLISHED" -> "Đã thông báo";
			case "HELD" -> "Đã họp";
			case "CANCELLED" -> "Đã hủy";
			default -> status;
		};
	}

	public static String statusEn(String status) {
		return switch (status) {
			case "PLANNED" -> "Planned (not announced)";
			case "PUBLISHED" -> "Announced";
			case "HELD" -> "Held";
			case "CANCELLED" -> "Cancelled";
			default -> status;
		};
	}

	public static String bandVi(@Nullable String band) {
		return band == null ? "" : switch (band) {
			case "GOOD" -> "Tốt";
			case "FAIR" -> "Khá";
			case "AVERAGE" -> "Trung bình";
			case "POOR" -> "Kém";
			default -> band;
		};
	}

	public static String bandEn(@Nullable String band) {
		return band == null ? "" : switch (band) {
			case "GOOD" -> "Good";
			case "FAIR" -> "Fair";
			case "AVERAGE" -> "Average";
			case "POOR" -> "Poor";
			default -> band;
		};
	}
}
