package vn.dangvu.shared;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import vn.dangvu.shared.VnText;

/**
 * Template helpers: {@code T.t("key")} looks a message up in the request's language; dates print dd/MM/yyyy in
 * Asia/Ho_Chi_Minh. Static so that templates can import it; initialized once with the message source.
 */
public final class T {

	private static @Nullable MessageSource messages;

	private T() {
	}

	public static void init(MessageSource source) {
		messages = source;
	}

	public static String t(String key, Object... args) {
		if (messages == null) {
			return key;
		}
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	public static boolean en() {
		return "en".equals(LocaleContextHolder.getLocale().getLanguage());
	}

	public static String lang() {
		return en() ? "en" : "vi";
	}

	/** Vietnamese or English text chosen by the request's language. */
	public static String vi(String vi, String en) {
		return en() ? en : vi;
	}

	public static String d(@Nullable LocalDate date) {
		return VnText.date(date);
	}

	public static String dt(@Nullable Instant at) {
		return at == null ? "" : VnText.DATE_TIME.format(at.atZone(VnText.ZONE));
	}

	/** The signed-in user's name, or null on public pages. */
	public static @Nullable String user() {
		var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		return auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName()) ? null : auth.getName();
	}

	/** The CSRF token of the current request, for forms. */
	public static String csrf() {
		var attrs = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
		if (attrs instanceof org.springframework.web.context.request.ServletRequestAttributes sra) {
			Object token = sra.getRequest().getAttribute(org.springframework.security.web.csrf.CsrfToken.class.getName());
			if (token instanceof org.springframework.security.web.csrf.CsrfToken t) {
				return t.getToken();
			}
		}
		return "";
	}

	private static final java.util.regex.Pattern LANG_PARAM = java.util.regex.Pattern.compile("(^|&)lang=[a-z]*");

	/** The current path and query, to come back to after switching language. */
	public static String here() {
		var attrs = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
		if (attrs instanceof org.springframework.web.context.request.ServletRequestAttributes sra) {
			var r = sra.getRequest();
			String q = r.getQueryString();
			String path = r.getRequestURI();
			if (q != null) {
				q = LANG_PARAM.matcher(q).replaceAll("");
				path = q.isEmpty() ? path : path + "?" + q;
			}
			return path;
		}
		return "/";
	}

	/** NumberFormat is not thread-safe; String.format built one per call (a measurable share of a page's CPU). */
	private static final ThreadLocal<java.text.NumberFormat> VI_NUMBER = ThreadLocal
		.withInitial(() -> java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag("vi-VN")));

	/** A whole number with the Vietnamese thousands separator: 12.345. */
	public static String n(long n) {
		return VI_NUMBER.get().format(n);
	}
}
