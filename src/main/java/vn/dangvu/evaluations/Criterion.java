package vn.dangvu.evaluations;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** One criterion of a set: GENERAL (the 30 points) or RESULTS (the 70 points), with its maximum. */
public record Criterion(String code, String group, String label, BigDecimal max, @Nullable String guidance) {
}
