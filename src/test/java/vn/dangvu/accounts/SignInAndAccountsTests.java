package vn.dangvu.accounts;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dangvu.organizations.DemoRegistry;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.Role;
import vn.dangvu.shared.Scope;
import vn.dangvu.support.Fixtures;
import vn.dangvu.support.Http;
import vn.dangvu.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sign-in rules: lockout, first-login password change, second factor above a cell; administration within scope. */
@IntegrationTest
class SignInAndAccountsTests {

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoRegistry demo;

	@Autowired
	vn.dangvu.organizations.OrganizationManagement orgs;

	@LocalServerPort
	int port;

	static String location(HttpResponse<String> r) {
		return r.headers().firstValue("Location").orElse("");
	}

	@Test
	void theChosenLanguageIsKeptForTheNextSignIn() {
		String cell = "/orgs/" + demo.ids().orElseThrow().cellId();
		assertThat(Http.as(port, "bithu").get(cell + "?lang=en").body()).contains("<html lang=\"en\">");
		var next = Http.as(port, "bithu").get(cell).body();
		assertThat(next).contains("<html lang=\"en\">").contains("Member list");
		assertThat(Http.as(port, "bithu").get(cell + "?lang=vi").body()).contains("<html lang=\"vi\">");
		assertThat(Http.as(port, "bithu").get(cell).body()).contains("<html lang=\"vi\">").contains("Danh sách đảng viên");
	}

	@Test
	void repeatedFailuresLockTheAccount() {
		Scope admin = Fixtures.scope(jdbc, Role.ADMIN, demo.ids().orElseThrow().provinceId());
		var created = accounts.create(admin, new AccountManagement.CreateAccount("khoa.thu", "Người Thử Khóa",
				demo.ids().orElseThrow().cellId(), null, Role.CELL_DEPUTY, null));
		for (int i = 0; i < 5; i++) {
			assertThat(location(new Http(port).login("khoa.thu", "sai-mat-khau"))).endsWith("error=bad");
		}
		// Now even the right password is refused until the lock expires or an administrator resets it.
		assertThat(location(new Http(port).login("khoa.thu", created.temporaryPassword()))).endsWith("error=locked");
		String fresh = accounts.resetPassword(admin, created.id());
		assertThat(location(new Http(port).login("khoa.thu", fresh))).endsWith("/account/password");
	}

	@Test
	void firstSignInRequiresAPasswordChangeThenTheSecondFactorForStaff() {
		Scope admin = Fixtures.scope(jdbc, Role.ADMIN, demo.ids().orElseThrow().provinceId());
		var created = accounts.create(admin, new AccountManagement.CreateAccount("canbo.moi", "Cán Bộ Mới",
				demo.ids().orElseThrow().communeId(), null, Role.COMMITTEE_STAFF, null));
		Http h = new Http(port);
		h.login("canbo.moi", created.temporaryPassword());
		assertThat(location(h.get("/orgs"))).endsWith("/account/password");
		assertThat(h.get("/api/v1/organizations").statusCode()).isEqualTo(401);
		HttpResponse<String> weak = h.post("/account/password", Map.of("current", created.temporaryPassword(), "next", "ngan",
				"repeat", "khac"));
		assertThat(weak.body()).contains("Mật khẩu mới").contains("cần ít nhất 10 ký tự").contains("không khớp");
		HttpResponse<String> ok = h.post("/account/password", Map.of("current", created.temporaryPassword(),
				"next", "Mat-khau-rat-dai-2026", "repeat", "Mat-khau-rat-dai-2026"));
		assertThat(location(ok)).endsWith("/account/totp");
		String setup = h.get("/account/totp").body();
		String secret = setup.replaceAll("(?s).*<code>([A-Z2-7]+)</code>.*", "$1");
		assertThat(location(h.post("/account/totp", Map.of("code", "000000")))).isEmpty();
		String secret2 = h.get("/account/totp").body().replaceAll("(?s).*<code>([A-Z2-7]+)</code>.*", "$1");
		assertThat(secret2).isNotEqualTo(secret);
		assertThat(location(h.post("/account/totp", Map.of("code", Http.code(secret2))))).endsWith("/");
		assertThat(h.get("/api/v1/organizations/" + demo.ids().orElseThrow().communeId()).statusCode()).isEqualTo(200);
		// Next sign-in asks for the code.
		Http again = new Http(port);
		assertThat(location(again.login("canbo.moi", "Mat-khau-rat-dai-2026"))).endsWith("/login/totp");
		assertThat(location(again.post("/login/totp", Map.of("code", "123456")))).isEmpty();
		assertThat(location(again.post("/login/totp", Map.of("code", Http.code(secret2))))).endsWith("/");
	}

	@Test
	void administratorsWorkWithinTheirScope() {
		var ids = demo.ids().orElseThrow();
		Scope communeAdmin = Fixtures.scope(jdbc, Role.ADMIN, ids.communeId());
		assertThatThrownBy(() -> accounts.create(communeAdmin, new AccountManagement.CreateAccount("ngoai.pham.vi", "Ngoài Phạm Vi",
				ids.otherCommuneId(), null, Role.CELL_SECRETARY, null))).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("phạm vi quản trị");
		var created = accounts.create(communeAdmin, new AccountManagement.CreateAccount("trong.pham.vi", "Trong Phạm Vi",
				ids.cellId(), null, Role.CELL_SECRETARY, null));
		assertThatThrownBy(() -> accounts.grant(communeAdmin, created.id(), ids.provinceId(), Role.ADMIN))
			.isInstanceOf(InvalidInput.class);
		long demoAdmin = jdbc.sql("select id from accounts.account where username = 'admin'").query(Long.class).single();
		assertThatThrownBy(() -> accounts.resetPassword(communeAdmin, demoAdmin)).isInstanceOf(vn.dangvu.shared.NotFound.class);
		assertThat(accounts.list(communeAdmin, "")).extracting(Account::username).contains("trong.pham.vi").doesNotContain("admin");
	}

