package vn.dangvu.notifications;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.dangvu.accounts.AccountManagement;
import vn.dangvu.shared.Reminder;
import vn.dangvu.shared.VnText;

/**
 * Once a day, each person who asked for reminders by e-mail receives one message with what is new among their
 * reminders (a fact already told is not told again; one that turns overdue is). Nothing is sent unless
 * {@code spring.mail.host} is set. A failed delivery is logged and retried the next day.
 */
@Component
public class DailyDigest {

	private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

	private final AccountManagement accounts;
	private final Reminders reminders;
	private final JdbcClient jdbc;
	private final ObjectProvider<JavaMailSender> mail;
	private final String from;
	private final String publicUrl;

	DailyDigest(AccountManagement accounts, Reminders reminders, JdbcClient jdbc, ObjectProvider<JavaMailSender> mail,
			@Value("${dangvu.notifications.from:dangvu@localhost}") String from,
			@Value("${dangvu.public-url:http://localhost:${server.port:8080}}") String publicUrl) {
		this.accounts = accounts;
		this.reminders = reminders;
		this.jdbc = jdbc;
		this.mail = mail;
		this.from = from;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	@Scheduled(cron = "${dangvu.notifications.cron:0 30 6 * * *}", zone = "Asia/Ho_Chi_Minh")
	void daily() {
		mail.ifAvailable(sender -> {
			int n = send(sender, VnText.today());
			log.info("Reminder digests sent: {}", n);
		});
	}

	/** Sends today's digests through {@code sender}; returns how many messages went out. */
	public int send(JavaMailSender sender, LocalDate today) {
		int sent = 0;
		for (AccountManagement.Recipient r : accounts.emailRecipients()) {
			var scope = accounts.scopeOf(r.username());
			if (scope.isEmpty()) {
				continue;
			}
			List<Reminder> all = reminders.of(scope.get(), today);
			if (all.isEmpty()) {
				continue;
			}
			Set<String> told = new HashSet<>(jdbc.sql("select key from notifications.sent where account_id = :a and key in (:keys)")
				.param("a", r.accountId()).param("keys", all.stream().map(Reminder::key).toList()).query(String.class).list());
			List<Reminder> fresh = all.stream().filter(x -> !told.contains(x.key())).toList();
			if (fresh.isEmpty()) {
				continue;
			}
			try {
				var message = sender.createMimeMessage();
				var helper = new MimeMessageHelper(message, false, "UTF-8");
				helper.setFrom(from);
				helper.setTo(r.email());
				boolean en = "en".equals(r.language());
				helper.setSubject((en ? "Dang vu: " + fresh.size() + " things to do" : "Đảng vụ: " + fresh.size() + " việc cần làm")
						+ " — " + VnText.date(today));
				helper.setText(body(fresh, all.size(), en), false);
				sender.send(message);
			}
			catch (MessagingException | MailException e) {
				log.warn("Reminder digest to account {} not sent: {}", r.accountId(), e.getMessage());
				continue;
			}
			jdbc.sql("insert into notifications.sent (account_id, key) select :a, k from unnest(cast(:keys as text[])) k on conflict do nothing")
				.param("a", r.accountId()).param("keys", fresh.stream().map(Reminder::key).toArray(String[]::new)).update();
			sent++;
		}
		return sent;
	}

	private String body(List<Reminder> fresh, int total, boolean en) {
		StringBuilder b = new StringBuilder(en ? "New on your to-do list:\n\n" : "Việc mới cần làm:\n\n");
		for (Reminder x : fresh) {
			b.append(x.overdue() ? "[!] " : "- ").append(x.text(en)).append("\n    ").append(publicUrl).append(x.link()).append("\n");
		}
		b.append("\n").append(en ? "All " + total + " reminders: " : "Toàn bộ " + total + " việc: ").append(publicUrl).append("/reminders\n");
		b.append(en ? "To stop these e-mails: " : "Thôi nhận e-mail nhắc việc: ").append(publicUrl).append("/account/me\n");
		return b.toString();
	}
}
