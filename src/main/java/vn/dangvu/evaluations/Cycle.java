package vn.dangvu.evaluations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A review-and-classification cycle opened by an organization for its subtree. */
public record Cycle(long id, long organizationId, String orgPath, String orgName, String kind, int year,
		@Nullable Integer quarter, String period, String title, @Nullable String purpose, String regulation, String status,
		LocalDate selfUntil, LocalDate opinionUntil, @Nullable LocalDate stateUntil, LocalDate appraisalUntil,
		LocalDate decisionUntil, String orderMode, int quotaPercent, String quotaRef, @Nullable Instant openedAt,
		List<Long> subjectMembers) {

	public static final java.util.Map<String, String> KINDS = java.util.Map.of("ANNUAL", "Hằng năm", "QUARTERLY",
			"Hằng quý (cán bộ lãnh đạo)", "TERM", "Theo nhiệm kỳ", "AD_HOC", "Đột xuất (trước bổ nhiệm, điều động…)");

	public boolean open() {
		return "OPEN".equals(status);
	}

	public String kindVi() {
		return KINDS.getOrDefault(kind, kind);
	}

	public String statusVi() {
		return switch (status) {
			case "DRAFT" -> "Chưa mở";
			case "OPEN" -> "Đang thực hiện";
			default -> "Đã kết thúc";
		};
	}

	public @Nullable LocalDate deadline(Step step) {
		return switch (step) {
			case SELF -> selfUntil;
			case OPINION -> opinionUntil;
			case APPRAISAL -> appraisalUntil;
			case DECISION -> decisionUntil;
			default -> null;
		};
	}
}
