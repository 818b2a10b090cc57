package vn.dangvu.evaluations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.dangvu.organizations.OrganizationManagement;
import vn.dangvu.organizations.OrganizationSummary;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.Reminder;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.T;
import vn.dangvu.shared.VnText;

/**
 * The review's reminders of one person: a member's own self-assessment while it is open; each step by its deadline
 * (within {@link #DAYS_AHEAD} days, or past) for those who
 * keep an organization's records, the subjects waiting for the cell's opinion and the organizations' own
 * self-assessments; for the competent committee's staff, those waiting for appraisal and decision. Counts come from
 * the kept counters of the cycle's period, so a province's reminder costs a few rows, not a scan.
 */
@Component
class EvaluationReminders implements Reminder.Source {

	/** A step's deadline this close (or past) is reminded of. */
	static final int DAYS_AHEAD = 7;

	private final JdbcClient jdbc;
	private final EvaluationRepository repo;
	private final OrganizationManagement organizations;

	EvaluationReminders(JdbcClient jdbc, EvaluationRepository repo, OrganizationManagement organizations) {
		this.jdbc = jdbc;
		this.repo = repo;
		this.organizations = organizations;
	}

	record Own(long id, String title, LocalDate selfUntil) {
	}

	record Item(long id, long evaluationId, String ownerName, String shortcoming, LocalDate dueOn) {
	}

	@Override
	public List<Reminder> reminders(Scope scope, LocalDate today) {
		List<Reminder> out = new ArrayList<>();
		if (scope.memberId() != null) {
			for (Own o : jdbc.sql("""
					select e.id, c.title, c.self_until from evaluations.evaluation e join evaluations.cycle c on c.id = e.cycle_id
					where e.member_id = :m and e.step = 'SELF' and c.status = 'OPEN' order by c.self_until
					""").param("m", scope.memberId()).query(Own.class).list()) {
				boolean late = o.selfUntil().isBefore(today);
				out.add(new Reminder("evaluation-self:" + o.id() + (late ? ":late" : ""),
						"Tự đánh giá, xếp loại (" + o.title() + ")" + (late ? " — đã quá hạn " + VnText.date(o.selfUntil())
								+ ", đề nghị cấp ủy gia hạn" : " — hạn " + VnText.date(o.selfUntil())),
						"Self-assessment (" + o.title() + ")" + (late ? " — overdue since " : " — due ") + VnText.date(o.selfUntil()),
						"/evaluations/" + o.id(), o.selfUntil(), late));
			}
		}
		// remediation items of the yearly review: one's own as they come due; for the cell's secretary and deputy, the
		// collective's as they come due and every late one of the cell
		List<Long> cells = scope.keptCells();
		if (scope.memberId() != null || !cells.isEmpty()) {
			LocalDate soon = today.plusDays(DAYS_AHEAD);
			for (Item r : jdbc.sql("""
					select r.id, r.evaluation_id, r.owner_name, r.shortcoming, r.due_on from evaluations.remediation r
					where r.status = 'OPEN' and r.due_on is not null
					  and ((r.member_id = :m and r.due_on <= :soon)
					    or (r.organization_id in (:cells) and (r.due_on < :today or (r.member_id is null and r.due_on <= :soon))))
					order by r.due_on, r.id limit 20
					""").param("m", scope.memberId() == null ? -1L : scope.memberId())
				.param("cells", cells.isEmpty() ? List.of(-1L) : cells).param("today", today).param("soon", soon)
				.query(Item.class).list()) {
				out.add(Reminder.remediation("evaluation-remediation:" + r.id(), r.ownerName(), r.shortcoming(), r.dueOn(),
						today, "/evaluations/" + r.evaluationId()));
			}
		}
		List<String> keep = scope.can(Capability.WRITE_MEMBERS) ? scope.paths(Capability.WRITE_MEMBERS) : List.of();
		List<String> decide = scope.can(Capability.MANAGE_ORGANIZATIONS) ? scope.paths(Capability.MANAGE_ORGANIZATIONS) : List.of();
		Set<String> paths = new LinkedHashSet<>(keep);
		paths.addAll(decide);
		for (String path : paths) {
			for (Cycle c : repo.openCyclesAround(path, 10)) {
				// The part of the cycle this grant sees: the grant's organization when the cycle covers it, else the cycle's.
				boolean covers = Scope.isWithin(path, c.orgPath());
				long root = covers ? lastId(path) : c.organizationId();
				String name = covers ? organizations.find(root).map(OrganizationSummary::name).orElse("") : c.orgName();
				Map<String, Map<String, Long>> counts = repo.counts(root, c.period());
				if (keep.contains(path)) {
					long orgsSelf = n(counts, "ORGANIZATION", "SELF") + n(counts, "COLLECTIVE", "SELF");
					add(out, c, root, "self-org", orgsSelf, c.selfUntil(), today, name, "tổ chức, tập thể chưa tự đánh giá",
							"organizations and collectives to self-assess");
					long opinion = n(counts, "MEMBER", "OPINION") + n(counts, "ORGANIZATION", "OPINION") + n(counts, "COLLECTIVE", "OPINION");
					add(out, c, root, "opinion", opinion, c.opinionUntil(), today, name, "đối tượng chờ chi bộ, tập thể cho ý kiến",
							"subjects waiting for the cell's opinion");
				}
				if (decide.contains(path)) {
					add(out, c, root, "appraisal", n(counts, "MEMBER", "APPRAISAL") + n(counts, "ORGANIZATION", "APPRAISAL")
							+ n(counts, "COLLECTIVE", "APPRAISAL"), c.appraisalUntil(), today, name, "đối tượng chờ thẩm định",
							"subjects waiting for appraisal");
					add(out, c, root, "decision", n(counts, "MEMBER", "DECISION") + n(counts, "ORGANIZATION", "DECISION")
							+ n(counts, "COLLECTIVE", "DECISION"), c.decisionUntil(), today, name, "đối tượng chờ quyết định xếp loại",
							"subjects waiting for the decision");
				}
			}
		}
		return out;
	}

	private static void add(List<Reminder> out, Cycle c, long root, String step, long n, LocalDate due, LocalDate today,
			String orgName, String vi, String en) {
		if (n <= 0 || due.isAfter(today.plusDays(DAYS_AHEAD))) {
			return;
		}
		boolean late = due.isBefore(today);
		out.add(new Reminder("evaluation-" + step + ":" + c.id() + ":" + root + (late ? ":late" : ""),
				T.n(n) + " " + vi + " — " + orgName + ", " + c.title() + (late ? " — đã quá hạn " : " — hạn ") + VnText.date(due),
				n + " " + en + " — " + orgName + ", " + c.title() + (late ? " — overdue since " : " — due ") + VnText.date(due),
				"/evaluation-cycles/" + c.id() + "?org=" + root, due, late));
	}

	private static long n(Map<String, Map<String, Long>> counts, String kind, String state) {
		@Nullable Map<String, Long> states = counts.get(kind);
		return states == null ? 0 : states.getOrDefault(state, 0L);
	}

	private static long lastId(String path) {
		return Long.parseLong(path.substring(path.lastIndexOf('.') + 1));
	}
}
