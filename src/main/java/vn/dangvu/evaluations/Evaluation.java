package vn.dangvu.evaluations;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** One subject (organization, leadership collective or member) in one cycle, with what each step recorded. */
public record Evaluation(long id, long cycleId, String period, String subjectKind, long organizationId, String orgPath,
		String orgName, String orgLevel, long grassrootsId, @Nullable Long memberId, @Nullable String collective,
		String subjectName, SubjectGroup group, String peerGroup, List<Long> headOf, Step step,
		@Nullable String notClassifiedReason, Map<String, BigDecimal> scores, @Nullable BigDecimal selfTotal,
		@Nullable Grade selfLevel, @Nullable Integer tasksOnTime, @Nullable Integer tasksExceeded,
		@Nullable Integer tasksDone, Map<String, String> selfText, @Nullable Instant selfAt, @Nullable Grade opinionLevel,
		@Nullable Integer opinionPresent, @Nullable Integer opinionFor, @Nullable Integer opinionAgainst,
		@Nullable Integer opinionAbstain, @Nullable Long opinionMeetingId, @Nullable String opinionNote,
		boolean civilServant, @Nullable Grade stateLevel, @Nullable String stateRef, @Nullable String disciplineRef,
		@Nullable String degradationRef, @Nullable Grade appraisalLevel, @Nullable BigDecimal appraisalTotal,
		@Nullable String appraisalReason, @Nullable Grade level, @Nullable String decisionRef, @Nullable LocalDate decidedOn,
		@Nullable String quotaException, int reopened, int version) {

	public static final Map<String, String> COLLECTIVES = Map.of("CAP_UY", "Ban Chấp hành (cấp ủy)", "BAN_THUONG_VU",
			"Ban Thường vụ", "CHI_UY", "Chi ủy");

	public boolean member() {
		return memberId != null;
	}

	public String kindVi() {
		return switch (subjectKind) {
			case "ORGANIZATION" -> "Tổ chức đảng";
			case "COLLECTIVE" -> "Tập thể lãnh đạo";
			default -> "Đảng viên";
		};
	}

	/** The latest level proposed or decided: what the quota counts while the cycle runs. */
	public @Nullable Grade current() {
		if (level != null) {
			return level;
		}
		if (appraisalLevel != null) {
			return appraisalLevel;
		}
		return opinionLevel != null ? opinionLevel : selfLevel;
	}

	/** The grassroots organization's path: the quota and the competent committee are found from it. */
	public String grassrootsPath() {
		String g = String.valueOf(grassrootsId);
		String[] labels = orgPath.split("\\.");
		StringBuilder b = new StringBuilder();
		for (String l : labels) {
			b.append(b.isEmpty() ? "" : ".").append(l);
			if (l.equals(g)) {
				return b.toString();
			}
		}
		return orgPath;
	}

	/** The path of the organization above the subject's (for an organization or a collective). */
	public String parentPath() {
		int i = orgPath.lastIndexOf('.');
		return i < 0 ? orgPath : orgPath.substring(0, i);
	}

	public record History(long id, String action, @Nullable String stepFrom, @Nullable String stepTo, @Nullable String level,
			@Nullable String details, String by, Instant at) {
	}

	public record Opinion(long id, String source, String body, String content, @Nullable Grade proposed, String by, Instant at) {

		public String sourceVi() {
			return switch (source) {
				case "CELL" -> "Chi bộ";
				case "WORKPLACE" -> "Tập thể nơi công tác";
				case "RESIDENCE" -> "Chi ủy/chi bộ nơi cư trú";
				default -> "Khác";
			};
		}
	}

	/** Another organization where the member holds a post, and its review of them once recorded (HD 43-HD/BTCTW). */
	public record Place(long id, long evaluationId, long organizationId, String orgPath, String orgName, String posts,
			@Nullable String content, @Nullable Grade proposed, @Nullable String recordedBy, @Nullable Instant recordedAt) {

		public boolean recorded() {
			return recordedAt != null;
		}
	}

	public record Remediation(long id, long evaluationId, String period, @Nullable Long memberId, String ownerName,
			String shortcoming, String measure, @Nullable LocalDate dueOn, String status, @Nullable String closedNote) {

		public boolean open() {
			return "OPEN".equals(status);
		}
	}
}
