package vn.dangvu.evaluations.web;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import vn.dangvu.evaluations.Grade;
import vn.dangvu.evaluations.Step;
import vn.dangvu.shared.T;

/** Words the evaluation pages show, in the user's language. */
public final class EvaluationLabels {

	private EvaluationLabels() {
	}

	public static String grade(@Nullable Grade g) {
		if (g == null) {
			return "–";
		}
		return T.en() ? g.en() : g.vi();
	}

	public static String step(Step s) {
		if (!T.en()) {
			return s.vi();
		}
		return switch (s) {
			case SELF -> "Waiting for self-assessment";
			case OPINION -> "Waiting for the cell's opinion";
			case APPRAISAL -> "Waiting for appraisal";
			case DECISION -> "Waiting for decision";
			case DECIDED -> "Decided";
			case NOT_CLASSIFIED -> "Not classified";
		};
	}

	public static String num(@Nullable BigDecimal b) {
		return b == null ? "–" : b.stripTrailingZeros().toPlainString();
	}

	public static String kind(String subjectKind) {
		return switch (subjectKind) {
			case "ORGANIZATION" -> T.vi("Tổ chức đảng", "Party organizations");
			case "COLLECTIVE" -> T.vi("Tập thể lãnh đạo", "Leadership collectives");
			default -> T.vi("Đảng viên", "Members");
		};
	}
}
