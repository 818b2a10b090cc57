package vn.dangvu.meetings;

import java.time.LocalDate;
import java.util.List;

/** Meeting statistics of a subtree for a year: totals, by month, and by child organization, from kept counters. */
public record MeetingStats(long organizationId, String organizationName, int year, Row total, List<Month> months,
		List<Child> children, long assignmentsPlanned) {

	/** {@code planned}: visits planned by the committees of the subtree (assignments starting in the month). */
	public record Row(long due, long held, long cancelled, long thematicHeld, long expected, long present, long excused,
			long unexcused, long qualityMet, long good, long fair, long average, long poor, long visits, long planned) {

		public static final Row ZERO = new Row(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

		/** Meetings held over meetings due, in percent. */
		public double heldRate() {
			return due == 0 ? 0 : Math.round(held * 1000.0 / due) / 10.0;
		}

		public double attendanceRate() {
			return expected == 0 ? 0 : Math.round(present * 1000.0 / expected) / 10.0;
		}

		public long scored() {
			return good + fair + average + poor;
		}

		Row plus(Row o) {
			return new Row(due + o.due, held + o.held, cancelled + o.cancelled, thematicHeld + o.thematicHeld,
					expected + o.expected, present + o.present, excused + o.excused, unexcused + o.unexcused,
					qualityMet + o.qualityMet, good + o.good, fair + o.fair, average + o.average, poor + o.poor,
					visits + o.visits, planned + o.planned);
		}
	}

	public record Month(LocalDate month, Row row) {
	}

	public record Child(long organizationId, String name, Row row) {
	}
}
