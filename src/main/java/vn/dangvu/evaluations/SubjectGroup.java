package vn.dangvu.evaluations;

/** Subject groups, each with its form (HD 43-HD/BTCTW) and its criteria set. */
public enum SubjectGroup {

	ORGANIZATION("01", "Tổ chức đảng"),
	COLLECTIVE("01", "Tập thể lãnh đạo, quản lý"),
	LEADER("2A", "Cán bộ lãnh đạo, quản lý"),
	INDIVIDUAL("2B", "Cá nhân không giữ chức vụ lãnh đạo, quản lý"),
	NON_SYSTEM("2C", "Đảng viên không làm việc trong hệ thống chính trị");

	private final String form;
	private final String vi;

	SubjectGroup(String form, String vi) {
		this.form = form;
		this.vi = vi;
	}

	public String form() {
		return form;
	}

	public String vi() {
		return vi;
	}

	public boolean individual() {
		return this == LEADER || this == INDIVIDUAL || this == NON_SYSTEM;
	}
}
