package vn.dangvu.notifications;

import java.time.LocalDate;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import vn.dangvu.accounts.AccountManagement;
import vn.dangvu.evaluations.CycleManagement;
import vn.dangvu.meetings.MeetingInput;
import vn.dangvu.meetings.MeetingManagement;
import vn.dangvu.organizations.DemoRegistry;
import vn.dangvu.shared.InvalidInput;
import vn.dangvu.shared.Reminder;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.VnText;
import vn.dangvu.support.Http;
import vn.dangvu.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reminders reach the person whose work it is and nobody else: a secretary is reminded of their own cell's agenda
 * to announce, not of another cell's; the to-do page and the API show the same; the daily e-mail is opt-in, goes
 * through a real SMTP server (GreenMail) and tells each fact once.
 */
@IntegrationTest
class ReminderTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoRegistry demo;

	@Autowired
	MeetingManagement meetings;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Reminders reminders;

	@Autowired
	DailyDigest digest;

	@Autowired
	CycleManagement cycles;

	DemoRegistry.DemoIds ids;
	GreenMail smtp;
	LocalDate today = VnText.today();

	@BeforeEach
	void setUp() {
		ids = demo.ids().orElseThrow();
		smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
	}

	@AfterEach
	void tearDown() {
		smtp.stop();
		accounts.setEmailSettings("bithu", null, false);
	}

	Scope scope(String username) {
		return accounts.scopeOf(username).orElseThrow();
	}

	long planned() {
		return meetings.create(scope("bithu"), ids.cellId(), new MeetingInput("THEMATIC", VnText.date(today.plusDays(5)), "19:30",
				"Nhà văn hóa thôn", false, "Chuyên đề chuyển đổi số trong sinh hoạt chi bộ", List.of("Báo cáo chuyên đề", "Thảo luận")));
	}

	@Test
	void aSecretaryIsRemindedOfTheirOwnCellOnly() {
		long meeting = planned();
		String link = "/meetings/" + meeting;
		assertThat(reminders.of(scope("bithu"), today)).anySatisfy(r -> {
			assertThat(r.link()).isEqualTo(link);
			assertThat(r.key()).startsWith("meeting-announce:" + meeting);
			assertThat(r.vi()).contains("Công bố chủ đề, chương trình").contains(VnText.date(today.plusDays(5)));
		});
		assertThat(reminders.of(scope("bithu2"), today)).extracting(Reminder::link).doesNotContain(link);

		Http own = Http.as(port, "bithu");
		var page = own.get("/reminders");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("href=\"" + link + "\"").contains("Việc cần làm");
		assertThat(own.get("/api/v1/me/reminders").body()).contains("\"link\":\"" + link + "\"");
		Http other = Http.as(port, "bithu2");
		assertThat(other.get("/reminders").body()).doesNotContain(link);
		assertThat(other.get("/api/v1/me/reminders").body()).doesNotContain(link);

		// Once announced, the reminder is gone.
		meetings.publish(scope("bithu"), meeting);
		assertThat(reminders.of(scope("bithu"), today)).extracting(Reminder::link).doesNotContain(link);
	}

	@Test
	void remediationItemsAreRemindedToTheirOwnerAndLateOnesToTheSecretary() {
		long member = scope("dangvien").memberId();
		long meeting = jdbc.sql("select id from meetings.meeting where organization_id = :c order by id limit 1").param("c", ids.cellId())
			.query(Long.class).single();
		String path = jdbc.sql("select path::text from organizations.organization where id = :c").param("c", ids.cellId()).query(String.class).single();
		java.util.function.BiFunction<Long, Integer, Long> item = (owner, days) -> jdbc.sql("""
				insert into meetings.remediation (organization_id, org_path, meeting_id, member_id, owner_name, shortcoming, measure, due_on)
				values (:o, cast(:p as ltree), :m, :member, 'Người thử', :s, 'Biện pháp thử', :due) returning id
				""").param("o", ids.cellId()).param("p", path).param("m", meeting).param("member", owner)
			.param("s", "Hạn chế thử " + days).param("due", today.plusDays(days)).query(Long.class).single();
		long soon = item.apply(member, 3);
		long late = item.apply(member, -2);
		long collective = item.apply(null, 2);
		long evaluation = jdbc.sql("select id from evaluations.evaluation where member_id = :m order by id limit 1").param("m", member)
			.query(Long.class).single();
		long yearly = jdbc.sql("""
				insert into evaluations.remediation (evaluation_id, organization_id, org_path, member_id, owner_name, shortcoming, measure, due_on, created_by)
				values (:e, :o, cast(:p as ltree), :m, 'Người thử', 'Hạn chế năm thử', 'Biện pháp', :due, 'test') returning id
				""").param("e", evaluation).param("o", ids.cellId()).param("p", path).param("m", member).param("due", today.minusDays(1))
			.query(Long.class).single();

		assertThat(reminders.of(scope("dangvien"), today)).extracting(Reminder::key).contains("remediation:" + soon,
				"remediation:" + late + ":late", "evaluation-remediation:" + yearly + ":late").doesNotContain("remediation:" + collective);
		assertThat(reminders.of(scope("dangvien"), today)).anySatisfy(r -> {
			assertThat(r.key()).isEqualTo("remediation:" + late + ":late");
			assertThat(r.vi()).contains("Khắc phục hạn chế").contains("Hạn chế thử -2").contains("đã quá hạn");
			assertThat(r.link()).isEqualTo("/meetings/" + meeting);
		});
		// the secretary: the collective's item as it comes due, the members' only once late
		assertThat(reminders.of(scope("bithu"), today)).extracting(Reminder::key).contains("remediation:" + late + ":late",
				"remediation:" + collective, "evaluation-remediation:" + yearly + ":late").doesNotContain("remediation:" + soon);
		// another cell sees none of them, on the page and through the API
		assertThat(reminders.of(scope("bithu2"), today)).extracting(Reminder::key).noneMatch(k -> k.contains("remediation:"));
		assertThat(Http.as(port, "bithu2").get("/api/v1/me/reminders").body()).doesNotContain("Hạn chế thử");
		assertThat(Http.as(port, "dangvien").get("/reminders").body()).contains("Hạn chế thử 3").contains("Hạn chế năm thử");
		// closed items are not reminded
		jdbc.sql("update meetings.remediation set status = 'CLOSED', closed_at = now() where id in (:ids)")
			.param("ids", List.of(soon, late, collective)).update();
		jdbc.sql("update evaluations.remediation set status = 'CLOSED', closed_at = now() where id = :id").param("id", yearly).update();
		assertThat(reminders.of(scope("dangvien"), today)).extracting(Reminder::key).noneMatch(k -> k.contains("remediation:"));
		assertThat(reminders.of(scope("bithu"), today)).extracting(Reminder::key).noneMatch(k -> k.contains("remediation:"));
	}

	@Test
	void theDailyEmailIsOptInAndTellsEachFactOnce() throws Exception {
		assertThatThrownBy(() -> accounts.setEmailSettings("bithu", "bithu@@example", true)).isInstanceOfSatisfying(InvalidInput.class,
				x -> assertThat(x.getMessage()).contains("E-mail nhận nhắc việc").contains("không phải địa chỉ e-mail hợp lệ"));
		assertThatThrownBy(() -> accounts.setEmailSettings("bithu", " ", true)).isInstanceOfSatisfying(InvalidInput.class,
				x -> assertThat(x.getMessage()).contains("chưa nhập địa chỉ"));
		assertThat(accounts.emailSettings("bithu").on()).isFalse();

		long meeting = planned();
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(smtp.getSmtp().getPort());
		// Nobody asked yet: nothing is sent.
		assertThat(digest.send(sender, today)).isZero();
		assertThat(smtp.getReceivedMessages()).isEmpty();

		// Through the account page, as the person would.
		Http own = Http.as(port, "bithu");
		assertThat(own.post("/account/email", java.util.Map.of("email", "not an address", "notify", "true")).body())
			.contains("không phải địa chỉ e-mail hợp lệ");
		assertThat(own.post("/account/email", java.util.Map.of("email", "bithu@example.vn", "notify", "true")).statusCode()).isEqualTo(200);
		assertThat(accounts.emailSettings("bithu")).isEqualTo(new AccountManagement.EmailSettings("bithu@example.vn", true));

		assertThat(digest.send(sender, today)).isEqualTo(1);
		var received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(GreenMailUtil.getAddressList(received[0].getAllRecipients())).isEqualTo("bithu@example.vn");
		assertThat(subject(received[0])).contains("việc cần làm").contains(VnText.date(today));
		assertThat(decoded(received[0])).contains(link(meeting)).contains("Công bố chủ đề, chương trình").contains("/account/me");

		// The next run has nothing new to tell.
		assertThat(digest.send(sender, today)).isZero();
		assertThat(smtp.getReceivedMessages()).hasSize(1);
		assertThat(jdbc.sql("select count(*) from notifications.sent s join accounts.account a on a.id = s.account_id where a.username = 'bithu' and s.key like 'meeting-announce:' || :m || '%'")
			.param("m", meeting).query(Long.class).single()).isOne();
	}

	@Test
	void reviewStepsAreRemindedToWhoseStepItIs() {
		// The member's own self-assessment in the demo's open cycle, while it is open.
		long own = jdbc.sql("""
				select e.id from evaluations.evaluation e join evaluations.cycle c on c.id = e.cycle_id
				where e.member_id = :m and c.status = 'OPEN' and e.step = 'SELF' order by e.id limit 1
				""").param("m", ids.memberId()).query(Long.class).single();
		assertThat(reminders.of(scope("dangvien"), today)).anySatisfy(r -> {
			assertThat(r.key()).isEqualTo("evaluation-self:" + own);
			assertThat(r.vi()).startsWith("Tự đánh giá, xếp loại");
		});
		assertThat(reminders.of(scope("bithu2"), today)).extracting(Reminder::key).doesNotContain("evaluation-self:" + own);

		// An ad hoc review due in three days: once a member has self-assessed, the cell's secretary and the commune's
		// staff are reminded that the cell's opinion is awaited; another cell's secretary is not.
		List<Long> two = jdbc.sql("""
				select id from organizations.member where organization_id = :o and status = 'ACTIVE' and standing = 'OFFICIAL'
				order by id desc limit 2
				""").param("o", ids.cellId()).query(Long.class).list();
		Scope province = scope("canbo.tinh");
		long cycle = cycles.createCycle(province, ids.cellId(), new CycleManagement.CycleInput("AD_HOC",
				String.valueOf(today.getYear()), null, "Đánh giá trước bổ nhiệm (kiểm thử nhắc việc)", "Trước khi bổ nhiệm", "366-QĐ/TW",
				VnText.date(today.plusDays(2)), VnText.date(today.plusDays(3)), null, VnText.date(today.plusDays(4)),
				VnText.date(today.plusDays(5)), "WARN", "20", two));
		cycles.open(province, cycle);
		String opinion = "evaluation-opinion:" + cycle + ":" + ids.cellId();
		assertThat(reminders.of(scope("bithu"), today)).extracting(Reminder::key).doesNotContain(opinion);
		jdbc.sql("update evaluations.evaluation set step = 'OPINION', self_level = 'HTTNV', self_total = 80 where cycle_id = :c and member_id = :m")
			.param("c", cycle).param("m", two.get(0)).update();
		assertThat(reminders.of(scope("bithu"), today)).anySatisfy(r -> {
			assertThat(r.key()).isEqualTo(opinion);
			assertThat(r.vi()).startsWith("1 đối tượng chờ chi bộ, tập thể cho ý kiến").contains(VnText.date(today.plusDays(3)));
			assertThat(r.link()).isEqualTo("/evaluation-cycles/" + cycle + "?org=" + ids.cellId());
		});
		assertThat(reminders.of(scope("bithu2"), today)).extracting(Reminder::key).noneMatch(k -> k.startsWith("evaluation-opinion:" + cycle));
		assertThat(reminders.of(scope("canbo.xa"), today)).extracting(Reminder::key).contains(opinion);
	}

	String link(long meeting) {
		return "/meetings/" + meeting;
	}

	static String subject(jakarta.mail.internet.MimeMessage m) {
		try {
			return m.getSubject();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	static String decoded(jakarta.mail.internet.MimeMessage m) {
		try {
			return String.valueOf(m.getContent());
		}
		catch (jakarta.mail.MessagingException | java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
