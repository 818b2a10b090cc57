package vn.dangvu.system;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Finding the controller method of a path with a variable ({@code /orgs/{id}/members}) makes Spring MVC try every
 * mapping of the application, about 170, each with its method, header and path conditions: 11–15 % of the CPU of a
 * tree-node or member-page request in the profiles of docs/benchmarks.md. This keeps Spring's lookup and only
 * answers "no" sooner: each pattern's literal start and end and its number of segments are noted when it is
 * registered, and a mapping whose pattern cannot fit the path is not tried. Paths with {@code %} or {@code ;}
 * (encoded characters, path parameters) and patterns with wildcards go through Spring's full check; so do the
 * "method not allowed" and "not acceptable" answers, which Spring works out from all mappings itself.
 */
@Configuration(proxyBeanMethods = false)
class QuickHandlerLookup {

	@Bean
	WebMvcRegistrations quickHandlerMapping() {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new Mapping();
			}
		};
	}

	/** The literal start and end of a pattern and its number of slashes. */
	record Shape(String start, String end, int slashes) {

		static @Nullable Shape of(String pattern) {
			if (pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.isEmpty()) {
				return null;
			}
			int open = pattern.indexOf('{');
			int close = pattern.lastIndexOf('}');
			String start = open < 0 ? pattern : pattern.substring(0, open);
			String end = open < 0 ? "" : pattern.substring(close + 1);
			return new Shape(start, end, slashes(pattern));
		}

		boolean fits(String path, int pathSlashes) {
			return pathSlashes == slashes && path.startsWith(start) && path.endsWith(end)
					&& path.length() >= start.length() + end.length();
		}

		static int slashes(String s) {
			int n = 0;
			for (int i = 0; i < s.length(); i++) {
				if (s.charAt(i) == '/') {
					n++;
				}
			}
			return n;
		}
	}

	static final class Mapping extends RequestMappingHandlerMapping {

		/**
		 * By identity: the registry hands back the very instances registered, and RequestMappingInfo's equals compares
		 * all its conditions. Filled at start-up, before the first request; only read afterwards.
		 */
		private final Map<RequestMappingInfo, Shape[]> shapes = new IdentityHashMap<>();

		/** The path being looked up, with its number of slashes; empty when it must go through the full check. */
		private final ThreadLocal<@Nullable Path> path = new ThreadLocal<>();

		record Path(String value, int slashes) {
		}

		@Override
		protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
			super.registerHandlerMethod(handler, method, mapping);
			var condition = mapping.getPathPatternsCondition();
			if (condition == null || condition.getPatterns().isEmpty()) {
				return;
			}
			List<Shape> list = new ArrayList<>();
			for (var p : condition.getPatterns()) {
				Shape s = Shape.of(p.getPatternString());
				if (s == null) {
					return;
				}
				list.add(s);
			}
			synchronized (shapes) {
				shapes.put(mapping, list.toArray(Shape[]::new));
			}
		}

		@Override
		protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
				throws Exception {
			boolean plain = lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0;
			path.set(plain ? new Path(lookupPath, Shape.slashes(lookupPath)) : null);
			try {
				return super.lookupHandlerMethod(lookupPath, request);
			}
			finally {
				path.remove();
			}
		}

		@Override
		protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
			Path p = path.get();
			if (p != null) {
				Shape[] s = shapes.get(info);
				if (s != null && !fitsAny(s, p.value(), p.slashes())) {
					return null;
				}
			}
			return super.getMatchingMapping(info, request);
		}

		private static boolean fitsAny(Shape[] shapes, String path, int slashes) {
			for (Shape s : shapes) {
				if (s.fits(path, slashes)) {
					return true;
				}
			}
			return false;
		}
	}
}
