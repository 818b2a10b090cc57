package vn.dangvu.organizations;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;
import vn.dangvu.support.Fixtures;
import vn.dangvu.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

	@Autowired
	TransactionTemplate tx;

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

	// A member added to a cell while the cell moves to another grassroots organization, in both orders: the second
	// waits for the first to commit (V19_2), and the counts of the old and the new ancestors match a full count.
	@Test
	void aMemberAddedWhileItsCellMovesIsCountedUnderTheNewAncestors() throws Exception {
		var ids = demo.ids().orElseThrow();
		Scope admin = Fixtures.admin(jdbc, demo);
		long grassroots = jdbc.sql("select parent_id from organizations.organization where id = :id").param("id", ids.cellId())
			.query(Long.class).single();
		long other = jdbc.sql("""
				select id from organizations.organization
				where level = 'GRASSROOTS' and status = 'ACTIVE' and id <> :g order by id limit 1
				""").param("g", grassroots).query(Long.class).single();
		long cell = organizations.create(admin, new OrganizationManagement.CreateOrganization(grassroots, Level.CELL,
				"RESIDENTIAL", "Chi bộ Thử chuyển", null, new Decision(LocalDate.of(2020, 1, 1), "7-QĐ/ĐU")));
		long template = activeMember(ids.cellId());
		String add = """
				insert into organizations.member (organization_id, full_name, gender, birth_date, ethnicity, religion, admitted_on,
				       party_age_basis, standing, status, status_since, province_id)
				select %d, 'Thử Đua Chuyển', gender, birth_date, ethnicity, religion, admitted_on, party_age_basis, standing,
				       status, status_since, province_id
				from organizations.member where id = %d
				""".formatted(cell, template);
		var pool = Executors.newFixedThreadPool(2);
		try {
			// 1. The move first (not yet committed), then the member: the member's counters wait for the move.
			var moved = new CountDownLatch(1);
			var release = new CountDownLatch(1);
			Future<?> move = pool.submit(() -> tx.executeWithoutResult(status -> {
				organizations.move(admin, cell, other, new Decision(VnText.today(), "8-QĐ/ĐU"));
				moved.countDown();
				awaitUninterruptibly(release);
			}));
			assertThat(moved.await(30, TimeUnit.SECONDS)).isTrue();
			Future<?> insert = pool.submit(() -> jdbc.sql(add).update());
			awaitLockWait(insert, "insert into organizations.member");
			release.countDown();
			move.get(30, TimeUnit.SECONDS);
			insert.get(30, TimeUnit.SECONDS);
			assertThat(Fixtures.countersMismatches(jdbc)).isZero();

			// 2. The member first (not yet committed), then the move back: the move waits for the member.
			try (Connection c = dataSource.getConnection()) {
				c.setAutoCommit(false);
				try (Statement st = c.createStatement()) {
					st.executeUpdate(add);
				}
				Future<?> back = pool.submit(() -> organizations.move(admin, cell, grassroots, new Decision(VnText.today(), "9-QĐ/ĐU")));
				awaitLockWait(back, "update organizations.organization");
				c.commit();
				back.get(30, TimeUnit.SECONDS);
			}
			assertThat(Fixtures.countersMismatches(jdbc)).isZero();
		}
		finally {
			pool.shutdownNow();
			jdbc.sql("delete from organizations.member where organization_id = :c").param("c", cell).update();
		}
		assertThat(Fixtures.countersMismatches(jdbc)).isZero();
	}

	/** Waits until a backend running the statement waits for a lock, failing if the task ends first or after 30 s. */
	private void awaitLockWait(Future<?> task, String statement) {
		await().atMost(Duration.ofSeconds(30)).until(() -> task.isDone() || lockWaits(statement) > 0);
		assertThat(task.isDone()).as("ended without waiting for the other transaction: %s", statement).isFalse();
	}

	private long lockWaits(String statement) {
		return jdbc.sql("""
				select count(*) from pg_stat_activity
				where wait_event_type = 'Lock' and left(ltrim(query), length(:s)) = :s
				""").param("s", statement).query(Long.class).single();
	}

	private static void awaitUninterruptibly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
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
