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
		List<Long> subjectMembers, java.util.Map<String, String> orderRules) {

	/** The order rules, in the order the guidance gives them. */
	public static final List<String> ORDER_RULES = List.of("LOWER_FIRST", "COLLECTIVE_FIRST", "HEADS_LAST", "PLACES_FIRST");

	public static final java.util.Map<String, String> ORDER_RULE_LABELS = java.util.Map.of("LOWER_FIRST",
			"Cấp dưới trước, cấp trên sau", "COLLECTIVE_FIRST", "Tập thể trước, cá nhân sau", "HEADS_LAST",
			"Người đứng đầu sau tổ chức mình phụ trách", "PLACES_FIRST", "Kiểm điểm ở từng nơi giữ chức vụ trước khi quyết định");

	/** OFF, WARN or REFUSE: the rule's own setting, else the cycle's. */
	public String orderFor(String rule) {
		return orderRules.getOrDefault(rule, orderMode);
	}

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
			case "OPENING" -> "Đang lập danh sách đối tượng";
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
