package vn.dangvu.meetings;

/** Kinds of meeting (DOMAIN §2.2–2.3). Regular and thematic meetings are the ones a cell is expected to hold. */
public enum MeetingKind {

	REGULAR("Sinh hoạt thường kỳ", "Regular meeting"),
	THEMATIC("Sinh hoạt chuyên đề", "Thematic meeting"),
	COMMITTEE("Họp chi ủy (chuẩn bị)", "Cell committee (preparatory)"),
	PLENARY("Hội nghị đảng viên đảng bộ cơ sở", "Grassroots plenary"),
	EXTRAORDINARY("Sinh hoạt bất thường", "Extraordinary meeting"),
	REVIEW("Sinh hoạt kiểm điểm tự phê bình và phê bình", "Self-criticism and criticism review"),
	STUDY("Học tập, quán triệt nghị quyết", "Study session");

	private final String vi;
	private final String en;

	MeetingKind(String vi, String en) {
		this.vi = vi;
		this.en = en;
	}

	public String vi() {
		return vi;
	}

	public String en() {
		return en;
	}

	/** Kinds a secretary creates from the meeting form (study sessions are created from their study). */
	public boolean general() {
		return this != STUDY;
	}

	public boolean expected() {
		return this == REGULAR || this == THEMATIC;
	}
}
