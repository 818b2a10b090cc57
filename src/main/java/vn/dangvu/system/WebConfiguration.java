package vn.dangvu.system;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import vn.dangvu.shared.NotFound;
import vn.dangvu.shared.Scope;
import vn.dangvu.shared.ScopeProvider;

/** Vietnamese by default (English with ?lang=en), and the {@link Scope} of the signed-in user as a handler argument. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale VI = Locale.forLanguageTag("vi-VN");

	private final ScopeProvider scopes;

	WebConfiguration(ScopeProvider scopes, MessageSource messages) {
		this.scopes = scopes;
		vn.dangvu.shared.T.init(messages);
	}

	/**
	 * The language chosen on this session (?lang=), else the account's language, else Vietnamese. Resolved once per
	 * request: templates ask for it for every label, and Spring's session resolver looked in the session each time.
	 */
	@Bean
	LocaleResolver localeResolver() {
		SessionLocaleResolver r = new SessionLocaleResolver() {
			@Override
			public LocaleContext resolveLocaleContext(HttpServletRequest request) {
				return new LocaleContext() {
					private @Nullable Locale locale;

					@Override
					public Locale getLocale() {
						Locale l = locale;
						if (l == null) {
							l = resolveLocale(request);
							locale = l;
						}
						return l;
					}
				};
			}

			@Override
			public void setLocaleContext(HttpServletRequest request, @Nullable HttpServletResponse response,
					@Nullable LocaleContext context) {
				super.setLocaleContext(request, response, context);
				LocaleContextHolder.setLocaleContext(resolveLocaleContext(request));
			}
		};
		r.setDefaultLocaleFunction(request -> {
			var session = request.getSession(false);
			return session != null && "en".equals(session.getAttribute("dangvu.lang")) ? Locale.ENGLISH : VI;
		});
		return r;
	}

	@Override
	public void addInterceptors(org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
		LocaleChangeInterceptor i = new LocaleChangeInterceptor();
		i.setParamName("lang");
		registry.addInterceptor(i);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new HandlerMethodArgumentResolver() {
			@Override
			public boolean supportsParameter(MethodParameter p) {
				return p.getParameterType() == Scope.class;
			}

			@Override
			public Object resolveArgument(MethodParameter p, @Nullable ModelAndViewContainer mav, NativeWebRequest req,
					@Nullable WebDataBinderFactory binders) {
				Authentication auth = SecurityContextHolder.getContext().getAuthentication();
				if (auth == null || !auth.isAuthenticated()) {
					throw new NotFound("scope");
				}
				return scopes.scopeOf(auth.getName()).orElseThrow(() -> new NotFound("scope"));
			}
		});
	}

	/** Switches the language and goes back. */
	@org.springframework.stereotype.Controller
	static class LanguageSwitch {

		@org.springframework.web.bind.annotation.GetMapping("/lang")
		void lang(HttpServletRequest req, HttpServletResponse res, @org.springframework.web.bind.annotation.RequestParam String to)
				throws java.io.IOException {
			String back = req.getParameter("back");
			res.sendRedirect(back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/");
		}
	}
}
