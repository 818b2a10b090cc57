package vn.dangvu.organizations;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dangvu.support.Fixtures;
import vn.dangvu.support.Http;
import vn.dangvu.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secretary of one cell cannot list, view, change, export or import another cell's members, through the pages
 * or the API, nor by guessing ids; a commune's staff see their commune only; a province's staff see the province;
 * an ordinary member sees their own record and only names and statuses of cell-mates.
 */
@IntegrationTest
class ScopeIsolationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoRegistry demo;

	DemoRegistry.DemoIds ids;
	long ownMember;
	long otherMember;

	@BeforeEach
	void setUp() {
		ids = demo.ids().orElseThrow();
		ownMember = Fixtures.memberIds(jdbc, ids.cellId()).get(1);
		otherMember = Fixtures.memberIds(jdbc, ids.otherCellId()).get(1);
	}

	@Test
	void secretarySeesOwnCell() {
		Http bithu = Http.as(port, "bithu");
		assertThat(bithu.get("/orgs/" + ids.cellId() + "/members").statusCode()).isEqualTo(200);
		assertThat(bithu.get("/members/" + ownMember).statusCode()).isEqualTo(200);
		assertThat(bithu.get("/api/v1/members/" + ownMember).statusCode()).isEqualTo(200);
		assertThat(bithu.get("/api/v1/organizations/" + ids.cellId() + "/members").body()).contains("\"total\"");
	}

	@Test
	void secretaryCannotReachAnotherCellThroughPages() {
		Http bithu = Http.as(port, "bithu");
		long other = ids.otherCellId();
		assertThat(bithu.get("/orgs/" + other).statusCode()).isEqualTo(404);
		assertThat(bithu.get("/orgs/" + other + "/members").statusCode()).isEqualTo(404);
		assertThat(bithu.get("/orgs/" + other + "/members.xlsx").statusCode()).isEqualTo(404);
		assertThat(bithu.get("/orgs/" + other + "/members.csv").statusCode()).isEqualTo(404);
		assertThat(bithu.get("/orgs/" + other + "/import").statusCode()).isEqualTo(404);
		assertThat(bithu.postMultipart("/orgs/" + other + "/import", "file", "x.xlsx", "application/octet-stream", new byte[] { 1 })
			.statusCode()).isEqualTo(404);
		assertThat(bithu.get("/orgs/" + other + "/members/new").statusCode()).isEqualTo(404);
		assertThat(bithu.post("/orgs/" + other + "/members", Map.of("fullName", "Lê Văn Tám", "gender", "M",
				"birthDate", "01/01/1980", "admittedOn", "01/01/2010", "standing", "OFFICIAL")).statusCode()).isEqualTo(404);
		assertThat(bithu.get("/members/" + otherMember).statusCode()).isEqualTo(404);
		assertThat(bithu.get("/members/" + otherMember + "/edit").statusCode()).isEqualTo(404);
		int version = jdbc.sql("select version from organizations.member where id = :id").param("id", otherMember).query(Integer.class).single();
		assertThat(bithu.post("/members/" + otherMember, Map.of("fullName", "Bị Sửa Trộm", "gender", "M", "birthDate", "01/01/1980",
				"admittedOn", "01/01/2010", "standing", "OFFICIAL", "version", String.valueOf(version))).statusCode()).isEqualTo(404);
		assertThat(bithu.post("/members/" + otherMember + "/transition", Map.of("transition", "DECEASE")).statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("select status from organizations.member where id = :id").param("id", otherMember)
			.query(String.class).single()).isNotEqualTo("DECEASED");
		assertThat(jdbc.sql("select full_name from organizations.member where id = :id").param("id", otherMember)
			.query(String.class).single()).isNotEqualTo("Bị Sửa Trộm");
	}

	@Test
	void secretaryCannotReachAnotherCellThroughTheApi() {
		Http bithu = Http.as(port, "bithu");
		long other = ids.otherCellId();
		assertThat(bithu.get("/api/v1/organizations/" + other).statusCode()).isEqualTo(404);
		assertThat(bithu.get("/api/v1/organizations/" + other + "/members").statusCode()).isEqualTo(404);
		assertThat(bithu.get("/api/v1/organizations/" + other + "/counts").statusCode()).isEqualTo(404);
		HttpResponse<String> r = bithu.get("/api/v1/members/" + otherMember);
		assertThat(r.statusCode()).isEqualTo(404);
		assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		assertThat(bithu.postJson("/api/v1/members/" + otherMember + "/transitions", "{\"transition\":\"DECEASE\"}").statusCode())
			.isEqualTo(404);
		assertThat(bithu.putJson("/api/v1/members/" + otherMember + "?version=0", "{\"fullName\":\"X Y\"}").statusCode()).isEqualTo(404);
		assertThat(bithu.postJson("/api/v1/organizations/" + other + "/members",
				"{\"fullName\":\"Lê Văn Tám\",\"gender\":\"M\",\"birthDate\":\"01/01/1980\",\"admittedOn\":\"01/01/2010\",\"standing\":\"OFFICIAL\"}")
			.statusCode()).isEqualTo(404);
	}

	@Test
	void guessingIdsRevealsNothing() {
		Http bithu = Http.as(port, "bithu");
		List<Long> own = Fixtures.memberIds(jdbc, ids.cellId());
		long max = jdbc.sql("select max(id) from organizations.member").query(Long.class).single();
		int seen = 0;
		for (long id = 1; id <= max; id += 7) {
			int page = bithu.get("/members/" + id).statusCode();
			int api = bithu.get("/api/v1/members/" + id).statusCode();
			if (own.contains(id)) {
				assertThat(page).isEqualTo(200);
				assertThat(api).isEqualTo(200);
				seen++;
			}
			else {
				assertThat(page).as("page of member %d", id).isEqualTo(404);
				assertThat(api).as("API of member %d", id).isEqualTo(404);
			}
		}
		// Past the last id the answer is the same as for an id outside the scope.
		assertThat(bithu.get("/api/v1/members/" + (max + 1000)).statusCode()).isEqualTo(404);
		assertThat(seen).isPositive();
	}

	@Test
	void communeStaffSeeTheirCommuneOnly() {
		Http xa = Http.as(port, "canbo.xa");
		assertThat(xa.get("/members/" + ownMember).statusCode()).isEqualTo(200);
		long cellOfOtherCommune = jdbc.sql("""
				select o.id from organizations.organization o, organizations.organization x
				where x.id = :x and o.path <@ x.path and o.level in ('CELL','GRASSROOTS_CELL') limit 1
				""").param("x", ids.otherCommuneId()).query(Long.class).single();
		long foreign = Fixtures.memberIds(jdbc, cellOfOtherCommune).get(0);
		assertThat(xa.get("/orgs/" + ids.otherCommuneId()).statusCode()).isEqualTo(404);
		assertThat(xa.get("/members/" + foreign).statusCode()).isEqualTo(404);
		assertThat(xa.get("/api/v1/organizations/" + cellOfOtherCommune + "/members").statusCode()).isEqualTo(404);
		String list = xa.get("/api/v1/organizations/" + ids.communeId() + "/members?size=200").body();
		assertThat(list).doesNotContain("\"organizationId\":" + cellOfOtherCommune + ",");
	}

	@Test
	void provinceStaffSeeTheWholeProvinceAndNothingOutside() {
		Http tinh = Http.as(port, "canbo.tinh");
		long foreignCommune = ids.otherCommuneId();
		assertThat(tinh.get("/orgs/" + foreignCommune).statusCode()).isEqualTo(200);
		assertThat(tinh.get("/members/" + otherMember).statusCode()).isEqualTo(200);
		// The central organization above the province is outside the grant.
		assertThat(tinh.get("/orgs/" + ids.centralId()).statusCode()).isEqualTo(404);
		assertThat(tinh.get("/api/v1/organizations/" + ids.centralId() + "/counts").statusCode()).isEqualTo(404);
		String total = tinh.get("/api/v1/organizations/" + ids.provinceId() + "/members?size=1").body();
		long expected = jdbc.sql("""
				select count(*) from organizations.member where status not in ('REMOVED','EXPELLED','LEFT','DECEASED')
				  and organization_id in (select id from organizations.organization o
				                          where o.path <@ (select path from organizations.organization where id = :p))
				""").param("p", ids.provinceId()).query(Long.class).single();
		assertThat(total).contains("\"total\":" + expected);
	}

	@Test
	void memberSeesOwnRecordAndOnlyNamesOfCellMates() {
		Http dv = Http.as(port, "dangvien");
		assertThat(dv.get("/members/" + ids.memberId()).statusCode()).isEqualTo(200);
		assertThat(dv.get("/api/v1/members/" + ids.memberId()).body()).contains("\"citizenId\"");
		long mate = Fixtures.memberIds(jdbc, ids.cellId()).stream().filter(id -> id != ids.memberId()).findFirst().orElseThrow();
		assertThat(dv.get("/members/" + mate).statusCode()).isEqualTo(404);
		assertThat(dv.get("/api/v1/members/" + mate).statusCode()).isEqualTo(404);
		assertThat(dv.get("/api/v1/organizations/" + ids.cellId() + "/members").statusCode()).isEqualTo(404);
		assertThat(dv.get("/orgs/" + ids.cellId() + "/members.csv").statusCode()).isEqualTo(404);
		String peers = dv.get("/orgs/" + ids.cellId() + "/members").body();
		String mateName = jdbc.sql("select full_name from organizations.member where id = :id").param("id", mate).query(String.class).single();
		String matePhone = jdbc.sql("select phone from organizations.member where id = :id").param("id", mate).query(String.class).single();
		assertThat(peers).contains(mateName).doesNotContain(matePhone).doesNotContain("/members/" + mate);
		assertThat(dv.get("/orgs/" + ids.otherCellId() + "/members").statusCode()).isEqualTo(404);
	}

	@Test
	void readOnlyCommitteeMemberCanViewButNotChange() {
		Http uv = Http.as(port, "uyvien.xa");
		assertThat(uv.get("/members/" + ownMember).statusCode()).isEqualTo(200);
		assertThat(uv.post("/members/" + ownMember + "/transition", Map.of("transition", "DECEASE")).statusCode()).isEqualTo(403);
		assertThat(uv.get("/orgs/" + ids.cellId() + "/import").statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("select status from organizations.member where id = :id").param("id", ownMember)
			.query(String.class).single()).isNotEqualTo("DECEASED");
	}
}
