package vn.dangvu.accounts;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.dangvu.accounts.web.Gate;

/**
 * Sign-in and the filter chain. Passwords: Spring Security's delegating encoder (bcrypt). After
 * {@code dangvu.security.max-failed-attempts} failures an account is locked for {@code lock-minutes}. After the
 * password, a second gate: first-login password change, then a TOTP code for roles above a single cell.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String SECOND_FACTOR = Gate.SECOND_FACTOR;
	static final String MUST_CHANGE_PASSWORD = Gate.MUST_CHANGE_PASSWORD;

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService userDetailsService(AccountRepository accounts) {
		return username -> accounts.credentials(username).map(c -> User.withUsername(c.username())
				.password(c.passwordHash())
				.disabled(!c.enabled())
				.accountLocked(c.lockedUntil() != null && c.lockedUntil().isAfter(Instant.now()))
				.authorities(AuthorityUtils.createAuthorityList("ROLE_USER"))
				.build())
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	@Bean
	SecurityFilterChain filterChain(HttpSecurity http, AccountManagement management, AccountRepository accounts,
			@Value("${dangvu.security.require-totp:true}") boolean requireTotp) throws Exception {
		CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
		// Load the token on every request (not deferred), so the XSRF-TOKEN cookie is always there for API clients.
		csrfHandler.setCsrfRequestAttributeName(null);
		http.authorizeHttpRequests(a -> a
				.requestMatchers("/login", "/login/**", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
						"/api/v1/openapi.json", "/lang", "/bench/**")
				.permitAll()
				.anyRequest().authenticated())
			.formLogin(f -> f.loginPage("/login").failureHandler((req, res, ex) -> {
				String reason = ex instanceof org.springframework.security.authentication.LockedException ? "locked" : "bad";
				res.sendRedirect(req.getContextPath() + "/login?error=" + reason);
			}).successHandler(successHandler(management, accounts, requireTotp)))
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse()).csrfTokenRequestHandler(csrfHandler))
			.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor((req, res, ex) -> {
				res.setStatus(401);
				res.setContentType("application/problem+json;charset=UTF-8");
				res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Chưa đăng nhập\",\"status\":401,"
						+ "\"detail\":\"Cần đăng nhập để dùng API.\"}");
			}, req -> req.getRequestURI().startsWith(req.getContextPath() + "/api/")))
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
			.headers(h -> h
				.contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
						+ "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
						+ "frame-ancestors 'none'"))
				.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")))
			.addFilterAfter(new SignInGate(), BasicAuthenticationFilter.class);
		return http.build();
	}

	private static AuthenticationSuccessHandler successHandler(AccountManagement management, AccountRepository accounts,
			boolean requireTotp) {
		return (req, res, auth) -> {
			var c = accounts.credentials(auth.getName()).orElseThrow();
			accounts.succeeded(c.id());
			HttpSession session = req.getSession();
			boolean needsSecond = requireTotp && management.scopeOf(auth.getName()).map(s -> s.requiresSecondFactor()).orElse(false);
			session.setAttribute(SECOND_FACTOR, needsSecond ? (c.totpEnabled() ? "VERIFY" : "ENROL") : "OK");
			session.setAttribute(MUST_CHANGE_PASSWORD, c.mustChangePassword());
			session.setAttribute(Gate.LANGUAGE, c.language());
			res.sendRedirect(req.getContextPath() + Gate.next(session));
		};
	}

	/** Lets a half-signed-in session reach only the steps it still owes. */
	static class SignInGate extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
				throws ServletException, IOException {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			HttpSession session = req.getSession(false);
			if (auth != null && auth.isAuthenticated() && session != null && !"anonymousUser".equals(auth.getName())) {
				String next = Gate.next(session);
				String path = req.getRequestURI().substring(req.getContextPath().length());
				boolean allowed = path.equals(next) || path.startsWith("/css/") || path.startsWith("/js/")
						|| path.startsWith("/webjars/") || path.equals("/logout") || path.equals("/error")
						|| path.equals("/lang") || (next.equals("/account/totp") && path.startsWith("/account/totp"));
				if (!next.equals("/") && !allowed) {
					if (path.startsWith("/api/")) {
						res.setStatus(401);
						res.setContentType("application/problem+json;charset=UTF-8");
						res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Chưa hoàn tất đăng nhập\",\"status\":401,"
								+ "\"detail\":\"Cần hoàn tất bước " + next + " trước khi dùng API.\"}");
						return;
					}
					if (HttpMethod.GET.matches(req.getMethod())) {
						res.sendRedirect(req.getContextPath() + next);
						return;
					}
					res.sendError(403);
					return;
				}
			}
			chain.doFilter(req, res);
		}
	}
}
