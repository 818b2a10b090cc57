package vn.dangvu.accounts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.stereotype.Component;

/** Counts wrong passwords; the account locks for a while after too many (see {@link AccountRepository#failed}). */
@Component
class FailedSignIns {

	private final AccountRepository accounts;
	private final int max;
	private final int minutes;

	FailedSignIns(AccountRepository accounts, @Value("${dangvu.security.max-failed-attempts:5}") int max,
			@Value("${dangvu.security.lock-minutes:15}") int minutes) {
		this.accounts = accounts;
		this.max = max;
		this.minutes = minutes;
	}

	@EventListener
	void on(AuthenticationFailureBadCredentialsEvent e) {
		accounts.failed(e.getAuthentication().getName(), max, minutes);
	}
}
