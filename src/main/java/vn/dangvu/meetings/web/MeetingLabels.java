package vn.dangvu.meetings.web;

import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;
import vn.dangvu.meetings.Attendee;
import vn.dangvu.meetings.Meeting;
import vn.dangvu.meetings.MeetingKind;
import vn.dangvu.meetings.MeetingTask;
import vn.dangvu.shared.T;

/** Labels for the meeting templates, in the request's language. */
public final class MeetingLabels {

	private static final String[] WEEKDAYS_VI = { "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật" };
	private static final String[] WEEKDAYS_EN = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };

	private MeetingLabels() {
	}

	public static String kind(MeetingKind k) {
		return T.en() ? k.en() : k.vi();
	}

	public static String status(Meeting m) {
		return T.en() ? Meeting.statusEn(m.status()) : Meeting.statusVi(m.status());
	}

	public static String attendance(@Nullable String status) {
		return T.en() ? Attendee.statusEn(status) : Attendee.statusVi(status);
	}

	public static String band(@Nullable String band) {
		return T.en() ? Meeting.bandEn(band) : Meeting.bandVi(band);
	}

	public static String task(String status) {
		return T.en() ? switch (status) {
			case "OPEN" -> "Open";
			case "DONE" -> "Done";
			case "DROPPED" -> "Dropped";
			default -> status;
		} : MeetingTask.statusVi(status);
	}

	public static String time(@Nullable LocalTime t) {
		if (t == null) {
			return "";
		}
		// by hand: String.format builds a Formatter per call, a visible share of a meeting page's CPU
		int h = t.getHour(), m = t.getMinute();
		return new String(new char[] { (char) ('0' + h / 10), (char) ('0' + h % 10), ':', (char) ('0' + m / 10),
				(char) ('0' + m % 10) });
	}

	/** "Thứ Năm, 04/12/2026". */
	public static String day(LocalDate d) {
		int i = d.getDayOfWeek().getValue() - 1;
		return (T.en() ? WEEKDAYS_EN[i] : WEEKDAYS_VI[i]) + ", " + T.d(d);
	}

	public static String yesNo(@Nullable Boolean b) {
		return b == null ? "—" : b ? T.vi("Đạt", "Met") : T.vi("Không đạt", "Not met");
	}

	public static String pct(@Nullable Double d) {
		if (d == null) {
			return "—";
		}
		// one decimal, rounded half up, with the Vietnamese decimal comma: 85,7%
		long tenths = java.math.BigDecimal.valueOf(Math.abs(d)).setScale(1, java.math.RoundingMode.HALF_UP).unscaledValue()
			.longValue();
		return (d < 0 && tenths > 0 ? "-" : "") + (tenths / 10) + "," + (tenths % 10) + "%";
	}

	public static String standing(String s) {
		return switch (s) {
			case "OFFICIAL" -> T.vi("Chính thức", "Full member");
			case "PROBATIONARY" -> T.vi("Dự bị", "Probationary");
			case "EXEMPT" -> T.vi("Miễn sinh hoạt", "Exempt");
			case "TEMPORARY" -> T.vi("Sinh hoạt tạm thời", "Temporary");
			default -> s;
		};
	}

	public static String size(long bytes) {
		return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes / 1024) + " KB" : String.format("%.1f MB", bytes / 1048576.0);
	}
}
