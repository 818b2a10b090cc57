package vn.dangvu.evaluations;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The level rules of 366-QĐ/TW as configured: the score bands at their edges, and each condition that caps or forces. */
class ClassificationTests {

	static final List<Classification.Band> BANDS = List.of(new Classification.Band(Grade.HTXSNV, BigDecimal.valueOf(90)),
			new Classification.Band(Grade.HTTNV, BigDecimal.valueOf(70)), new Classification.Band(Grade.HTNV, BigDecimal.valueOf(50)),
			new Classification.Band(Grade.KHTNV, BigDecimal.ZERO));

	static Grade band(String score) {
		return Classification.band(new BigDecimal(score), BANDS);
	}

	@Test
	void scoreBandsAtTheirEdges() {
		assertThat(band("100")).isEqualTo(Grade.HTXSNV);
		assertThat(band("90")).isEqualTo(Grade.HTXSNV);
		assertThat(band("89.99")).isEqualTo(Grade.HTTNV);
		assertThat(band("70")).isEqualTo(Grade.HTTNV);
		assertThat(band("69.5")).isEqualTo(Grade.HTNV);
		assertThat(band("50")).isEqualTo(Grade.HTNV);
		assertThat(band("49.99")).isEqualTo(Grade.KHTNV);
		assertThat(band("0")).isEqualTo(Grade.KHTNV);
	}

	@Test
	void conditionsCapOrForceTheLevel() {
		var none = Classification.ceiling(100, 40, 100, null, null, false, null, 0);
		assertThat(none.reasons()).isEmpty();
		assertThat(none.apply(Grade.HTXSNV)).isEqualTo(Grade.HTXSNV);

		// Tasks: HTXSNV needs 30 % exceeded, HTTNV 100 % on time, HTNV 100 % done with at most 20 % late.
		assertThat(Classification.ceiling(100, 29, 100, null, null, false, null, 0).apply(Grade.HTXSNV)).isEqualTo(Grade.HTTNV);
		assertThat(Classification.ceiling(99, 40, 100, null, null, false, null, 0).apply(Grade.HTXSNV)).isEqualTo(Grade.HTNV);
		assertThat(Classification.ceiling(80, 40, 100, null, null, false, null, 0).apply(Grade.HTTNV)).isEqualTo(Grade.HTNV);
		assertThat(Classification.ceiling(79, 40, 100, null, null, false, null, 0).forced()).isTrue();
		assertThat(Classification.ceiling(100, 40, 99, null, null, false, null, 0).apply(Grade.HTXSNV)).isEqualTo(Grade.KHTNV);

		// Shortcomings pointed out before and still open hold back HTXSNV only.
		var open = Classification.ceiling(100, 40, 100, null, null, false, null, 2);
		assertThat(open.apply(Grade.HTXSNV)).isEqualTo(Grade.HTTNV);
		assertThat(open.apply(Grade.HTNV)).isEqualTo(Grade.HTNV);
		assertThat(open.reasons()).singleElement().asString().contains("2 hạn chế");

		// Recorded conclusions: a discipline or a concluded degradation forces KHTNV, with its reference in the reason.
		var disciplined = Classification.ceiling(100, 40, 100, "12-QĐ/UBKT", null, false, null, 0);
		assertThat(disciplined.forced()).isTrue();
		assertThat(disciplined.apply(Grade.HTXSNV)).isEqualTo(Grade.KHTNV);
		assertThat(disciplined.reasons()).singleElement().asString().contains("12-QĐ/UBKT");
		assertThat(Classification.ceiling(100, 40, 100, null, "KL 5-KL/ĐU", false, null, 0).forced()).isTrue();

		// The civil-service level: KHTNV forces KHTNV; anything below HTXSNV caps at HTTNV; ignored if not a civil servant.
		assertThat(Classification.ceiling(100, 40, 100, null, null, true, Grade.KHTNV, 0).forced()).isTrue();
		assertThat(Classification.ceiling(100, 40, 100, null, null, true, Grade.HTNV, 0).apply(Grade.HTXSNV)).isEqualTo(Grade.HTTNV);
		assertThat(Classification.ceiling(100, 40, 100, null, null, true, Grade.HTXSNV, 0).apply(Grade.HTXSNV)).isEqualTo(Grade.HTXSNV);
		assertThat(Classification.ceiling(100, 40, 100, null, null, false, Grade.KHTNV, 0).forced()).isFalse();
	}
}
