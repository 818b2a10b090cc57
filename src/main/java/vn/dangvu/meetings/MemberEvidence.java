package vn.dangvu.meetings;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the meetings hold about one member in a year, shown beside a self-assessment: attendance at the cell's
 * meetings, tasks given at meetings, studies completed, and shortcomings from review sessions still open.
 */
public record MemberEvidence(int year, int meetings, int present, int excused, int unexcused, int tasksDone,
		int tasksOpen, int studiesCompleted, List<OpenItem> openRemediation) {

	/** A shortcoming pointed out at a review session and not yet closed. */
	public record OpenItem(long id, LocalDate pointedOutOn, String shortcoming, String measure, @Nullable LocalDate dueOn) {
	}

	public int attendancePercent() {
		return meetings == 0 ? 100 : Math.round(100f * present / meetings);
	}
}
