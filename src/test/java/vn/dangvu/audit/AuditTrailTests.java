package vn.dangvu.audit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dangvu.organizations.DemoRegistry;
import vn.dangvu.organizations.MemberInput;
import vn.dangvu.organizations.MemberManagement;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.support.Fixtures;
import vn.dangvu.support.Http;
import vn.dangvu.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every change, full-record view and export is in the trail; the chain detects tampering; staff read their scope. */
@IntegrationTest
class AuditTrailTests {

	@Autowired
	AuditManagement audit;

	@Autowired
	MemberManagement members;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoRegistry demo;

	@Autowired
	TransactionTemplate tx;

	@LocalServerPort
	int port;

	long count(String action) {
		return jdbc.sql("select count(*) from audit.entry where action = :a").param("a", action).query(Long.class).single();
	}

	@Test
	void viewsAndChangesAreRecordedWithBeforeAndAfter() {
		var ids = demo.ids().orElseThrow();
		long member = Fixtures.memberIds(jdbc, ids.cellId()).get(2);
		Http bithu = Http.as(port, "bithu");
		long views = count("MEMBER_VIEW");
		bithu.get("/members/" + member);
		bithu.get("/api/v1/members/" + member);
		assertThat(count("MEMBER_VIEW")).isEqualTo(views + 2);
		var d = members.get(Fixtures.admin(jdbc, demo), member);
		bithu.putJson("/api/v1/members/" + member + "?version=" + d.version(), """
				{"fullName":"%s","gender":"%s","birthDate":"%s","admittedOn":"%s","standing":"%s","phone":"0987654321",
				 "citizenId":"%s","cardNo":%s,"recordNo":%s}
				""".formatted(d.fullName(), d.gender(), d.birthDate(), d.admittedOn(), d.standing(), d.citizenId(),
				d.cardNo() == null ? "null" : "\"" + d.cardNo() + "\"", d.recordNo() == null ? "null" : "\"" + d.recordNo() + "\""));
		String after = jdbc.sql("select after->>'phone' from audit.entry where action = 'MEMBER_UPDATE' and entity_id = :id order by id desc limit 1")
			.param("id", String.valueOf(member)).query(String.class).single();
		assertThat(after).isEqualTo("0987654321");
		String maskedCid = jdbc.sql("select after->>'citizenId' from audit.entry where action = 'MEMBER_UPDATE' and entity_id = :id order by id desc limit 1")
			.param("id", String.valueOf(member)).query(String.class).single();
		assertThat(maskedCid).startsWith("********");
	}

