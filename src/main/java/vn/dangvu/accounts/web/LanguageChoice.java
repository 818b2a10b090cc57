package vn.dangvu.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.dangvu.accounts.AccountManagement;

/**
 * A signed-in person who switches the language ({@code ?lang=en} or {@code ?lang=vi} on any page) keeps it: the
 * account remembers it and the next sign-in starts in that language (the session attribute read by the locale
 * resolver in {@code system}). Written only when the choice changes.
 */
@Configuration(proxyBeanMethods = false)
class LanguageChoice implements WebMvcConfigurer {

	private final AccountManagement accounts;

	LanguageChoice(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) {
				String lang = req.getParameter("lang");
				if (!"vi".equals(lang) && !"en".equals(lang)) {
					return true;
				}
				var session = req.getSession(false);
				var auth = SecurityContextHolder.getContext().getAuthentication();
				if (session == null || auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
						|| lang.equals(session.getAttribute(Gate.LANGUAGE))) {
					return true;
				}
				accounts.setLanguage(auth.getName(), lang);
				session.setAttribute(Gate.LANGUAGE, lang);
				return true;
			}
		});
	}
}
