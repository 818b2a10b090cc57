package vn.dangvu.evaluations;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import vn.dangvu.organizations.OrganizationManagement;
import vn.dangvu.organizations.OrganizationSummary;
import vn.dangvu.shared.Audited;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.InvalidInput.Problem;
import vn.dangvu.shared.NotFound;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;

/** What the evaluation services share: reading typed fields into problems, the read check of a subtree, the audit. */
final class Inputs {

	private Inputs() {
	}

	/** Results of a subtree are for those who may read its members (a member sees their own results, not the cell's). */
	static OrganizationSummary readable(OrganizationManagement organizations, Scope scope, long orgId) {
		OrganizationSummary org = organizations.get(scope, orgId);
		if (!scope.covers(Capability.READ_MEMBERS, org.path())) {
			throw new NotFound("organization " + orgId);
		}
		return org;
	}

	static void audit(ApplicationEventPublisher events, Scope scope, String action, String type, long id, String path,
			String summary, java.util.@Nullable Map<String, ?> after) {
		events.publishEvent(new Audited(scope.username(), action, type, String.valueOf(id), path, summary, null, after));
	}

	static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	static @Nullable String text(@Nullable String v, String field, int min, int max, List<Problem> problems, boolean required) {
		String t = v == null ? "" : v.trim();
		if (t.isEmpty()) {
			if (required) {
				problems.add(new Problem(field, "chưa nhập"));
			}
			return null;
		}
		if (t.length() < min || t.length() > max) {
			problems.add(new Problem(field, "phải dài từ " + min + " đến " + max + " ký tự"));
		}
		return t;
	}

	static @Nullable Integer integer(@Nullable String v, int min, int max, String field, List<Problem> problems) {
		if (v == null || v.isBlank()) {
			problems.add(new Problem(field, "chưa nhập"));
			return null;
		}
		try {
			int n = Integer.parseInt(v.trim());
			if (n < min || n > max) {
				problems.add(new Problem(field, "phải từ " + min + " đến " + max + " (đã nhập " + v.trim() + ")"));
				return null;
			}
			return n;
		}
		catch (NumberFormatException e) {
			problems.add(new Problem(field, "“" + v.trim() + "” không phải một số nguyên"));
			return null;
		}
	}

	static @Nullable LocalDate date(@Nullable String v, String field, List<Problem> problems, boolean required) {
		try {
			LocalDate d = VnText.parseDate(v);
			if (d == null && required) {
				problems.add(new Problem(field, "chưa nhập (dd/MM/yyyy)"));
			}
			return d;
		}
		catch (IllegalArgumentException e) {
			problems.add(new Problem(field, "“" + v + "” không phải ngày hợp lệ (dd/MM/yyyy)"));
			return null;
		}
	}
}