	@Test
	void aRolledBackChangeLeavesNoEntry() {
		var ids = demo.ids().orElseThrow();
		long before = jdbc.sql("select count(*) from audit.entry").query(Long.class).single();
		assertThatThrownBy(() -> members.create(Fixtures.admin(jdbc, demo), ids.cellId(), new MemberInput("Sai Ngày", null, null,
				"Nam", "01/01/1980", null, null, null, null, null, null, null, null, null, "01/01/2099", null, null, "OFFICIAL",
				null, null, null, null, null, null, null, null))).isInstanceOf(InvalidInput.class);
		assertThat(jdbc.sql("select count(*) from audit.entry").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void theChainDetectsTampering() {
		Http.as(port, "bithu").get("/members/" + demo.ids().orElseThrow().memberId());
		assertThat(audit.verify().intact()).isTrue();
		long seq = jdbc.sql("select max(seq) from audit.entry").query(Long.class).single();
		assertThatThrownBy(() -> jdbc.sql("update audit.entry set actor = 'ai đó' where seq = :s").param("s", seq).update())
			.hasMessageContaining("append-only");
		String original = jdbc.sql("select actor from audit.entry where seq = :s").param("s", seq).query(String.class).single();
		try {
			tamper(seq, "ai đó");
			ChainCheck check = audit.verify();
			assertThat(check.intact()).isFalse();
			assertThat(check.brokenAt()).isEqualTo(seq);
			Http tinh = Http.as(port, "canbo.tinh");
			assertThat(tinh.get("/api/v1/audit/verify").body()).contains("\"brokenAt\":" + seq);
		}
		finally {
			tamper(seq, original);
		}
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void anAuditedActionDoesNotWaitForAnotherOneToCommit() throws Exception {
		var ids = demo.ids().orElseThrow();
		long mine = Fixtures.memberIds(jdbc, ids.cellId()).get(3);
		long theirs = Fixtures.memberIds(jdbc, ids.otherCellId()).get(0);
		CountDownLatch viewed = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		// a view of a record whose transaction stays open (its entry written, not yet committed)
		ExecutorService threads = Executors.newFixedThreadPool(2);
		var open = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
			members.get(Fixtures.admin(jdbc, demo), theirs);
			viewed.countDown();
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}), threads);
		try {
			assertThat(viewed.await(10, TimeUnit.SECONDS)).isTrue();
			long views = count("MEMBER_VIEW");
			// with entries chained inside the transaction, this view waited for the one above to commit
			var other = CompletableFuture.supplyAsync(() -> Http.as(port, "bithu").get("/members/" + mine).statusCode(), threads);
			assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(200);
			assertThat(count("MEMBER_VIEW")).isEqualTo(views + 1);
		}
		finally {
			release.countDown();
			open.get(30, TimeUnit.SECONDS);
			threads.shutdown();
		}
		// both are sealed into the chain once committed, and the chain holds
		long written = jdbc.sql("select max(id) from audit.entry").query(Long.class).single();
		assertThat(audit.verify().intact()).isTrue();
		assertThat(jdbc.sql("select count(*) from audit.entry where seq is null and id <= :id").param("id", written)
			.query(Long.class).single()).isZero();
	}

	@Test
	void anEntryWaitingToBeSealedCannotBeChangedOrRemoved() {
		Http.as(port, "bithu").get("/members/" + demo.ids().orElseThrow().memberId());
		long id = jdbc.sql("select max(id) from audit.entry").query(Long.class).single();
		assertThatThrownBy(() -> jdbc.sql("update audit.entry set actor = 'ai đó' where id = :id").param("id", id).update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from audit.entry where id = :id").param("id", id).update())
			.hasMessageContaining("append-only");
		assertThat(audit.verify().intact()).isTrue();
	}

	private void tamper(long seq, String actor) {
		// Only a superuser bypassing triggers can do this: what an attacker with the database would do.
		tx.executeWithoutResult(s -> {
			jdbc.sql("set local session_replication_role = replica").update();
			jdbc.sql("update audit.entry set actor = :a where seq = :s").param("a", actor).param("s", seq).update();
		});
	}

	@Test
	void staffReadTheTrailOfTheirScopeOnly() {
		var ids = demo.ids().orElseThrow();
		long cellOfOtherCommune = jdbc.sql("""
				select o.id from organizations.organization o, organizations.organization x
				where x.id = :x and o.path <@ x.path and o.level in ('CELL','GRASSROOTS_CELL') limit 1
				""").param("x", ids.otherCommuneId()).query(Long.class).single();
		Http tinh = Http.as(port, "canbo.tinh");
		tinh.get("/members/" + Fixtures.memberIds(jdbc, cellOfOtherCommune).get(0));
		Http.as(port, "bithu").get("/members/" + ids.memberId());
		assertThat(tinh.get("/audit?action=MEMBER_VIEW").body()).contains("MEMBER_VIEW");
		assertThat(Http.as(port, "bithu").get("/audit").statusCode()).isEqualTo(403);
		var theirs = audit.page(Fixtures.scope(jdbc, vn.dangvu.shared.Role.COMMITTEE_STAFF, ids.otherCommuneId()), "", 1, 500).rows();
		var ours = audit.page(Fixtures.scope(jdbc, vn.dangvu.shared.Role.COMMITTEE_STAFF, ids.communeId()), "", 1, 500).rows();
		assertThat(theirs).isNotEmpty();
		assertThat(ours).isNotEmpty();
		assertThat(ours).extracting(AuditEntry::id).doesNotContainAnyElementsOf(theirs.stream().map(AuditEntry::id).toList());
	}
}