	@Test
	void aRevokedGrantStopsWorkingAtOnce() {
		var ids = demo.ids().orElseThrow();
		Scope admin = Fixtures.scope(jdbc, Role.ADMIN, ids.provinceId());
		var created = accounts.create(admin, new AccountManagement.CreateAccount("thu.hoi", "Thu Hồi", ids.cellId(), null,
				Role.CELL_SECRETARY, null));
		accounts.resetPassword(admin, created.id());
		jdbc.sql("update accounts.account set must_change_password = false, password_hash = (select password_hash from accounts.account where username = 'bithu') where id = :id")
			.param("id", created.id()).update();
		Http h = Http.as(port, "thu.hoi");
		long member = Fixtures.memberIds(jdbc, ids.cellId()).get(0);
		assertThat(h.get("/api/v1/members/" + member).statusCode()).isEqualTo(200);
		long grant = accounts.grants(admin, created.id()).get(0).id();
		accounts.revoke(admin, created.id(), grant);
		assertThat(h.get("/api/v1/members/" + member).statusCode()).isEqualTo(404);
	}

	@Test
	void aKeptScopeFollowsEveryChangeAtOnce() {
		var ids = demo.ids().orElseThrow();
		Scope admin = Fixtures.scope(jdbc, Role.ADMIN, ids.provinceId());
		long grassroots = jdbc.sql("select parent_id from organizations.organization where id = :id").param("id", ids.cellId())
			.query(Long.class).single();
		long otherGrassroots = jdbc.sql("""
				select o.id from organizations.organization o where o.level = 'GRASSROOTS' and o.id <> :g
				  and o.path <@ (select path from organizations.organization where id = :p) limit 1
				""").param("g", grassroots).param("p", ids.provinceId()).query(Long.class).single();
		long cell = orgs.create(admin, new vn.dangvu.organizations.OrganizationManagement.CreateOrganization(grassroots,
				vn.dangvu.organizations.Level.CELL, "RESIDENTIAL", "Chi bộ Giữ Phạm Vi", null,
				new vn.dangvu.organizations.Decision(vn.dangvu.shared.VnText.today(), "12-QĐ/ĐU")));
		var created = accounts.create(admin, new AccountManagement.CreateAccount("giu.pham.vi", "Giữ Phạm Vi", cell, null,
				Role.CELL_SECRETARY, null));
		Scope first = accounts.scopeOf("giu.pham.vi").orElseThrow();
		assertThat(accounts.scopeOf("GIU.PHAM.VI").orElseThrow()).isSameAs(first); // kept, whatever the case typed
		String cellPath = orgs.get(admin, cell).path();
		assertThat(first.covers(vn.dangvu.shared.Capability.READ_MEMBERS, cellPath)).isTrue();

		// The cell moves to another grassroots organization: the grant's path follows at once.
		orgs.move(admin, cell, otherGrassroots, new vn.dangvu.organizations.Decision(vn.dangvu.shared.VnText.today(), "13-QĐ/ĐU"));
		String moved = orgs.get(admin, cell).path();
		assertThat(moved).isNotEqualTo(cellPath);
		Scope afterMove = accounts.scopeOf("giu.pham.vi").orElseThrow();
		assertThat(afterMove.covers(vn.dangvu.shared.Capability.READ_MEMBERS, moved)).isTrue();
		assertThat(afterMove.covers(vn.dangvu.shared.Capability.READ_MEMBERS, cellPath)).isFalse();

		// A new grant, then the account disabled.
		String otherCell = orgs.get(admin, ids.otherCellId()).path();
		assertThat(afterMove.covers(vn.dangvu.shared.Capability.READ_MEMBERS, otherCell)).isFalse();
		accounts.grant(admin, created.id(), ids.otherCellId(), Role.CELL_SECRETARY);
		assertThat(accounts.scopeOf("giu.pham.vi").orElseThrow().covers(vn.dangvu.shared.Capability.READ_MEMBERS, otherCell)).isTrue();
		accounts.setEnabled(admin, created.id(), false);
		assertThat(accounts.scopeOf("giu.pham.vi")).isEmpty();
	}

	@Test
	void theApiIsDescribedByOpenApi() {
		HttpResponse<String> r = new Http(port).get("/api/v1/openapi.json");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("\"openapi\"").contains("/api/v1/members/{id}").contains("/api/v1/organizations/{id}/members");
	}

	@Test
	void securityHeadersAndCsrfAreInPlace() {
		HttpResponse<String> r = new Http(port).get("/login");
		assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
		assertThat(r.headers().firstValue("X-Content-Type-Options").orElse("")).isEqualTo("nosniff");
		assertThat(r.headers().firstValue("X-Frame-Options").orElse("")).isEqualTo("DENY");
		Http bithu = Http.as(port, "bithu");
		long member = Fixtures.memberIds(jdbc, demo.ids().orElseThrow().cellId()).get(0);
		// The same signed-in session, a form post without the token: refused, nothing changed.
		assertThat(bithu.postWithoutCsrf("/members/" + member + "/transition", "transition=DECEASE").statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("select status from organizations.member where id = :id").param("id", member).query(String.class).single())
			.isNotEqualTo("DECEASED");
	}
}
