package vn.dangvu.accounts;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.time.SystemTimeProvider;
import dev.samstevens.totp.util.Utils;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dangvu.organizations.MemberManagement;
import vn.dangvu.organizations.OrganizationManagement;
import vn.dangvu.organizations.OrganizationMoved;
import vn.dangvu.shared.Audited;
import vn.dangvu.shared.Capability;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.NotFound;
import vn.dangvu.shared.Role;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.ScopeProvider;

/**
 * Accounts and their grants. Administrators ({@link Capability#MANAGE_ACCOUNTS}) manage accounts whose home
 * organization is within their scope, and grant roles only at organizations within it. Builds each request's
 * {@link Scope} from the database, kept a few seconds by {@link ScopeCache}, which every change to a scope empties
 * at once.
 */
@Service
public class AccountManagement implements ScopeProvider {

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountRepository accounts;
	private final OrganizationManagement organizations;
	private final MemberManagement members;
	private final PasswordEncoder encoder;
	private final ApplicationEventPublisher events;
	private final CodeVerifier verifier = new DefaultCodeVerifier(new DefaultCodeGenerator(), new SystemTimeProvider());

	private final ScopeCache scopes;

	AccountManagement(AccountRepository accounts, OrganizationManagement organizations, MemberManagement members,
			PasswordEncoder encoder, ApplicationEventPublisher events, ScopeCache scopes) {
		this.scopes = scopes;
		this.accounts = accounts;
		this.organizations = organizations;
		this.members = members;
		this.encoder = encoder;
		this.events = events;
	}

	@Override
	public Optional<Scope> scopeOf(String username) {
		return scopes.get(username, () -> loadScope(username));
	}

	private Optional<Scope> loadScope(String username) {
		return accounts.credentialsAndGrants(username).filter(e -> e.getKey().enabled()).map(e -> {
			AccountRepository.Credentials c = e.getKey();
			List<RoleGrant> grants = e.getValue();
			List<Long> ids = new ArrayList<>(grants.stream().map(RoleGrant::organizationId).toList());
			Long memberOrg = null;
			Map<Long, String> paths;
			if (c.memberId() != null) {
				var sp = organizations.scopePaths(ids, c.memberId());
				memberOrg = sp.memberOrganizationId();
				paths = sp.paths();
			}
			else {
				paths = organizations.pathsOf(ids);
			}
			List<Scope.Grant> scopeGrants = new ArrayList<>();
			for (RoleGrant g : grants) {
				String p = paths.get(g.organizationId());
				if (p != null) {
					scopeGrants.add(new Scope.Grant(g.organizationId(), p, g.role()));
				}
			}
			if (memberOrg != null && paths.containsKey(memberOrg)) {
				scopeGrants.add(new Scope.Grant(memberOrg, paths.get(memberOrg), Role.MEMBER));
			}
			return new Scope(c.id(), c.username(), c.memberId(), memberOrg, List.copyOf(scopeGrants));
		});
	}

	public List<Account> list(Scope scope, String q) {
		return accounts.listInScope(scope.paths(Capability.MANAGE_ACCOUNTS), vn.dangvu.shared.VnText.fold(q), 200);
	}

	public Account get(Scope scope, long id) {
		return accounts.findInScope(id, scope.paths(Capability.MANAGE_ACCOUNTS)).orElseThrow(() -> new NotFound("account " + id));
	}

	public List<RoleGrant> grants(Scope scope, long id) {
		get(scope, id);
		return accounts.grants(id);
	}

	/** What a new account needs; the role is granted at {@code roleOrganizationId}. */
	public record CreateAccount(String username, String displayName, long homeOrganizationId, @Nullable Long memberId,
			@Nullable Role role, @Nullable Long roleOrganizationId) {
	}

	/** A new account and the one-time password to hand over; it must be changed at first sign-in. */
	public record Created(long id, String temporaryPassword) {
	}

