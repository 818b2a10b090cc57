package vn.dangvu.organizations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dangvu.shared.VnText;

/**
 * Demo data: a fictional province, clearly labelled, with communes, grassroots organizations, cells and members
 * with realistic names. Loaded once, into an empty database, when {@code dangvu.demo.enabled} is true.
 */
@Component
public class DemoRegistry {

	private static final Logger log = LoggerFactory.getLogger(DemoRegistry.class);

	/** Ids the demo accounts attach to. */
	public record DemoIds(long centralId, long provinceId, long communeId, long cellId, long otherCellId,
			long otherCommuneId, long memberId, long committeeMemberId) {
	}

	/** The demo's cells, for loading their meetings. */
	public List<Long> cellIds() {
		return jdbc.sql("select id from organizations.organization where demo and level in ('CELL','GRASSROOTS_CELL') and status = 'ACTIVE' order by id")
			.query(Long.class).list();
	}

	private final JdbcClient jdbc;
	private final OrganizationRepository orgs;
	private final MemberRepository members;
	private final int memberCount;

	DemoRegistry(JdbcClient jdbc, OrganizationRepository orgs, MemberRepository members,
			@Value("${dangvu.demo.members:3000}") int memberCount) {
		this.jdbc = jdbc;
		this.orgs = orgs;
		this.members = members;
		this.memberCount = memberCount;
	}

	public boolean databaseEmpty() {
		return jdbc.sql("select not exists (select 1 from organizations.organization)").query(Boolean.class).single();
	}

	public Optional<DemoIds> ids() {
		return jdbc.sql("""
				select (select id from organizations.organization where code = 'DEMO-TW'),
				       (select id from organizations.organization where code = 'DEMO-TINH'),
				       (select id from organizations.organization where code = 'DEMO-XA-1'),
				       (select id from organizations.organization where code = 'DEMO-CB-1'),
				       (select id from organizations.organization where code = 'DEMO-CB-2'),
				       (select id from organizations.organization where code = 'DEMO-XA-2'),
				       (select min(id) from organizations.member m
				        where m.organization_id = (select id from organizations.organization where code = 'DEMO-CB-1')
				          and m.standing = 'OFFICIAL' and m.status = 'ACTIVE'),
				       (select min(id) from organizations.member m
				        where m.organization_id = (select id from organizations.organization where code = 'DEMO-CB-2')
				          and m.standing = 'OFFICIAL' and m.status = 'ACTIVE')
				""").query((rs, i) -> rs.getObject(2) == null ? null : new DemoIds(rs.getLong(1), rs.getLong(2), rs.getLong(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8))).optional();
	}

	public String pathOf(long id) {
		return orgs.pathsOf(List.of(id)).get(id);
	}

	@Transactional
	public DemoIds load() {
		SplittableRandom r = new SplittableRandom(20251);
		LocalDate est = LocalDate.of(2025, 7, 1);
		long central = orgs.insert(null, "", Level.CENTRAL, null, "Trung ương (dữ liệu mẫu)", "DEMO-TW", LocalDate.of(1930, 2, 3), true);
		String centralPath = String.valueOf(central);
		long province = orgs.insert(central, centralPath, Level.PROVINCE, null, "Đảng bộ tỉnh Sơn Hà (dữ liệu mẫu)", "DEMO-TINH", est, true);
		String provincePath = centralPath + "." + province;
		String[] communes = { "Xã Tân An", "Phường Đông Hòa", "Xã Mường Lạng", "Phường Bến Đò", "Xã Ea Súp", "Đặc khu Hòn Ngọc" };
		String[] hamlets = { "Thôn Đông", "Thôn Tây", "Thôn Bắc", "Thôn Nam", "Khu phố 1", "Khu phố 2", "Tổ dân phố Ánh Dương",
				"Bản Na Hang", "Bản Ít Ong", "Ấp Phước Lợi" };
		String[] workplaces = { "Trường THCS", "Trạm Y tế", "Công an", "Hợp tác xã Nông nghiệp", "Trường Tiểu học" };
		List<Long> cells = new ArrayList<>();
		List<String> cellPaths = new ArrayList<>();
		long commune1 = 0;
		long commune2 = 0;
		for (int c = 0; c < communes.length; c++) {
			long commune = orgs.insert(province, provincePath, Level.COMMUNE, null, "Đảng bộ " + communes[c], "DEMO-XA-" + (c + 1), est, true);
			if (c == 0) {
				commune1 = commune;
			}
			if (c == 1) {
				commune2 = commune;
			}
			String communePath = provincePath + "." + commune;
			// Residential cells under the commune's grassroots organization, and a few workplace grassroots cells.
			long grassroots = orgs.insert(commune, communePath, Level.GRASSROOTS, "RESIDENTIAL", "Đảng bộ cơ sở " + communes[c],
					null, est, true);
			String gPath = communePath + "." + grassroots;
			for (int h = 0; h < 6; h++) {
				String name = "Chi bộ " + hamlets[(c + h) % hamlets.length];
				long cell = orgs.insert(grassroots, gPath, Level.CELL, "RESIDENTIAL", name, c == 0 && h == 0 ? "DEMO-CB-1"
						: c == 0 && h == 1 ? "DEMO-CB-2" : null, est, true);
				cells.add(cell);
				cellPaths.add(gPath + "." + cell);
			}
			for (int w = 0; w < 3; w++) {
				long cell = orgs.insert(commune, communePath, Level.GRASSROOTS_CELL, "WORKPLACE",
						"Chi bộ " + workplaces[(c + w) % workplaces.length] + " " + communes[c].replaceFirst("^(Xã|Phường|Đặc khu) ", ""),
						null, est, true);
				cells.add(cell);
				cellPaths.add(communePath + "." + cell);
			}
		}
		long first = 0;
		for (int i = 0; i < memberCount; i++) {
			int cellIndex = i % cells.size();
			long member = insertMember(r, cells.get(cellIndex), i);
			if (first == 0) {
				first = member;
			}
		}
		// A secretary, a deputy and a committee member in every cell.
		jdbc.sql("""
				insert into organizations.position (member_id, organization_id, title, started_on, decision_ref)
				select id, organization_id, case rn when 1 then 'BI_THU' when 2 then 'PHO_BI_THU' else 'CHI_UY_VIEN' end,
				       date '2025-07-01', '01-QĐ/ĐU'
				from (select id, organization_id, row_number() over (partition by organization_id order by id) rn
				      from organizations.member where demo and standing = 'OFFICIAL' and status = 'ACTIVE') x
				where rn <= 3
				""").update();
		// The grassroots committee (đảng ủy cơ sở) of each commune counts the secretaries of its first three residential
		// cells: cadres with two posts, reviewed in each place.
		jdbc.sql("""
				insert into organizations.position (member_id, organization_id, title, started_on, decision_ref)
				select member_id, parent_id, 'CAP_UY_VIEN', date '2025-07-01', '02-NQ/ĐU'
				from (select p.member_id, o.parent_id, row_number() over (partition by o.parent_id order by o.id) rn
				      from organizations.position p join organizations.organization o on o.id = p.organization_id
				      where o.demo and o.level = 'CELL' and p.title = 'BI_THU') x
				where rn <= 3
				""").update();
		log.info("Demo registry loaded: {} organizations, {} members", cells.size() + 2 + communes.length * 2, memberCount);
		return ids().orElseThrow();
	}

