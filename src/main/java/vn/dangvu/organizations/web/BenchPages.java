package vn.dangvu.organizations.web;

import java.time.LocalDate;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import vn.dangvu.organizations.MemberFilter;
import vn.dangvu.organizations.MemberRow;
import vn.dangvu.organizations.MemberStatus;
import vn.dangvu.organizations.OrganizationSummary;
import vn.dangvu.shared.PageOf;

/**
 * The benchmark's floor, only with {@code dangvu.bench.enabled=true}: the same member-list page, 50 rows read
 * from PostgreSQL by id with no sign-in, no scope, no count and no Vietnamese sort. What the real page costs
 * beyond this is the price of access control and ordering.
 */
@Controller
@ConditionalOnProperty(name = "dangvu.bench.enabled", havingValue = "true")
class BenchPages {

	private final JdbcClient jdbc;

	BenchPages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/bench/bare/{cell}")
	ModelAndView bare(@PathVariable long cell) {
		var rows = jdbc.sql("""
				select m.id, m.full_name, m.gender, m.birth_date, m.standing, m.status, m.admitted_on, m.party_age_basis,
				       m.ethnicity, m.phone, m.organization_id, m.card_no
				from organizations.member m where m.organization_id = :c order by m.id limit 50
				""").param("c", cell).query((rs, i) -> new MemberRow(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), MemberStatus.valueOf("ACTIVE".equals(rs.getString(6)) ? rs.getString(5) : rs.getString(6)),
					rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getString(9), rs.getString(10),
					rs.getLong(11), "Chi bộ", false, rs.getString(12))).list();
		OrganizationSummary org = new OrganizationSummary(cell, null, "1", vn.dangvu.organizations.Level.CELL, null, "Chi bộ",
				"ACTIVE", LocalDate.of(2025, 7, 1), null, 0, rows.size());
		MemberFilter f = MemberFilter.of(null, null, null, null, null, 1, 50);
		return new ModelAndView("organizations/members").addObject("org", org).addObject("filter", f)
			.addObject("result", new PageOf<>(rows, 1, 50, rows.size())).addObject("canWrite", false);
	}
}