	@Transactional
	public Created create(Scope scope, CreateAccount cmd) {
		String username = cmd.username() == null ? "" : cmd.username().trim().toLowerCase();
		if (!username.matches("^[a-z0-9._-]{3,40}$")) {
			throw new InvalidInput("Tên đăng nhập", "3–40 ký tự gồm chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới");
		}
		if (accounts.usernameTaken(username)) {
			throw new InvalidInput("Tên đăng nhập", "“" + username + "” đã có người dùng");
		}
		String name = cmd.displayName() == null ? "" : cmd.displayName().trim();
		if (name.length() < 2) {
			throw new InvalidInput("Họ và tên", "chưa nhập");
		}
		String homePath = managedPath(scope, cmd.homeOrganizationId(), "Đơn vị quản lý tài khoản");
		if (cmd.memberId() != null) {
			long cell = members.currentOrganizationOf(cmd.memberId())
				.orElseThrow(() -> new InvalidInput("Đảng viên", "không có đảng viên đang sinh hoạt mã " + cmd.memberId()));
			String cellPath = organizations.pathsOf(List.of(cell)).get(cell);
			if (cellPath == null || !scope.covers(Capability.MANAGE_ACCOUNTS, cellPath)) {
				throw new InvalidInput("Đảng viên", "không có đảng viên đang sinh hoạt mã " + cmd.memberId() + " trong phạm vi của bạn");
			}
			if (accounts.memberHasAccount(cmd.memberId())) {
				throw new InvalidInput("Đảng viên", "đã có tài khoản");
			}
		}
		String password = randomPassword();
		long id = accounts.insert(username, name, encoder.encode(password), cmd.memberId(), cmd.homeOrganizationId(), homePath, false);
		if (cmd.role() != null && cmd.role() != Role.MEMBER) {
			long at = cmd.roleOrganizationId() == null ? cmd.homeOrganizationId() : cmd.roleOrganizationId();
			String p = managedPath(scope, at, "Nơi giao quyền");
			accounts.grant(id, at, cmd.role(), scope.username());
			audit(scope, "GRANT_ADD", id, p, "Giao quyền " + cmd.role() + " cho " + username, null, Map.of("role", cmd.role().name(), "organizationId", at));
		}
		audit(scope, "ACCOUNT_CREATE", id, homePath, "Tạo tài khoản " + username, null,
				Map.of("username", username, "displayName", name, "memberId", String.valueOf(cmd.memberId())));
		return new Created(id, password);
	}

	private String managedPath(Scope scope, long orgId, String field) {
		String path = organizations.pathsOf(List.of(orgId)).get(orgId);
		if (path == null || !scope.covers(Capability.MANAGE_ACCOUNTS, path)) {
			throw new InvalidInput(field, "không có tổ chức mã " + orgId + " trong phạm vi quản trị của bạn");
		}
		return path;
	}

	@Transactional
	public long grant(Scope scope, long accountId, long orgId, Role role) {
		Account a = get(scope, accountId);
		String p = managedPath(scope, orgId, "Nơi giao quyền");
		if (role == Role.MEMBER) {
			throw new InvalidInput("Vai trò", "quyền đảng viên đi theo hồ sơ đảng viên gắn với tài khoản");
		}
		long id = accounts.grant(accountId, orgId, role, scope.username());
		audit(scope, "GRANT_ADD", accountId, p, "Giao quyền " + role + " cho " + a.username(), null,
				Map.of("role", role.name(), "organizationId", orgId));
		return id;
	}

	@Transactional
	public void revoke(Scope scope, long accountId, long grantId) {
		Account a = get(scope, accountId);
		RoleGrant g = accounts.grants(accountId).stream().filter(x -> x.id() == grantId).findFirst()
			.orElseThrow(() -> new NotFound("grant " + grantId));
		String p = managedPath(scope, g.organizationId(), "Quyền");
		accounts.revoke(grantId, accountId);
		audit(scope, "GRANT_REVOKE", accountId, p, "Thu hồi quyền " + g.role() + " của " + a.username(),
				Map.of("role", g.role().name(), "organizationId", g.organizationId()), null);
	}

	/** Sets a new one-time password (and clears the second factor, to be enrolled again). */
	@Transactional
	public String resetPassword(Scope scope, long accountId) {
		Account a = get(scope, accountId);
		String password = randomPassword();
		accounts.setPassword(accountId, encoder.encode(password), true);
		accounts.resetTotp(accountId);
		audit(scope, "ACCOUNT_RESET", accountId, a.homePath(), "Đặt lại mật khẩu của " + a.username(), null, null);
		return password;
	}

	@Transactional
	public void setEnabled(Scope scope, long accountId, boolean enabled) {
		Account a = get(scope, accountId);
		accounts.setEnabled(accountId, enabled);
		audit(scope, enabled ? "ACCOUNT_ENABLE" : "ACCOUNT_DISABLE", accountId, a.homePath(),
				(enabled ? "Mở khóa " : "Khóa ") + "tài khoản " + a.username(), Map.of("enabled", a.enabled()), Map.of("enabled", enabled));
	}

