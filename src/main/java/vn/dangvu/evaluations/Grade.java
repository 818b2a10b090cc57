package vn.dangvu.evaluations;

import org.jspecify.annotations.Nullable;

/** The four levels of quality classification (Điều 11, Quy định 366-QĐ/TW), best first. */
public enum Grade {

	HTXSNV("Hoàn thành xuất sắc nhiệm vụ", "Excellently completed duties"),
	HTTNV("Hoàn thành tốt nhiệm vụ", "Well completed duties"),
	HTNV("Hoàn thành nhiệm vụ", "Completed duties"),
	KHTNV("Không hoàn thành nhiệm vụ", "Did not complete duties");

	private final String vi;
	private final String en;

	Grade(String vi, String en) {
		this.vi = vi;
		this.en = en;
	}

	public String vi() {
		return vi;
	}

	public String en() {
		return en;
	}

	/** The lower of two levels. */
	public static Grade worse(Grade a, Grade b) {
		return a.ordinal() >= b.ordinal() ? a : b;
	}

	public boolean above(Grade other) {
		return ordinal() < other.ordinal();
	}

	public static @Nullable Grade of(@Nullable String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		try {
			return valueOf(code.trim());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
