import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Members submitting self-assessments, each on their own session (lines of bench/out/selfs.txt: "evaluationId group
 * JSESSIONID XSRF"). Two shapes:
 *   burst: every member opens the form (GET of their evaluation, not timed), then all submit once at the same
 *          instant (one latch); WARM untimed bursts first (default 3: this client is a fresh JVM on the same two
 *          cores, and its own HTTP code runs interpreted in its first bursts), then ROUNDS timed ones, each printed;
 *   paced: every member starts at a random moment, submits, waits 0.5–1.5 × THINK ms, submits again, for SECONDS —
 *          an offered load of about MEMBERS / THINK submissions per second, not in step.
 * Prints p50/p95/p99 of the latencies, the throughput, and every answer that was not 200 as an error.
 * Usage: java bench/SelfBench.java http://localhost:8089 bench/out/selfs.txt MEMBERS burst [ROUNDS [WARM]]
 *        java bench/SelfBench.java http://localhost:8089 bench/out/selfs.txt MEMBERS paced THINK_MS SECONDS
 */
public class SelfBench {

	record Member(String id, String group, String session, String xsrf) {
	}

	static final String NON_SYSTEM = "{\"G1\":\"6\",\"G2\":\"6\",\"G3\":\"5\",\"G4\":\"5\",\"R1\":\"20\",\"R2\":\"16\",\"R3\":\"12\",\"R4\":\"8\"}";
	static final String INDIVIDUAL = "{\"G1\":\"6\",\"G2\":\"6\",\"G3\":\"5\",\"G4\":\"5\",\"R1\":\"32\",\"R2\":\"16\",\"R3\":\"8\"}";
	static final String TEXTS = "{\"strengths\":\"Chấp hành tốt chủ trương, nghị quyết; tham gia đầy đủ sinh hoạt chi bộ.\","
			+ "\"shortcomings\":\"Có lúc chưa chủ động đề xuất giải pháp.\",\"remedies\":\"Chủ động, gương mẫu hơn ở nơi cư trú.\"}";

	public static void main(String[] args) throws Exception {
		String base = args[0];
		List<Member> all = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of(args[1]))) {
			String[] p = line.trim().split("\\s+");
			if (p.length == 4) {
				all.add(new Member(p[0], p[1], p[2], p[3]));
			}
		}
		int n = Math.min(Integer.parseInt(args[2]), all.size());
		boolean burst = "burst".equals(args[3]);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newVirtualThreadPerTaskExecutor())
			.connectTimeout(Duration.ofSeconds(10)).build();
		if (burst) {
			int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 1;
			int warm = args.length > 5 ? Integer.parseInt(args[5]) : 3;
			for (int i = 0; i < warm + rounds; i++) {
				String result = once(base, all.subList(0, n), http, true, 0, 0);
				if (i >= warm) {
					System.out.println(result);
				}
			}
		}
		else {
			System.out.println(once(base, all.subList(0, n), http, false, Long.parseLong(args[4]), Long.parseLong(args[5])));
		}
	}

	/** One run of the members: the RESULT line. */
	static String once(String base, List<Member> all, HttpClient http, boolean burst, long think, long seconds) throws Exception {
		int n = all.size();
		ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
		AtomicInteger errors = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		CountDownLatch ready = new CountDownLatch(n);
		CountDownLatch done = new CountDownLatch(n);
		long[] window = new long[2];
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < n; i++) {
				Member m = all.get(i);
				threads.submit(() -> {
					try {
						// As a member does: open the form (their evaluation) first, then submit. Not timed; in a burst
						// everyone has the form open before the common instant, on the connection their browser keeps.
						try {
							http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/evaluations/" + m.id()))
								.header("Cookie", "JSESSIONID=" + m.session()).timeout(Duration.ofSeconds(30)).GET().build(),
									HttpResponse.BodyHandlers.discarding());
						}
						finally {
							ready.countDown();
						}
						start.await();
						long end = System.nanoTime() + seconds * 1_000_000_000L;
						if (!burst) {
							// Members do not act in step: each starts at a random moment within the first think time.
							Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(think + 1));
						}
						do {
							long t0 = System.nanoTime();
							HttpResponse<String> r = http.send(request(base, m), HttpResponse.BodyHandlers.ofString());
							micros.add((System.nanoTime() - t0) / 1000);
							if (r.statusCode() != 200) {
								errors.incrementAndGet();
							}
							if (!burst) {
								// Think time uniform in [0.5, 1.5] × THINK: the offered load is about MEMBERS / THINK per second.
								Thread.sleep(think / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(think + 1));
							}
						} while (!burst && System.nanoTime() < end);
					}
					catch (Exception e) {
						errors.incrementAndGet();
					}
					finally {
						done.countDown();
					}
					return null;
				});
			}
			ready.await();
			window[0] = System.nanoTime();
			start.countDown();
			done.await();
			window[1] = System.nanoTime();
		}
		List<Long> l = new ArrayList<>(micros);
		Collections.sort(l);
		double secs = (window[1] - window[0]) / 1e9;
		return String.format("RESULT shape=%s members=%d think_ms=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f rps=%.0f requests=%d errors=%d",
				burst ? "burst" : "paced", n, think, pct(l, 50), pct(l, 95), pct(l, 99), l.isEmpty() ? 0 : l.get(l.size() - 1) / 1000.0,
				l.size() / secs, l.size(), errors.get());
	}

	static double pct(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
	}

	static HttpRequest request(String base, Member m) {
		String body = "{\"scores\":" + ("INDIVIDUAL".equals(m.group()) ? INDIVIDUAL : NON_SYSTEM)
				+ ",\"tasksDone\":\"100\",\"tasksOnTime\":\"100\",\"tasksExceeded\":\"10\",\"level\":\"HTTNV\",\"texts\":" + TEXTS + "}";
		return HttpRequest.newBuilder(URI.create(base + "/api/v1/evaluations/" + m.id() + "/self-assessment"))
			.header("Cookie", "JSESSIONID=" + m.session() + "; XSRF-TOKEN=" + m.xsrf()).header("X-XSRF-TOKEN", m.xsrf())
			.header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
			.PUT(HttpRequest.BodyPublishers.ofString(body)).build();
	}
}
