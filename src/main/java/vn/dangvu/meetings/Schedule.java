package vn.dangvu.meetings;

import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/**
 * A cell's schedule rule: the regular meeting on a day of each month (moved to the next working day when it falls
 * on a weekend or holiday), and a thematic meeting on a day of one month in each quarter.
 */
public record Schedule(long organizationId, int dayOfMonth, LocalTime startTime, String place,
		@Nullable Integer thematicDay, int thematicMonth) {
}
