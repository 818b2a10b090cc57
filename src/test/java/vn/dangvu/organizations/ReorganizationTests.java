package vn.dangvu.organizations;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;
import vn.dangvu.support.Fixtures;
import vn.dangvu.support.Http;
import vn.dangvu.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Create, rename, move, merge, split, dissolve — with history, "as of" views and counters that stay right. */
@IntegrationTest
class ReorganizationTests {

	@Autowired
	OrganizationManagement orgs;

	@Autowired
	MemberManagement members;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoRegistry demo;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	@LocalServerPort
	int port;

	Scope admin;
	DemoRegistry.DemoIds ids;
	long grassroots;

	@BeforeEach
	void setUp() {
		ids = demo.ids().orElseThrow();
		admin = Fixtures.admin(jdbc, demo);
		grassroots = jdbc.sql("select parent_id from organizations.organization where id = :id").param("id", ids.cellId())
			.query(Long.class).single();
	}

	Decision on(LocalDate d, String ref) {
		return new Decision(d, ref);
	}

	long cell(String name, LocalDate established) {
		return orgs.create(admin, new OrganizationManagement.CreateOrganization(grassroots, Level.CELL, "RESIDENTIAL", name, null,
				on(established, "11-QĐ/ĐU")));
	}

	long addMembers(long cell, int n) {
		long first = 0;
		for (int i = 0; i < n; i++) {
			long id = members.create(admin, cell, new MemberInput("Đỗ Văn Sắp Xếp " + (char) ('A' + i), null, null, "Nam",
					"01/01/1970", null, null, null, null, null, null, null, null, null, "01/01/2000", null, null, "OFFICIAL",
					null, null, null, null, null, null, null, null));
			first = first == 0 ? id : first;
		}
		return first;
	}

	@Test
	void onlyValidParentLevelsAreAccepted() {
		assertThatThrownBy(() -> orgs.create(admin, new OrganizationManagement.CreateOrganization(ids.provinceId(), Level.CELL, null,
				"Chi bộ lạc chỗ", null, on(LocalDate.of(2025, 8, 1), "01-QĐ/TU"))))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("không thể trực thuộc");
		assertThatThrownBy(() -> Decision.of("32/13/2025", "1-QĐ/TU")).hasMessageContaining("không phải ngày hợp lệ");
		assertThatThrownBy(() -> Decision.of("01/01/2025", "QĐ 15")).hasMessageContaining("không đúng dạng");
	}

	@Test
	void renameKeepsTheOldNameForEarlierDates() {
		long id = cell("Chi bộ Xóm Cũ", LocalDate.of(2025, 7, 1));
		orgs.rename(admin, id, "Chi bộ Xóm Mới", on(LocalDate.of(2025, 10, 1), "21-QĐ/ĐU"));
		assertThat(orgs.get(admin, id).name()).isEqualTo("Chi bộ Xóm Mới");
		assertThat(orgs.childrenAsOf(admin, grassroots, LocalDate.of(2025, 8, 1))).extracting(OrganizationSummary::name)
			.contains("Chi bộ Xóm Cũ").doesNotContain("Chi bộ Xóm Mới");
		assertThat(orgs.childrenAsOf(admin, grassroots, LocalDate.of(2025, 11, 1))).extracting(OrganizationSummary::name)
			.contains("Chi bộ Xóm Mới");
		assertThat(orgs.events(admin, id)).extracting(OrganizationEvent::kind).contains("CREATE", "RENAME");
	}

	@Test
	void mergeMovesMembersAndKeepsHistoryAndCounters() {
		LocalDate est = LocalDate.of(2025, 7, 1);
		long a = cell("Chi bộ Hợp Nhất A", est);
		long b = cell("Chi bộ Hợp Nhất B", est);
		long target = cell("Chi bộ Sau Hợp Nhất", est);
		addMembers(a, 3);
		addMembers(b, 2);
		LocalDate mergedOn = VnText.today().minusDays(1);
		orgs.merge(admin, List.of(a, b), target, on(mergedOn, "30-QĐ/ĐU"));
		assertThat(orgs.get(admin, a).status()).isEqualTo("MERGED");
		assertThat(members.list(admin, target, MemberFilter.of(null, null, null, null, null, 1, 50)).total()).isEqualTo(5);
		assertThat(members.listAsOf(admin, a, mergedOn.minusDays(1))).hasSize(3);
		assertThat(members.listAsOf(admin, a, mergedOn)).isEmpty();
		assertThat(members.listAsOf(admin, target, mergedOn)).hasSize(5);
		assertThat(Fixtures.countersMismatches(jdbc)).isZero();
		assertThatThrownBy(() -> orgs.merge(admin, List.of(target), ids.communeId(), on(mergedOn, "31-QĐ/ĐU")))
			.hasMessageContaining("khác cấp");
	}

