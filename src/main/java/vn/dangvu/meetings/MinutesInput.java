package vn.dangvu.meetings;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The minutes as typed: numbers stay text until checked, so that each problem can name its field. Blank lines
 * (an empty speech, vote or task row of the form) are ignored.
 */
public record MinutesInput(@Nullable Long chairId, @Nullable Long secretaryId, @Nullable String reportSummary,
		List<Minutes.Speech> discussion, @Nullable String conclusions, List<VoteLine> votes, List<TaskLine> tasks,
		Map<String, String> scores, @Nullable String closedAt) {

	public record VoteLine(@Nullable String item, @Nullable String method, @Nullable String inFavour,
			@Nullable String against, @Nullable String abstain) {

		boolean blank() {
			return (item == null || item.isBlank()) && (inFavour == null || inFavour.isBlank())
					&& (against == null || against.isBlank()) && (abstain == null || abstain.isBlank());
		}
	}

	public record TaskLine(@Nullable Long memberId, @Nullable String content, @Nullable String dueOn) {

		boolean blank() {
			return memberId == null && (content == null || content.isBlank());
		}
	}
}
