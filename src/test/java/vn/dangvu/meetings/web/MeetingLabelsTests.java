package vn.dangvu.meetings.web;

import java.time.LocalTime;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written formats of times and percentages give what {@code String.format} gave. */
class MeetingLabelsTests {

	@Test
	void timesAndPercentagesReadAsBefore() {
		for (int h = 0; h < 24; h++) {
			for (int m = 0; m < 60; m++) {
				assertThat(MeetingLabels.time(LocalTime.of(h, m))).isEqualTo(String.format("%02d:%02d", h, m));
			}
		}
		assertThat(MeetingLabels.time(null)).isEmpty();
		Locale vi = Locale.forLanguageTag("vi-VN");
		Random r = new Random(42);
		for (int i = 0; i < 100_000; i++) {
			double d = i < 2_000 ? i / 20.0 : r.nextDouble() * 100;
			assertThat(MeetingLabels.pct(d)).as("%s", d).isEqualTo(String.format(vi, "%.1f%%", d));
		}
		for (double d : new double[] { 0, 0.05, 0.15, 85.25, 85.35, 99.95, 100, 2 * 100.0 / 3, 7 * 100.0 / 30 }) {
			assertThat(MeetingLabels.pct(d)).as("%s", d).isEqualTo(String.format(vi, "%.1f%%", d));
		}
		assertThat(MeetingLabels.pct(85.7)).isEqualTo("85,7%");
		assertThat(MeetingLabels.pct(null)).isEqualTo("—");
	}
}
