package vn.dangvu.organizations;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dangvu.shared.Scope;
import vn.dangvu.support.Fixtures;
import vn.dangvu.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The kept member counters: exact whether or not their deltas are folded yet, and no queue on the top rows. */
@IntegrationTest
class MemberCounterTests {

	@Autowired
	OrganizationManagement organizations;

	@Autowired
	MemberCounters counters;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoRegistry demo;

	@Test
	void aMemberChangeDoesNotWaitForAnUncommittedChangeInAnotherCell() throws Exception {
		var ids = demo.ids().orElseThrow();
		long inCell = activeMember(ids.cellId());
		long inOtherCell = activeMember(ids.otherCellId());
		try (Connection a = dataSource.getConnection(); Connection b = dataSource.getConnection()) {
			a.setAutoCommit(false);
			b.setAutoCommit(false);
			try (Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
				// both change the counts of the same commune, province and country, neither commits yet
				sa.executeUpdate("update organizations.member set status = 'ON_LEAVE' where id = " + inCell);
				sb.execute("set local lock_timeout = '3s'");
				// with the ancestors' counters upserted in the transaction this waited on the first one (lock timeout)
				assertThat(sb.executeUpdate("update organizations.member set status = 'ON_LEAVE' where id = " + inOtherCell))
					.isEqualTo(1);
			}
			finally {
				a.rollback();
				b.rollback();
			}
		}
		assertThat(Fixtures.countersMismatches(jdbc)).isZero();
	}

	@Test
	void countsAreExactBeforeAndAfterTheDeltasAreFolded() {
		var ids = demo.ids().orElseThrow();
		Scope admin = Fixtures.admin(jdbc, demo);
		long member = activeMember(ids.cellId());
		Map<String, Long> before = counts(admin, ids.provinceId());
		jdbc.sql("update organizations.member set status = 'ON_LEAVE', version = version + 1 where id = :id").param("id", member)
			.update();
		Map<String, Long> changed = counts(admin, ids.provinceId());
		String standing = jdbc.sql("select standing from organizations.member where id = :id").param("id", member)
			.query(String.class).single();
		assertThat(changed.get(standing)).isEqualTo(before.get(standing) - 1);
		assertThat(changed.getOrDefault("ON_LEAVE", 0L)).isEqualTo(before.getOrDefault("ON_LEAVE", 0L) + 1);
		assertThat(counts(admin, ids.centralId())).isEqualTo(countedFromMembers());

		counters.fold();
		assertThat(jdbc.sql("select count(*) from organizations.member_counter_delta").query(Long.class).single()).isZero();
		assertThat(counts(admin, ids.provinceId())).isEqualTo(changed);
		assertThat(counts(admin, ids.centralId())).isEqualTo(countedFromMembers());
		assertThat(Fixtures.countersMismatches(jdbc)).isZero();

		jdbc.sql("update organizations.member set status = 'ACTIVE', version = version + 1 where id = :id").param("id", member)
			.update();
		assertThat(counts(admin, ids.provinceId())).isEqualTo(before);
	}

	private long activeMember(long cell) {
		return jdbc.sql("select min(id) from organizations.member where organization_id = :o and status = 'ACTIVE'")
			.param("o", cell).query(Long.class).single();
	}

	private Map<String, Long> counts(Scope scope, long org) {
		return organizations.counts(scope, org).stream().collect(Collectors.toMap(StatusCount::status, StatusCount::count));
	}

	private Map<String, Long> countedFromMembers() {
		return jdbc.sql("select organizations.status_key(standing, status), count(*) from organizations.member group by 1")
			.query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}
}
