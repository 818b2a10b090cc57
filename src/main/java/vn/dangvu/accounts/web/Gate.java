package vn.dangvu.accounts.web;

import jakarta.servlet.http.HttpSession;

/** The steps a signed-in session may still owe, kept in the session: password change, then second factor. */
public final class Gate {

	public static final String SECOND_FACTOR = "dangvu.second-factor";
	public static final String MUST_CHANGE_PASSWORD = "dangvu.must-change-password";
	/** The account's language, read by the locale resolver of {@code system} (same name there). */
	public static final String LANGUAGE = "dangvu.lang";

	private Gate() {
	}

	/** Where a signed-in user must go before anything else, or "/" when nothing is pending. */
	public static String next(HttpSession session) {
		if (Boolean.TRUE.equals(session.getAttribute(MUST_CHANGE_PASSWORD))) {
			return "/account/password";
		}
		Object f = session.getAttribute(SECOND_FACTOR);
		if ("ENROL".equals(f)) {
			return "/account/totp";
		}
		if ("VERIFY".equals(f)) {
			return "/login/totp";
		}
		return "/";
	}
}