	private long insertMember(SplittableRandom r, long cell, int i) {
		boolean male = r.nextInt(100) < 62;
		String name = VietnameseNames.full(r, male);
		LocalDate today = VnText.today();
		LocalDate born = LocalDate.of(1940 + r.nextInt(62), 1 + r.nextInt(12), 1 + r.nextInt(28));
		LocalDate earliest = born.plusYears(18 + r.nextInt(12));
		if (earliest.isAfter(today.minusMonths(2))) {
			earliest = today.minusMonths(2 + r.nextInt(6));
		}
		long span = Math.max(1, today.toEpochDay() - earliest.toEpochDay() - 30);
		LocalDate admitted = earliest.plusDays(r.nextLong(span));
		boolean probationary = admitted.isAfter(today.minusMonths(12));
		String standing = probationary ? "PROBATIONARY" : "OFFICIAL";
		String ethnicity = VietnameseNames.ETHNICITY[r.nextInt(VietnameseNames.ETHNICITY.length)];
		String cid = String.format("%03d%d%02d%06d", 1 + r.nextInt(96), male ? 0 : 1, born.getYear() % 100, i);
		MemberInput.Data d = new MemberInput.Data(name, null, null, male ? "M" : "F", born, "Sơn Hà", "Sơn Hà",
				"Thôn " + (1 + r.nextInt(12)) + ", tỉnh Sơn Hà (mẫu)", ethnicity, r.nextInt(10) == 0 ? "Phật giáo" : "Không",
				cid, String.format("%06dSH", 100000 + i), probationary ? null : String.format("%08d", 20000000 + i), null,
				admitted, admitted.plusDays(r.nextInt(20)), probationary ? null : admitted.plusMonths(12), standing,
				r.nextBoolean() ? "12/12" : "9/12", r.nextInt(3) == 0 ? "Đại học" : null,
				r.nextInt(4) == 0 ? "Trung cấp" : "Sơ cấp", null,
				r.nextInt(3) == 0 ? "Hưu trí" : r.nextBoolean() ? "Nông dân" : "Công chức", null,
				"09" + (10000000 + r.nextInt(89999999)), null);
		long id = members.insert(cell, d);
		jdbc.sql("update organizations.member set demo = true where id = :id").param("id", id).update();
		members.openMembership(id, cell, "OFFICIAL", admitted.isBefore(LocalDate.of(2025, 7, 1)) ? LocalDate.of(2025, 7, 1) : admitted);
		members.event(id, "ADMIT", admitted, String.format("%02d-QĐ/ĐU", 1 + r.nextInt(99)), null, null, "PROBATIONARY", cell, null, "dữ liệu mẫu");
		if (!probationary) {
			members.event(id, "RECOGNIZE", admitted.plusMonths(12), String.format("%02d-QĐ/ĐU", 1 + r.nextInt(99)), null,
					"PROBATIONARY", "OFFICIAL", null, null, "dữ liệu mẫu");
			int roll = r.nextInt(100);
			String status = roll < 4 && born.isBefore(LocalDate.of(1960, 1, 1)) ? "EXEMPT" : roll == 5 ? "ON_LEAVE" : null;
			if (status != null) {
				LocalDate on = today.minusDays(30 + r.nextInt(300));
				members.setState(id, standing, status, on);
				members.event(id, status.equals("EXEMPT") ? "EXEMPT_FROM_WORK" : "LEAVE", on, "05-NQ/CB", null, "OFFICIAL",
						status, null, status.equals("ON_LEAVE") ? on.plusMonths(6) : null, "dữ liệu mẫu");
			}
		}
		return id;
	}
}
