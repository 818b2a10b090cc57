package vn.dangvu.evaluations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A leader's Q1–Q3 results of the year beside the year-end evaluation: with no separate Q4 evaluation, they and the
 * Q4 task results are the basis of the year's level (HD 43-HD/BTCTW). The reference score is the mean of the decided
 * quarters' scores and the year-end score (the regulation's configured rule, {@code quarter_basis = MEAN}); the
 * reference level is its band. Appraising the year above the reference level needs a written reason.
 */
public record QuarterBasis(int year, List<Quarter> quarters, @Nullable BigDecimal yearTotal, @Nullable BigDecimal reference,
		@Nullable Grade referenceLevel, String rule) {

	/** One quarter: its evaluation if there is one (decided or not). */
	public record Quarter(int quarter, @Nullable Evaluation evaluation) {

		public boolean decided() {
			return evaluation != null && evaluation.level() != null;
		}

		/** The score the quarter was decided on: the appraisal's re-score if any, else the self-assessment. */
		public @Nullable BigDecimal total() {
			if (!decided()) {
				return null;
			}
			return evaluation.appraisalTotal() != null ? evaluation.appraisalTotal() : evaluation.selfTotal();
		}
	}

	/**
	 * Null when the subject has no quarterly evaluation in the cycle's year. {@code yearTotal}, when given, stands for
	 * the year-end score (an appraisal re-scoring it).
	 */
	static @Nullable QuarterBasis of(Cycle c, Evaluation e, List<Evaluation> ofMember, List<Classification.Band> bands, String rule,
			@Nullable BigDecimal yearTotal) {
		if (!"ANNUAL".equals(c.kind()) || !e.member()) {
			return null;
		}
		List<Quarter> quarters = new ArrayList<>();
		boolean any = false;
		for (int q = 1; q <= 3; q++) {
			String period = c.year() + "-Q" + q;
			Evaluation found = ofMember.stream().filter(x -> x.period().equals(period)).findFirst().orElse(null);
			any |= found != null;
			quarters.add(new Quarter(q, found));
		}
		if (!any) {
			return null;
		}
		BigDecimal year = yearTotal != null ? yearTotal : e.appraisalTotal() != null ? e.appraisalTotal() : e.selfTotal();
		List<BigDecimal> scores = new ArrayList<>(quarters.stream().map(Quarter::total).filter(t -> t != null).toList());
		if (year != null) {
			scores.add(year);
		}
		BigDecimal reference = null;
		Grade level = null;
		if (year != null) {
			reference = scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
				.divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
			level = Classification.band(reference, bands);
		}
		return new QuarterBasis(c.year(), quarters, year, reference, level, rule);
	}

	public List<Integer> missing() {
		return quarters.stream().filter(q -> !q.decided()).map(Quarter::quarter).toList();
	}
}
