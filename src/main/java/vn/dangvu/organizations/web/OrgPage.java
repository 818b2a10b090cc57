package vn.dangvu.organizations.web;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.dangvu.organizations.MemberRow;
import vn.dangvu.organizations.OrganizationEvent;
import vn.dangvu.organizations.OrganizationSummary;
import vn.dangvu.organizations.StatusCount;

/** What the organization page shows. */
public record OrgPage(OrganizationSummary org, List<OrganizationSummary> crumbs, List<OrganizationSummary> children,
		List<StatusCount> counts, List<OrganizationEvent> events, boolean canManage, boolean canReadMembers,
		boolean canWriteMembers, boolean ownCell, @Nullable LocalDate asOf, List<MemberRow> membersAsOf,
		List<MemberRow> incoming, List<MemberRow> temporary, boolean showEnded) {

	public long total() {
		return counts.stream().filter(c -> !List.of("REMOVED", "EXPELLED", "LEFT", "DECEASED").contains(c.status()))
			.mapToLong(StatusCount::count).sum();
	}
}