	/** Changes one's own password, checking the current one and the rules for the new one. */
	@Transactional
	public void changePassword(String username, String current, String next, String repeat) {
		var c = accounts.credentials(username).orElseThrow(() -> new NotFound("account"));
		if (!encoder.matches(current, c.passwordHash())) {
			throw new InvalidInput("Mật khẩu hiện tại", "không đúng");
		}
		List<InvalidInput.Problem> problems = new ArrayList<>();
		if (next == null || next.length() < 10) {
			problems.add(new InvalidInput.Problem("Mật khẩu mới", "cần ít nhất 10 ký tự"));
		}
		else if (next.toLowerCase().contains(username.toLowerCase())) {
			problems.add(new InvalidInput.Problem("Mật khẩu mới", "không được chứa tên đăng nhập"));
		}
		else if (next.equals(current)) {
			problems.add(new InvalidInput.Problem("Mật khẩu mới", "phải khác mật khẩu hiện tại"));
		}
		if (!next.equals(repeat)) {
			problems.add(new InvalidInput.Problem("Nhập lại mật khẩu mới", "không khớp với mật khẩu mới"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		accounts.setPassword(c.id(), encoder.encode(next), false);
		events.publishEvent(new Audited(username, "PASSWORD_CHANGE", "account", String.valueOf(c.id()), null,
				"Đổi mật khẩu", null, null));
	}

	/** Starts enrolment: a new secret and its QR code (a data: URI) for an authenticator app. */
	@Transactional
	public Enrolment startTotp(String username) {
		var c = accounts.credentials(username).orElseThrow(() -> new NotFound("account"));
		if (c.totpEnabled()) {
			throw new InvalidInput("Xác thực hai bước", "đã được bật");
		}
		String secret = new DefaultSecretGenerator(32).generate();
		accounts.setTotpSecret(c.id(), secret);
		QrData data = new QrData.Builder().label(username).secret(secret).issuer("Dang vu").digits(6).period(30).build();
		try {
			byte[] png = new ZxingPngQrGenerator().generate(data);
			return new Enrolment(secret, Utils.getDataUriForImage(png, "image/png"));
		}
		catch (QrGenerationException e) {
			return new Enrolment(secret, "");
		}
	}

	public record Enrolment(String secret, String qrDataUri) {
	}

	/** Confirms enrolment with a first code; true when it matched and the factor is now on. */
	@Transactional
	public boolean confirmTotp(String username, String code) {
		var c = accounts.credentials(username).orElseThrow(() -> new NotFound("account"));
		if (c.totpSecret() == null || !verifier.isValidCode(c.totpSecret(), code == null ? "" : code.trim())) {
			return false;
		}
		accounts.enableTotp(c.id());
		events.publishEvent(new Audited(username, "TOTP_ENABLE", "account", String.valueOf(c.id()), null,
				"Bật xác thực hai bước", null, null));
		return true;
	}

	public boolean verifyTotp(String username, String code) {
		var c = accounts.credentials(username).orElse(null);
		return c != null && c.totpEnabled() && c.totpSecret() != null
				&& verifier.isValidCode(c.totpSecret(), code == null ? "" : code.trim());
	}

	@Transactional
	public void setLanguage(String username, String lang) {
		accounts.credentials(username).ifPresent(c -> accounts.setLanguage(c.id(), "en".equals(lang) ? "en" : "vi"));
	}

	/** The address reminders go to, and whether the person asked for them. */
	public record EmailSettings(@Nullable String email, boolean on) {
	}

	/** Someone who asked for reminders by e-mail. */
	public record Recipient(long accountId, String username, String email, String language) {
	}

	public EmailSettings emailSettings(String username) {
		return accounts.emailSettings(username).orElse(new EmailSettings(null, false));
	}

	/**
	 * The person sets their own address and turns reminders by e-mail on or off (opt-in: nothing is sent otherwise).
	 * The address is checked by Jakarta Mail's parser.
	 */
	@Transactional
	public void setEmailSettings(String username, @Nullable String email, boolean on) {
		AccountRepository.Credentials c = accounts.credentials(username).orElseThrow(() -> new NotFound("account " + username));
		String address = email == null || email.isBlank() ? null : email.trim();
		if (address != null) {
			try {
				var parsed = new jakarta.mail.internet.InternetAddress(address, true);
				parsed.validate();
				if (address.length() > 254 || !address.equals(parsed.getAddress()) || !address.contains("@")) {
					throw new jakarta.mail.internet.AddressException(address);
				}
			}
			catch (jakarta.mail.internet.AddressException e) {
				throw new InvalidInput("E-mail nhận nhắc việc", "“" + address + "” không phải địa chỉ e-mail hợp lệ");
			}
		}
		if (on && address == null) {
			throw new InvalidInput("E-mail nhận nhắc việc", "chưa nhập địa chỉ để nhận nhắc việc");
		}
		accounts.setEmailSettings(c.id(), address, on);
		events.publishEvent(new Audited(username, "ACCOUNT_EMAIL", "account", String.valueOf(c.id()), null,
				(on ? "Bật" : "Tắt") + " nhắc việc qua e-mail", null, Map.of("on", on)));
	}

	public List<Recipient> emailRecipients() {
		return accounts.emailRecipients();
	}

	@EventListener
	void on(OrganizationMoved moved) {
		accounts.rewriteHomePaths(moved.oldPath(), moved.newPath());
	}

	static String randomPassword() {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < 12; i++) {
			b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return b.toString();
	}

	private void audit(Scope scope, String action, long id, String path, String summary, @Nullable Map<String, ?> before,
			@Nullable Map<String, ?> after) {
		events.publishEvent(new Audited(scope.username(), action, "account", String.valueOf(id), path, summary, before, after));
	}
}
