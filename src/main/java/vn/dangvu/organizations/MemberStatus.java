package vn.dangvu.organizations;

/**
 * The status a member is counted and filtered by: their standing (probationary or official) while active,
 * otherwise the side or final state they are in.
 */
public enum MemberStatus {

	PROBATIONARY("Dự bị", "Probationary", false),
	OFFICIAL("Chính thức", "Full member", false),
	ON_LEAVE("Tạm miễn sinh hoạt", "Temporarily excused", false),
	EXEMPT("Miễn công tác và sinh hoạt", "Exempted", false),
	SUSPENDED("Đình chỉ sinh hoạt", "Suspended", false),
	TRANSFERRING("Đang chuyển sinh hoạt đi", "Transferring out", false),
	REMOVED("Đã xóa tên", "Removed from the rolls", true),
	EXPELLED("Đã khai trừ", "Expelled", true),
	LEFT("Đã ra khỏi Đảng", "Left the Party", true),
	DECEASED("Đã từ trần", "Deceased", true);

	private final String vi;
	private final String en;
	private final boolean gone;

	MemberStatus(String vi, String en, boolean gone) {
		this.vi = vi;
		this.en = en;
		this.gone = gone;
	}

	public String vi() {
		return vi;
	}

	public String en() {
		return en;
	}

	public boolean gone() {
		return gone;
	}

	static MemberStatus of(String standing, String status) {
		return "ACTIVE".equals(status) ? valueOf(standing) : valueOf(status);
	}
}
