package vn.dangvu.evaluations;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.dangvu.organizations.MembersMoved;
import vn.dangvu.organizations.OrganizationManagement;
import vn.dangvu.organizations.OrganizationMoved;
import vn.dangvu.organizations.OrganizationSummary;

/**
 * The evaluations follow their organization when it moves (a move, or a merge or split that moves a subtree), in the
 * move's own transaction, as meetings and member counters do. The subjects of the moved subtree in every cycle that
 * still covers their new place (the cycle's organization is above it, or moved with it), open or closed, decided or
 * not, take the new path: the committee they now belong to sees them and is the competent one, and the old one no
 * longer does. A subject whose grassroots organization stayed behind (a cell moved to another grassroots
 * organization) passes to the nearest grassroots organization above its new place, with its quota group: a decided
 * level leaves the old group's counts and joins the new one's. Quota groups whose grassroots organization moved with
 * the subtree keep their counts and take their path; their share of the ancestors' counts of groups (and of groups
 * over the ceiling) moves from the old ancestors to the new ones. A cycle the subtree leaves (a commune's cycle, the
 * cell gone to another commune) keeps its subjects where it listed them, and that commune's committee completes their
 * review. Remediation items, criteria sets and cycles of the subtree take the new path.
 * <p>
 * Members who change cell (a transfer received, a merge or split) take their subjects not yet decided along, in the
 * cycles that cover the new cell, with their open remediation items; a decided result stays with the cell that
 * reviewed it.
 */
@Component
class EvaluationMoves {

	private final EvaluationRepository repo;
	private final OrganizationManagement organizations;

	EvaluationMoves(EvaluationRepository repo, OrganizationManagement organizations) {
		this.repo = repo;
		this.organizations = organizations;
	}

	@EventListener
	void on(OrganizationMoved moved) {
		// The quota groups' kept counts must be whole before their share moves: fold what is pending first.
		repo.foldAll();
		repo.moveQuotaGroups(moved.oldPath(), moved.newPath());
		repo.moveSubtree(moved.oldPath(), moved.newPath(), grassrootsAbove(moved.newPath()));
	}

	@EventListener
	void on(MembersMoved moved) {
		if (moved.memberIds().isEmpty()) {
			return;
		}
		OrganizationSummary cell = organizations.find(moved.organizationId()).orElseThrow();
		Long grassroots = grassroots(cell.path(), true);
		repo.moveMembers(moved.memberIds(), cell.id(), cell.path(), cell.name(), cell.level().name(),
				grassroots == null ? cell.id() : grassroots);
	}

	private @Nullable Long grassrootsAbove(String newPath) {
		return grassroots(newPath, false);
	}

	/**
	 * The nearest grassroots organization on the path (the last organization itself included or not), as a cycle
	 * finds it when it lists its subjects; null when there is none.
	 */
	private @Nullable Long grassroots(String path, boolean self) {
		List<Long> ids = Arrays.stream(path.split("\\.")).map(Long::valueOf).toList();
		for (int i = ids.size() - (self ? 1 : 2); i >= 0; i--) {
			var level = organizations.find(ids.get(i)).map(OrganizationSummary::level).orElse(null);
			if (level != null && CycleManagement.GRASSROOTS.contains(level)) {
				return ids.get(i);
			}
		}
		return null;
	}
}