	@Test
	void moveCarriesTheSubtreeAndItsCounts() {
		long otherGrassroots = jdbc.sql("""
				select o.id from organizations.organization o where o.level = 'GRASSROOTS' and o.id <> :g
				  and o.path <@ (select path from organizations.organization where id = :p) limit 1
				""").param("g", grassroots).param("p", ids.provinceId()).query(Long.class).single();
		long c = cell("Chi bộ Di Chuyển", LocalDate.of(2025, 7, 1));
		addMembers(c, 4);
		long before = total(otherGrassroots);
		orgs.move(admin, c, otherGrassroots, on(VnText.today(), "40-QĐ/ĐU"));
		assertThat(total(otherGrassroots)).isEqualTo(before + 4);
		assertThat(orgs.get(admin, c).path()).startsWith(orgs.get(admin, otherGrassroots).path() + ".");
		assertThat(Fixtures.countersMismatches(jdbc)).isZero();
		assertThatThrownBy(() -> orgs.move(admin, grassroots, c, on(VnText.today(), "41-QĐ/ĐU")))
			.isInstanceOf(InvalidInput.class);
	}

	@Test
	void splitAllocatesEveryMemberOrRefuses() {
		LocalDate est = LocalDate.of(2025, 7, 1);
		long source = cell("Chi bộ Chia Tách", est);
		long t1 = cell("Chi bộ Tách Một", est);
		long t2 = cell("Chi bộ Tách Hai", est);
		long m1 = addMembers(source, 2);
		List<Long> all = Fixtures.memberIds(jdbc, source);
		assertThatThrownBy(() -> orgs.split(admin, source, List.of(t1, t2), Map.of(m1, t1), Map.of(), on(VnText.today(), "50-QĐ/ĐU")))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("chưa được phân");
		assertThat(orgs.get(admin, source).status()).isEqualTo("ACTIVE");
		orgs.split(admin, source, List.of(t1, t2), Map.of(all.get(0), t1, all.get(1), t2), Map.of(), on(VnText.today(), "50-QĐ/ĐU"));
		assertThat(orgs.get(admin, source).status()).isEqualTo("SPLIT");
		assertThat(Fixtures.memberIds(jdbc, t1)).containsExactly(all.get(0));
		assertThat(Fixtures.memberIds(jdbc, t2)).containsExactly(all.get(1));
		assertThat(Fixtures.countersMismatches(jdbc)).isZero();
	}

	/** A large organization is split without choosing for every member: those not chosen go to one organization. */
	@Test
	void splitSendsTheMembersNotChosenOneByOneWhereTheUserSays() {
		LocalDate est = LocalDate.of(2025, 7, 1);
		long source = cell("Chi bộ Chia Đông", est);
		long t1 = cell("Chi bộ Đông Một", est);
		long t2 = cell("Chi bộ Đông Hai", est);
		addMembers(source, 5);
		List<Long> all = Fixtures.memberIds(jdbc, source);
		// the rest sent to an organization that is not among the new ones: refused, naming the field, nothing changes
		assertThatThrownBy(() -> orgs.split(admin, source, List.of(t1, t2), Map.of(all.get(0), t1), Map.of(), ids.cellId(), null,
				on(VnText.today(), "51-QĐ/ĐU")))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("Các đảng viên còn lại");
		assertThat(Fixtures.memberIds(jdbc, source)).isEqualTo(all);
		assertThat(orgs.get(admin, source).status()).isEqualTo("ACTIVE");

		Http staff = Http.as(port, "canbo.tinh");
		assertThat(staff.get("/orgs/" + source + "/split").body()).contains("name=\"restMembersTo\"",
				"Các đảng viên còn lại (không chọn riêng)");
		var r = staff.postJson("/api/v1/organizations/" + source + "/split", """
				{"targets": [%d, %d], "members": {"%d": %d}, "restMembersTo": %d, "effectiveOn": "%s", "decisionRef": "51-QĐ/ĐU"}
				""".formatted(t1, t2, all.get(0), t1, t2, VnText.date(VnText.today())));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		assertThat(orgs.get(admin, source).status()).isEqualTo("SPLIT");
		assertThat(Fixtures.memberIds(jdbc, t1)).containsExactly(all.get(0));
		assertThat(Fixtures.memberIds(jdbc, t2)).containsExactlyElementsOf(all.subList(1, all.size()));
		assertThat(Fixtures.countersMismatches(jdbc)).isZero();
	}

