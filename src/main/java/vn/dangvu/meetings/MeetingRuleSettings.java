package vn.dangvu.meetings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dangvu.organizations.Level;
import vn.dangvu.organizations.OrganizationSummary;
import vn.dangvu.shared.Audited;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.InvalidInput.Problem;
import vn.dangvu.shared.NotFound;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

/**
 * The meeting rules in force for an organization (quorum, quality thresholds, the removal prompt, the announcement
 * deadline, the minimum visits of assigned committee members), where each comes from, and their history. A
 * province's organization staff set the province's own value from a date, with the document it rests on; the
 * national rows stay, nothing is deleted, and a value applies to the meetings held from its date on.
 */
@Service
public class MeetingRuleSettings {

	/** A rule that can be set, with the bounds of its value. */
	public record Key(String key, String vi, String en, int min, int max) {
	}

	public static final List<Key> KEYS = List.of(
			new Key("quorum.percent", "Số đảng viên dự họp tối thiểu để cuộc họp hợp lệ (%)",
					"Minimum attendance for a valid meeting (%)", 1, 100),
			new Key("quality.attendance.percent", "Tỷ lệ dự họp để đạt tiêu chí chất lượng (trên …%)",
					"Attendance for the quality criterion (above …%)", 1, 100),
			new Key("quality.excused.max_consecutive", "Số lần vắng có lý do liên tiếp tối đa",
					"Most excused absences in a row", 1, 12),
			new Key("removal.unexcused_months", "Số tháng vắng không lý do trong năm để nhắc xem xét xóa tên",
					"Months of unexcused absence in a year before the removal prompt", 1, 12),
			new Key("publish.days_before", "Hạn thông báo nội dung: số ngày trước cuộc họp (0 = cuối tháng trước)",
					"Agenda deadline: days before the meeting (0 = end of the previous month)", 0, 31),
			new Key("assignment.min_per_year.PROVINCE", "Số lần tối thiểu/năm tỉnh ủy viên dự sinh hoạt chi bộ",
					"Minimum cell visits a year, provincial committee members", 0, 52),
			new Key("assignment.min_per_year.COMMUNE", "Số lần tối thiểu/năm cấp ủy viên cấp xã dự sinh hoạt chi bộ",
					"Minimum cell visits a year, commune committee members", 0, 52),
			new Key("assignment.min_per_year.GRASSROOTS", "Số lần tối thiểu/năm đảng ủy viên cơ sở dự sinh hoạt chi bộ",
					"Minimum cell visits a year, grassroots committee members", 0, 52));

	/** One stored value: national when {@code organizationId} is null. */
	public record Setting(String key, String value, LocalDate from, String reference, @Nullable Long organizationId,
			@Nullable String organizationName, int depth) {
	}

	/** The value in force today for each key, every stored row on the organization's path, and what the user may do. */
	public record View(OrganizationSummary organization, List<Setting> inForce, List<Setting> history, boolean canSet) {
	}

	private final JdbcClient jdbc;
	private final MeetingManagement meetings;
	private final MeetingRules rules;
	private final ApplicationEventPublisher events;

	MeetingRuleSettings(JdbcClient jdbc, MeetingManagement meetings, MeetingRules rules, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.rules = rules;
		this.events = events;
	}

	/** Who may set values here: organization staff over a province (or the centre, for every province). */
	static boolean maySet(Scope scope, OrganizationSummary org) {
		return (org.level() == Level.PROVINCE || org.level() == Level.CENTRAL)
				&& scope.covers(Capability.MANAGE_ORGANIZATIONS, org.path());
	}

	public View view(Scope scope, long orgId) {
		OrganizationSummary org = meetings.organization(scope, orgId);
		List<Setting> history = onPath(org.path());
		LocalDate today = VnText.today();
		List<Setting> inForce = new ArrayList<>();
		for (Key k : KEYS) {
			history.stream()
				.filter(s -> s.key().equals(k.key()) && !s.from().isAfter(today))
				.max(Comparator.comparingInt(Setting::depth).thenComparing(Setting::from)) // as MeetingRules.value
				.ifPresent(inForce::add);
		}
		return new View(org, inForce, history, maySet(scope, org));
	}

	/** Every stored row that applies on the path: national ones and those of the organization and its ancestors. */
	private List<Setting> onPath(String path) {
		return jdbc.sql("""
				select r.key, r.value, r.effective_from, r.reference, o.id, o.name, coalesce(nlevel(r.org_path), 0)
				from meetings.rule r
				left join organizations.organization o on o.path = r.org_path
				where r.org_path is null or r.org_path @> cast(:path as ltree)
				order by r.key, coalesce(nlevel(r.org_path), 0), r.effective_from
				""").param("path", path)
			.query((rs, i) -> new Setting(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getString(4), (Long) rs.getObject(5), rs.getString(6), rs.getInt(7)))
			.list();
	}

	/** Sets the organization's own value of a rule from a date; refused with the field named when the input is wrong. */
	@Transactional
	public void set(Scope scope, long orgId, @Nullable String key, @Nullable String value, @Nullable String from,
			@Nullable String reference) {
		OrganizationSummary org = meetings.organization(scope, orgId);
		if (!maySet(scope, org)) {
			throw new NotFound("rules of " + orgId);
		}
		List<Problem> problems = new ArrayList<>();
		Key k = KEYS.stream().filter(x -> x.key().equals(key)).findFirst().orElse(null);
		if (k == null) {
			problems.add(new Problem("Quy định", key == null || key.isBlank() ? "chưa chọn" : "“" + key + "” không có trong danh sách"));
		}
		Integer v = k == null ? null : MeetingManagement.intIn(value, k.min(), k.max(), "Giá trị",
				"là một số nguyên từ " + k.min() + " đến " + k.max(), problems, true);
		LocalDate date = VnText.dateField(from, "Áp dụng từ ngày", problems, true);
		String ref = MeetingManagement.text(reference, "Căn cứ (văn bản)", 3, 300, problems, true);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		int clash = jdbc.sql("""
				select count(*) from meetings.rule where key = :k and org_path = cast(:path as ltree) and effective_from = :d
				""").param("k", k.key()).param("path", org.path()).param("d", date).query(Integer.class).single();
		if (clash > 0) {
			throw new InvalidInput("Áp dụng từ ngày", "đã có giá trị của " + org.name() + " từ ngày " + VnText.date(date)
					+ "; chọn ngày khác");
		}
		jdbc.sql("""
				insert into meetings.rule (org_path, key, value, effective_from, reference)
				values (cast(:path as ltree), :k, :v, :d, :ref)
				""").param("path", org.path()).param("k", k.key()).param("v", String.valueOf(v)).param("d", date)
			.param("ref", ref).update();
		rules.refreshAfterCommit();
		events.publishEvent(new Audited(scope.username(), "MEETING_RULE_SET", "organization", String.valueOf(orgId),
				org.path(), k.vi() + " = " + v + " từ " + VnText.date(date) + " (" + ref + ")", null,
				Map.of("key", k.key(), "value", v, "from", VnText.date(date), "reference", ref)));
	}
}
