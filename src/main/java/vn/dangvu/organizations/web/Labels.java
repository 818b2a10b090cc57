package vn.dangvu.organizations.web;

import org.jspecify.annotations.Nullable;
import vn.dangvu.organizations.Level;
import vn.dangvu.organizations.MemberStatus;
import vn.dangvu.shared.T;

/** Words the templates show for codes, in the request's language. */
public final class Labels {

	private Labels() {
	}

	public static String level(Level l) {
		return T.vi(l.vi(), l.en());
	}

	public static String status(MemberStatus s) {
		return T.vi(s.vi(), s.en());
	}

	public static String status(String code) {
		try {
			return status(MemberStatus.valueOf(code));
		}
		catch (IllegalArgumentException e) {
			return code;
		}
	}

	public static String orgStatus(String s) {
		return switch (s) {
			case "DISSOLVED" -> T.vi("Đã giải thể", "Dissolved");
			case "MERGED" -> T.vi("Đã hợp nhất", "Merged");
			case "SPLIT" -> T.vi("Đã chia tách", "Split");
			default -> T.vi("Đang hoạt động", "Active");
		};
	}

	public static String kind(@Nullable String k) {
		if (k == null) {
			return "";
		}
		return "RESIDENTIAL".equals(k) ? T.vi("Khu dân cư", "Residential") : T.vi("Cơ quan, đơn vị", "Workplace");
	}

	public static String gender(String g) {
		return "M".equals(g) ? T.vi("Nam", "Male") : T.vi("Nữ", "Female");
	}

	public static String event(String kind) {
		return switch (kind) {
			case "CREATE" -> T.vi("Thành lập", "Created");
			case "RENAME" -> T.vi("Đổi tên", "Renamed");
			case "MOVE" -> T.vi("Chuyển trực thuộc", "Moved");
			case "MERGE" -> T.vi("Hợp nhất", "Merged");
			case "SPLIT" -> T.vi("Chia tách", "Split");
			case "DISSOLVE" -> T.vi("Giải thể", "Dissolved");
			default -> kind;
		};
	}
}
