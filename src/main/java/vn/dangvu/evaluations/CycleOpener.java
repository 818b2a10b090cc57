package vn.dangvu.evaluations;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dangvu.organizations.OrganizationManagement;
import vn.dangvu.organizations.OrganizationSummary;
import vn.dangvu.shared.Audited;
import vn.dangvu.shared.Role;
import vn.dangvu.shared.Scope;

/**
 * Lists the subjects of a cycle opened over a large subtree: one child subtree after another (a province, then the
 * next), then the opening organization itself, in one transaction that holds the cycle's row so that one worker
 * does it (on several nodes, the others skip it); the cycle is OPEN when the transaction commits. The user who
 * opened it was checked then; the listing reads the subtree with the authority of the cycle's organization.
 */
@Component
class CycleOpener {

	private static final Logger log = LoggerFactory.getLogger(CycleOpener.class);

	private final EvaluationRepository repo;
	private final CycleManagement cycles;
	private final OrganizationManagement organizations;
	private final TransactionTemplate tx;
	private final org.springframework.context.ApplicationEventPublisher events;

	CycleOpener(EvaluationRepository repo, CycleManagement cycles, OrganizationManagement organizations, TransactionTemplate tx,
			org.springframework.context.ApplicationEventPublisher events) {
		this.repo = repo;
		this.cycles = cycles;
		this.organizations = organizations;
		this.tx = tx;
		this.events = events;
	}

	@Scheduled(fixedDelayString = "${dangvu.evaluations.opener-millis:3000}")
	void run() {
		try {
			continueOpening(false);
		}
		catch (RuntimeException e) {
			log.warn("Could not list the subjects of a cycle: {}", e.getMessage());
		}
	}

	/** Continues the first cycle still being listed; with {@code wait}, waits for a worker already at it. */
	void continueOpening(boolean wait) {
		tx.executeWithoutResult(s -> repo.openingForUpdate(wait).ifPresent(c -> {
			Scope system = new Scope(-1, "hệ thống (lập danh sách đợt đánh giá)", null, null,
					List.of(new Scope.Grant(c.organizationId(), c.orgPath(), Role.ADMIN)));
			OrganizationSummary root = organizations.get(system, c.organizationId());
			int n = 0;
			for (OrganizationSummary child : organizations.children(system, root, false)) {
				n += cycles.listSubjects(system, c, child.id(), true);
			}
			n += cycles.listSubjects(system, c, root.id(), false);
			repo.openCycle(c.id());
			events.publishEvent(new Audited(system.username(), "EVALUATION_CYCLE_LISTED", "cycle", String.valueOf(c.id()),
					c.orgPath(), "Đã lập danh sách đối tượng của đợt: " + c.title(), null, Map.of("subjects", n)));
			log.info("Cycle {} listed: {} subjects", c.id(), n);
		}));
	}
}
