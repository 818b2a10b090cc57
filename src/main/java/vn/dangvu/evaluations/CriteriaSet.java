package vn.dangvu.evaluations;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A versioned criteria set for one subject group, for the country ({@code orgPath} null) or a province or unit. */
public record CriteriaSet(long id, @Nullable String orgPath, SubjectGroup group, int version, String name,
		List<Criterion> criteria, @Nullable Instant frozenAt) {

	public BigDecimal total(String group) {
		return criteria.stream().filter(c -> c.group().equals(group)).map(Criterion::max).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	public boolean frozen() {
		return frozenAt != null;
	}
}