	@Test
	void dissolveOnlyWhenEmpty() {
		long c = cell("Chi bộ Giải Thể", LocalDate.of(2025, 7, 1));
		long m = addMembers(c, 1);
		assertThatThrownBy(() -> orgs.dissolve(admin, c, on(VnText.today(), "60-QĐ/ĐU"))).hasMessageContaining("còn 1 đảng viên");
		members.transition(admin, m, new MemberManagement.TransitionRequest(Transition.DECEASE, null, null, null, null, null, null));
		orgs.dissolve(admin, c, on(VnText.today(), "60-QĐ/ĐU"));
		assertThat(orgs.get(admin, c).status()).isEqualTo("DISSOLVED");
		assertThat(orgs.children(admin, grassroots, false)).extracting(OrganizationSummary::id).doesNotContain(c);
		assertThat(orgs.children(admin, grassroots, true)).extracting(OrganizationSummary::id).contains(c);
	}

	@Test
	void searchIgnoresDiacriticsAndCase() {
		assertThat(orgs.search(admin, "xa tan an")).extracting(OrganizationSummary::name).contains("Đảng bộ Xã Tân An");
		assertThat(orgs.search(admin, "THON DONG")).extracting(OrganizationSummary::name).anyMatch(n -> n.contains("Thôn Đông"));
		Scope cellOnly = Fixtures.scope(jdbc, vn.dangvu.shared.Role.CELL_SECRETARY, ids.cellId());
		assertThat(orgs.search(cellOnly, "xa tan an")).isEmpty();
	}

