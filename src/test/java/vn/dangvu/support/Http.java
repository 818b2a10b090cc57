package vn.dangvu.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;

/** A signed-in client of the running app: cookies, the CSRF token, the second factor of the demo accounts. */
public final class Http {

	public static final String DEMO_PASSWORD = "DangVu@2026";
	public static final String DEMO_TOTP = "DEMODANGVUDEMODANGVUDEMODANGVU22";

	private final String base;
	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
	private final HttpClient client;

	public Http(int port) {
		this.base = "http://localhost:" + port;
		this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	public static Http as(int port, String username) {
		Http h = new Http(port);
		HttpResponse<String> r = h.login(username, DEMO_PASSWORD);
		String location = r.headers().firstValue("Location").orElse("");
		if (location.endsWith("/login/totp")) {
			r = h.post("/login/totp", Map.of("code", code(DEMO_TOTP)));
			location = r.headers().firstValue("Location").orElse("");
		}
		if (!location.endsWith("/")) {
			throw new IllegalStateException("sign-in of " + username + " ended at " + location + " status " + r.statusCode() + " " + r.body().substring(0, Math.min(300, r.body().length())));
		}
		return h;
	}

	public static String code(String secret) {
		try {
			return new DefaultCodeGenerator().generate(secret, System.currentTimeMillis() / 30_000);
		}
		catch (CodeGenerationException e) {
			throw new IllegalStateException(e);
		}
	}

	public HttpResponse<String> login(String username, String password) {
		get("/login");
		return post("/login", Map.of("username", username, "password", password));
	}

	public String csrf() {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue).findFirst().orElseGet(() -> {
				get("/login");
				return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
					.map(HttpCookie::getValue).findFirst().orElse("");
			});
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
	}

	public HttpResponse<byte[]> getBytes(String path) {
		try {
			return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	public HttpResponse<String> post(String path, Map<String, String> form) {
		Map<String, String> all = new LinkedHashMap<>(form);
		all.put("_csrf", csrf());
		String body = all.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	public HttpResponse<String> postWithoutCsrf(String path, String formBody) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(formBody)).build());
	}

	public HttpResponse<String> postJson(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", csrf()).POST(HttpRequest.BodyPublishers.ofString(json)).build());
	}

	public HttpResponse<String> putJson(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", csrf()).PUT(HttpRequest.BodyPublishers.ofString(json)).build());
	}

	public HttpResponse<String> postMultipart(String path, String field, String fileName, String contentType, byte[] content) {
		String boundary = "----dangvu" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		String sep = path.contains("?") ? "&" : "?";
		return send(HttpRequest.newBuilder(URI.create(base + path + sep + "_csrf=" + csrf()))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
	}

	private HttpResponse<String> send(HttpRequest req) {
		try {
			return client.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}
}
