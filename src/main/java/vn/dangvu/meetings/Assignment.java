package vn.dangvu.meetings;

import org.jspecify.annotations.Nullable;

/**
 * A higher-level committee member assigned to follow a cell for a year (or a quarter), with the number of the
 * cell's meetings they plan to attend, those they recorded attending, and the provincial minimum for their level.
 */
public record Assignment(long id, long committeeId, String committeeLevel, long memberId, String memberName,
		long cellId, String cellName, int year, @Nullable Integer quarter, int planned, int attended,
		@Nullable Integer minimumPerYear) {

	public boolean belowMinimum() {
		return quarter == null && minimumPerYear != null && planned < minimumPerYear;
	}

	public boolean behind() {
		return attended < planned;
	}
}