	@Test
	void memberSearchFoldsDiacriticsAndSortsByGivenName() {
		var page = members.list(admin, ids.provinceId(), MemberFilter.of("nguyen thi", null, null, null, null, 1, 200));
		assertThat(page.rows()).isNotEmpty().allSatisfy(r -> assertThat(VnText.fold(r.fullName())).contains("nguyen thi"));
		// The province's "province word" keys (V14) find exactly the members the words themselves find.
		long byWords = jdbc.sql("""
				select count(*) from organizations.member m join organizations.organization o on o.id = m.organization_id
				where o.path <@ (select path from organizations.organization where id = :p)
				  and string_to_array(public.vn_fold(m.full_name), ' ') @> '{nguyen,thi}' and m.status not in ('REMOVED','EXPELLED','LEFT','DECEASED')
				""").param("p", ids.provinceId()).query(Long.class).single();
		assertThat(page.total()).isEqualTo(byWords);
		// The whole country (the demo has one province): the keys read province by province.
		Scope central = Fixtures.scope(jdbc, vn.dangvu.shared.Role.ADMIN, ids.centralId());
		var country = members.list(central, ids.centralId(), MemberFilter.of("nguyen thi", null, null, null, null, 1, 50));
		assertThat(country.total()).isEqualTo(byWords);
		assertThat(country.rows()).hasSize((int) Math.min(byWords, 50))
			.allSatisfy(r -> assertThat(VnText.fold(r.fullName())).contains("nguyen thi"));
		// Within part of a province (a commune): the same keys, kept to the commune's subtree.
		var commune = members.list(admin, ids.communeId(), MemberFilter.of("nguyen thi", null, null, null, null, 1, 200));
		long inCommune = jdbc.sql("""
				select count(*) from organizations.member m join organizations.organization o on o.id = m.organization_id
				where o.path <@ (select path from organizations.organization where id = :c)
				  and string_to_array(public.vn_fold(m.full_name), ' ') @> '{nguyen,thi}' and m.status not in ('REMOVED','EXPELLED','LEFT','DECEASED')
				""").param("c", ids.communeId()).query(Long.class).single();
		assertThat(commune.total()).isEqualTo(inCommune).isLessThan(byWords);
		assertThat(commune.rows()).hasSize((int) Math.min(inCommune, 200));
		// A partly typed word falls back to matching the text anywhere.
		var partial = members.list(admin, ids.provinceId(), MemberFilter.of("nguye", null, null, null, null, 1, 20));
		assertThat(partial.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.fullName()).contains("Nguyễn"));
		// Whole words in any order of the name's parts: "thi nguyen" is not "nguyen thi".
		assertThat(members.list(admin, ids.provinceId(), MemberFilter.of("zzzz", null, null, null, null, 1, 20)).total()).isZero();
		List<String> given = page.rows().stream().map(r -> r.fullName().substring(r.fullName().lastIndexOf(' ') + 1)).toList();
		java.text.Collator vi = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"));
		for (int i = 1; i < given.size(); i++) {
			assertThat(vi.compare(given.get(i - 1), given.get(i))).as("%s before %s", given.get(i - 1), given.get(i)).isLessThanOrEqualTo(0);
		}
	}

	@Test
	void aWholeProvinceSearchPagesOnFiltersAndLeavesTheConnectionAsItWas() {
		var first = members.list(admin, ids.provinceId(), MemberFilter.of("nguyen", null, null, null, null, 1, 20));
		var second = members.list(admin, ids.provinceId(), MemberFilter.of("nguyen", null, null, null, null, 2, 20));
		long nguyen = jdbc.sql("""
				select count(*) from organizations.member m join organizations.organization o on o.id = m.organization_id
				where o.path <@ (select path from organizations.organization where id = :p)
				  and string_to_array(public.vn_fold(m.full_name), ' ') @> '{nguyen}' and m.status not in ('REMOVED','EXPELLED','LEFT','DECEASED')
				""").param("p", ids.provinceId()).query(Long.class).single();
		assertThat(nguyen).isGreaterThan(40);
		assertThat(first.total()).isEqualTo(second.total()).isEqualTo(nguyen);
		assertThat(first.rows()).hasSize(20);
		assertThat(second.rows()).hasSize(20).extracting(MemberRow::id)
			.doesNotContainAnyElementsOf(first.rows().stream().map(MemberRow::id).toList());
		java.text.Collator vi = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"));
		String lastOfFirst = first.rows().get(19).fullName();
		String firstOfSecond = second.rows().get(0).fullName();
		assertThat(vi.compare(lastOfFirst.substring(lastOfFirst.lastIndexOf(' ') + 1),
				firstOfSecond.substring(firstOfSecond.lastIndexOf(' ') + 1))).isLessThanOrEqualTo(0);
		// The whole country (the demo has one province) pages on the same way.
		Scope central = Fixtures.scope(jdbc, vn.dangvu.shared.Role.ADMIN, ids.centralId());
		var countryFirst = members.list(central, ids.centralId(), MemberFilter.of("nguyen", null, null, null, null, 1, 20));
		var countrySecond = members.list(central, ids.centralId(), MemberFilter.of("nguyen", null, null, null, null, 2, 20));
		assertThat(countryFirst.total()).isEqualTo(countrySecond.total()).isEqualTo(nguyen);
		assertThat(countryFirst.rows()).extracting(MemberRow::id).isEqualTo(first.rows().stream().map(MemberRow::id).toList());
		assertThat(countrySecond.rows()).extracting(MemberRow::id).isEqualTo(second.rows().stream().map(MemberRow::id).toList());
		// The other filters apply to the hits before they are counted and cut to the page.
		var women = members.list(admin, ids.provinceId(), MemberFilter.of("nguyen", null, null, "F", null, 1, 200));
		long nguyenWomen = jdbc.sql("""
				select count(*) from organizations.member m join organizations.organization o on o.id = m.organization_id
				where o.path <@ (select path from organizations.organization where id = :p) and m.gender = 'F'
				  and string_to_array(public.vn_fold(m.full_name), ' ') @> '{nguyen}' and m.status not in ('REMOVED','EXPELLED','LEFT','DECEASED')
				""").param("p", ids.provinceId()).query(Long.class).single();
		assertThat(women.total()).isEqualTo(nguyenWomen).isLessThan(nguyen);
		assertThat(women.rows()).allSatisfy(r -> assertThat(r.gender()).isEqualTo("F"));
		// The search sets its plan settings for itself only: on the same connection (one transaction) they are back after it.
		String settings = "select current_setting('plan_cache_mode') || ' ' || current_setting('max_parallel_workers_per_gather')";
		String before = jdbc.sql(settings).query(String.class).single();
		String after = tx.execute(status -> {
			members.list(admin, ids.provinceId(), MemberFilter.of("nguyen thi", null, null, null, null, 1, 20));
			return jdbc.sql(settings).query(String.class).single();
		});
		assertThat(after).isEqualTo(before).startsWith("auto ");
	}

	long total(long orgId) {
		return orgs.counts(admin, orgId).stream().filter(c -> c.status().equals("OFFICIAL") || c.status().equals("PROBATIONARY"))
			.mapToLong(StatusCount::count).sum();
	}
}
