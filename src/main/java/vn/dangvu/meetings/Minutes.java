package vn.dangvu.meetings;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One revision of a meeting's minutes (DOMAIN §2.6). Revision 1 is the minutes; a later revision is an amendment
 * with its reason. A revision is locked once the chair and the secretary have both signed.
 */
public record Minutes(long meetingId, int revision, Content content, @Nullable String reason, String createdBy,
		Instant createdAt, @Nullable String chairSignedBy, @Nullable Instant chairSignedAt,
		@Nullable String secretarySignedBy, @Nullable Instant secretarySignedAt, @Nullable Instant lockedAt) {

	public boolean locked() {
		return lockedAt != null;
	}

	/** The structured content, stored as JSON. Names are copied so that the minutes read the same forever. */
	public record Content(@Nullable Long chairId, String chairName, @Nullable Long secretaryId, String secretaryName,
			String reportSummary, List<Speech> discussion, String conclusions, List<Vote> votes, List<TaskLine> tasks,
			List<Score> scores, @Nullable Integer qualityScore, @Nullable String qualityBand, String closedAt) {
	}

	public record Speech(String speaker, String content) {
	}

	/** A vote on one item: counts checked against those present. Method SHOW_OF_HANDS or SECRET_BALLOT. */
	public record Vote(String item, String method, int inFavour, int against, int abstain) {

		public int total() {
			return inFavour + against + abstain;
		}
	}

	public record TaskLine(long memberId, String memberName, String content, @Nullable String dueOn) {
	}

	/** Points given for one rubric criterion, with the maximum it allowed. */
	public record Score(String code, String label, int max, int points) {
	}
}
