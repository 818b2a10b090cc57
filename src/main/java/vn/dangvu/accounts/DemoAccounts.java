package vn.dangvu.accounts;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dangvu.organizations.DemoRegistry;
import vn.dangvu.shared.Role;

/**
 * On start with {@code dangvu.demo.enabled}: loads the demo province into an empty database, creates one account
 * per role, and prints the URL and the accounts. The accounts are marked demo and share a published password:
 * never enable demo data on a server holding real data.
 */
@Component
@org.springframework.core.annotation.Order(100)
class DemoAccounts implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
	static final String PASSWORD = "DangVu@2026";
	/** Published TOTP secret of the demo accounts above a cell, so the demo can be tried with any authenticator app. */
	static final String TOTP_SECRET = "DEMODANGVUDEMODANGVUDEMODANGVU22";

	private final DemoRegistry registry;
	private final AccountRepository accounts;
	private final PasswordEncoder encoder;
	private final TransactionTemplate tx;
	private final Environment env;
	private final boolean enabled;

	DemoAccounts(DemoRegistry registry, AccountRepository accounts, PasswordEncoder encoder, TransactionTemplate tx,
			Environment env, @Value("${dangvu.demo.enabled:false}") boolean enabled) {
		this.registry = registry;
		this.accounts = accounts;
		this.encoder = encoder;
		this.tx = tx;
		this.env = env;
		this.enabled = enabled;
	}

	record Demo(String username, String name, Role role, String where) {
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		var ids = tx.execute(s -> {
			if (registry.databaseEmpty()) {
				registry.load();
			}
			var d = registry.ids().orElse(null);
			if (d != null && accounts.count() == 0) {
				String hash = encoder.encode(PASSWORD);
				create("admin", "Quản trị tỉnh (mẫu)", Role.ADMIN, d.provinceId(), null, hash, true);
				create("canbo.tinh", "Cán bộ Ban Tổ chức tỉnh (mẫu)", Role.COMMITTEE_STAFF, d.provinceId(), null, hash, true);
				create("canbo.xa", "Cán bộ Đảng ủy xã (mẫu)", Role.COMMITTEE_STAFF, d.communeId(), null, hash, true);
				create("uyvien.xa", "Đảng ủy viên xã (mẫu)", Role.COMMITTEE_MEMBER, d.communeId(), d.committeeMemberId(), hash, true);
				create("bithu", "Bí thư chi bộ (mẫu)", Role.CELL_SECRETARY, d.cellId(), null, hash, false);
				create("phobithu", "Phó Bí thư chi bộ (mẫu)", Role.CELL_DEPUTY, d.cellId(), null, hash, false);
				create("bithu2", "Bí thư chi bộ khác (mẫu)", Role.CELL_SECRETARY, d.otherCellId(), null, hash, false);
				create("dangvien", "Đảng viên (mẫu)", null, d.cellId(), d.memberId(), hash, false);
			}
			return d;
		});
		if (ids == null) {
			return;
		}
		String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
		List<String> lines = new ArrayList<>();
		lines.add("");
		lines.add("==== Đảng vụ đang chạy: http://localhost:" + port + "/  (DỮ LIỆU MẪU — demo data) ====");
		lines.add("Mật khẩu của mọi tài khoản mẫu / password of every demo account: " + PASSWORD);
		lines.add("  admin       quản trị, toàn tỉnh mẫu          (xác thực hai bước)");
		lines.add("  canbo.tinh  cán bộ tổ chức, toàn tỉnh mẫu    (xác thực hai bước)");
		lines.add("  canbo.xa    cán bộ tổ chức, Đảng bộ Xã Tân An (xác thực hai bước)");
		lines.add("  uyvien.xa   đảng ủy viên, chỉ xem, Xã Tân An; theo dõi Chi bộ Thôn Đông (xác thực hai bước)");
		lines.add("  bithu       bí thư Chi bộ Thôn Đông");
		lines.add("  phobithu    phó bí thư Chi bộ Thôn Đông");
		lines.add("  bithu2      bí thư Chi bộ Thôn Tây");
		lines.add("  dangvien    đảng viên Chi bộ Thôn Đông (chỉ xem hồ sơ của mình)");
		lines.add("Mã bí mật TOTP của tài khoản mẫu / demo TOTP secret: " + TOTP_SECRET
				+ "  (thêm vào ứng dụng xác thực, hoặc: oathtool --totp -b " + TOTP_SECRET + ")");
		lines.add("Tắt dữ liệu mẫu / turn demo data off: DANGVU_DEMO_ENABLED=false");
		log.info(String.join(System.lineSeparator(), lines));
	}

	private void create(String username, String name, Role role, long orgId, Long memberId, String hash, boolean totp) {
		String path = registry.pathOf(orgId);
		long id = accounts.insert(username, name, hash, memberId, orgId, path, true);
		accounts.setPassword(id, hash, false);
		if (role != null) {
			accounts.grant(id, orgId, role, "dữ liệu mẫu");
		}
		if (totp) {
			accounts.setTotpSecret(id, TOTP_SECRET);
			accounts.enableTotp(id);
		}
	}
}
