package vn.dangvu.evaluations;

/** What a subject waits for in its cycle. */
public enum Step {

	SELF("Chờ tự đánh giá"),
	OPINION("Chờ chi bộ/tập thể cho ý kiến"),
	APPRAISAL("Chờ thẩm định"),
	DECISION("Chờ cấp có thẩm quyền quyết định"),
	DECIDED("Đã quyết định xếp loại"),
	NOT_CLASSIFIED("Không xếp loại");

	private final String vi;

	Step(String vi) {
		this.vi = vi;
	}

	public String vi() {
		return vi;
	}
}
