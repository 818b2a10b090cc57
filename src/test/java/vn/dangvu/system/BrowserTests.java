package vn.dangvu.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dangvu.organizations.DemoRegistry;
import vn.dangvu.support.Fixtures;
import vn.dangvu.support.Http;
import vn.dangvu.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in a real browser (Debian's chromium, headless, driven by Playwright for Java): the main flows on a
 * small phone screen, with the keyboard, without JavaScript, and axe-core on every page of this issue, failing on
 * serious or critical findings.
 */
@IntegrationTest
class BrowserTests {

	static Playwright playwright;
	static Browser browser;
	static String axe;

	@LocalServerPort
	int port;

	@Autowired
	DemoRegistry demo;

	@Autowired
	JdbcClient jdbc;

	BrowserContext context;
	Page page;

	@BeforeAll
	static void launch() throws IOException {
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		String exe = Files.exists(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium" : "/usr/bin/chromium-browser";
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of(exe)).setHeadless(true)
			.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync")));
		try (InputStream in = BrowserTests.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
			axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@BeforeEach
	void open() {
		context = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setLocale("vi-VN")
			.setBypassCSP(true));
		context.setDefaultTimeout(15_000);
		page = context.newPage();
	}

	@AfterEach
	void closeContext() {
		context.close();
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void signIn(String username) {
		page.navigate(url("/login"));
		checkAccessibility("login");
		page.fill("#username", username);
		page.fill("#password", Http.DEMO_PASSWORD);
		page.click("main button[type=submit]");
		if (page.url().endsWith("/login/totp")) {
			checkAccessibility("totp");
			page.fill("#code", Http.code(Http.DEMO_TOTP));
			page.click("main button[type=submit]");
		}
		page.waitForSelector("h1");
	}

	/** Runs axe-core on the page; fails on serious or critical violations, naming them. */
	void checkAccessibility(String where) {
		page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
		Object result = page.evaluate("""
				async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
				  .filter(v => v.impact === 'serious' || v.impact === 'critical')
				  .map(v => v.id + ': ' + v.help + ' [' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ') + ']')
				""");
		assertThat((List<?>) result).as("axe on %s", where).isEmpty();
		// Fits a 360 px phone: nothing wider than the screen.
		Object wide = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1");
		assertThat(wide).as("horizontal scroll on %s", where).isEqualTo(false);
	}

	@Test
	void secretaryBrowsesSearchesAndOpensARecord() {
		signIn("bithu");
		assertThat(page.textContent("h1")).contains("Chi bộ Thôn Đông");
		checkAccessibility("cell page");
		page.click("text=Danh sách đảng viên");
		page.waitForSelector("#rows table");
		checkAccessibility("member list");
		String firstBefore = page.textContent("#rows tbody tr td a");
		// Typing filters in place (htmx), without a page load; names match without diacritics.
		page.fill("#q", "nguyen");
		page.waitForFunction("""
				() => location.search.includes('q=nguyen')
				  && document.querySelectorAll('#rows tbody tr').length > 0
				  && [...document.querySelectorAll('#rows tbody tr')].every(r => r.textContent.includes('Nguyễn'))""");
		assertThat(page.url()).contains("q=nguyen");
		page.click("#rows tbody tr td a");
		page.waitForSelector("dl.record");
		assertThat(page.textContent("h1")).contains("Nguyễn");
		checkAccessibility("member record");
		page.click("text=Sửa hồ sơ");
		page.waitForSelector("#f-fullName");
		checkAccessibility("member form");
		assertThat(firstBefore).isNotBlank();
	}

	@Test
	void badInputShowsTheProblemsByFieldAndKeepsTheValues() {
		signIn("bithu");
		page.navigate(url("/orgs/" + demo.ids().orElseThrow().cellId() + "/members/new"));
		page.fill("#f-fullName", "Hà Thị Mới");
		page.selectOption("#f-gender", "F");
		page.fill("#f-birthDate", "30/02/1990");
		page.fill("#f-admittedOn", "01/01/2010");
		page.fill("#f-cardNo", "123");
		page.click("main button[type=submit]");
		page.waitForSelector("#problems");
		String problems = page.textContent("#problems");
		assertThat(problems).contains("Ngày sinh").contains("30/02/1990").contains("Số thẻ đảng viên");
		assertThat(page.inputValue("#f-fullName")).isEqualTo("Hà Thị Mới");
		assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("problems");
		checkAccessibility("form with problems");
		assertThat(jdbc.sql("select count(*) from organizations.member where full_name = 'Hà Thị Mới'").query(Long.class).single()).isZero();
		page.fill("#f-birthDate", "28/02/1990");
		page.fill("#f-cardNo", "");
		page.click("main button[type=submit]");
		page.waitForSelector("dl.record");
		assertThat(page.textContent("h1")).contains("Hà Thị Mới");
	}

	@Test
	void staffWorkTheTreeAndReorganizationPages() {
		signIn("canbo.tinh");
		var ids = demo.ids().orElseThrow();
		page.navigate(url("/orgs/" + ids.provinceId()));
		checkAccessibility("province page");
		// Expanding a node loads its children in place.
		page.click("ul.tree details summary");
		page.waitForSelector("ul.tree details[open] ul li a", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));
		assertThat(page.locator("ul.tree details[open] ul li a").count()).isPositive();
		page.navigate(url("/orgs/" + ids.communeId() + "/reorganize"));
		checkAccessibility("reorganize");
		page.navigate(url("/orgs/" + ids.cellId() + "/import"));
		checkAccessibility("import");
		page.navigate(url("/orgs?q=tan+an"));
		checkAccessibility("search");
		page.navigate(url("/audit"));
		checkAccessibility("audit");
		page.navigate(url("/orgs/" + ids.cellId() + "?asOf=01/08/2025"));
		checkAccessibility("as-of view");
		// the meeting rules of the province, with the form to set its own value
		page.navigate(url("/orgs/" + ids.provinceId()));
		page.click("text=Quy định sinh hoạt");
		page.waitForSelector("form select#f-key");
		checkAccessibility("meeting rules");
		// a rubric whose points do not add up to 100: named, what was typed kept, nothing written
		int rubrics = jdbc.sql("select count(*) from meetings.rubric").query(Integer.class).single();
		page.click("#set-rubric-THEMATIC summary");
		page.fill("#r-criteria-THEMATIC", "Chuẩn bị nội dung | 40\nTiến hành sinh hoạt | 50");
		page.fill("#r-from-THEMATIC", "01/01/2098");
		page.fill("#r-reference-THEMATIC", "Văn bản thử");
		page.click("#set-rubric-THEMATIC button[type=submit]");
		page.waitForSelector("#problems");
		assertThat(page.textContent("#problems")).contains("tổng điểm tối đa phải bằng 100 (đang là 90)");
		// the form of that kind comes back open with what was typed; the other kind's keeps its own rubric
		assertThat(page.inputValue("#r-criteria-THEMATIC")).contains("Tiến hành sinh hoạt | 50");
		assertThat(page.inputValue("#r-criteria-REGULAR")).contains("Chuẩn bị nội dung, chi ủy họp trước | 15");
		checkAccessibility("meeting rules with problems");
		assertThat(jdbc.sql("select count(*) from meetings.rubric").query(Integer.class).single()).isEqualTo(rubrics);
	}

	@Test
	void administratorPages() {
		signIn("admin");
		page.navigate(url("/accounts"));
		checkAccessibility("accounts");
		page.click("table a");
		page.waitForSelector("h1");
		checkAccessibility("account");
		page.navigate(url("/account/password"));
		checkAccessibility("password");
	}

	@Test
	void keyboardAndLanguage() {
		signIn("bithu");
		page.keyboard().press("Tab");
		assertThat(page.evaluate("() => document.activeElement.className")).isEqualTo("skip");
		page.keyboard().press("Enter");
		assertThat(page.url()).endsWith("#main");
		page.click("text=English");
		page.waitForSelector("html[lang=en]");
		assertThat(page.textContent("body")).contains("Member list");
		checkAccessibility("English page");
		page.click("text=Tiếng Việt");
		page.waitForSelector("html[lang=vi]");
	}

	@Test
	void coreFlowsWorkWithoutJavaScript() {
		context.close();
		context = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false).setViewportSize(360, 740));
		page = context.newPage();
		page.navigate(url("/login"));
		page.fill("#username", "bithu");
		page.fill("#password", Http.DEMO_PASSWORD);
		page.click("main button[type=submit]");
		page.waitForSelector("h1");
		page.navigate(url("/orgs/" + demo.ids().orElseThrow().cellId() + "/members"));
		page.fill("#q", "tran");
		page.click("form[role=search] button[type=submit]");
		page.waitForURL("**q=tran**");
		assertThat(page.locator("#rows tbody tr").all()).isNotEmpty().allSatisfy(r -> assertThat(r.textContent()).contains("Trần"));
		long member = Fixtures.memberIds(jdbc, demo.ids().orElseThrow().cellId()).get(3);
		page.navigate(url("/members/" + member));
		page.selectOption("#t-kind", "SUSPEND");
		page.click("text=Ghi nhận");
		page.waitForSelector("#problems");
		assertThat(page.textContent("#problems")).contains("Số, ký hiệu quyết định");
	}

	@Test
	void secretaryTakesAttendanceOnAPhoneAndWritesTheMinutes() {
		var ids = demo.ids().orElseThrow();
		signIn("bithu");
		page.navigate(url("/orgs/" + ids.cellId() + "/meetings"));
		checkAccessibility("cell meetings");
		page.click("summary:has-text('Tạo cuộc họp')");
		page.selectOption("#f-kind", "EXTRAORDINARY");
		page.fill("#f-date", vn.dangvu.shared.VnText.date(vn.dangvu.shared.VnText.today()));
		page.fill("#f-time", "07:30");
		page.fill("#f-place", "Nhà văn hóa thôn");
		page.fill("#f-topic", "Chuẩn bị bầu cử trưởng thôn");
		page.fill("#f-agenda", "Giới thiệu nhân sự\nBiểu quyết");
		page.click("form[action$='/meetings'] button[type=submit]");
		page.waitForURL("**/meetings/*?done=create");
		checkAccessibility("meeting page");
		page.click("form[action$='/publish'] button");
		page.waitForURL("**done=publish");
		page.click("a:has-text('Điểm danh')");
		page.waitForSelector("form.attendance");
		checkAccessibility("attendance");
		// Everyone is preset to present: two taps for the two absent members, one to save.
		var rows = page.locator("fieldset.att");
		int n = rows.count();
		assertThat(n).isGreaterThanOrEqualTo(5);
		rows.nth(0).locator("label:has-text('Vắng có lý do')").click();
		rows.nth(1).locator("label:has-text('Vắng không lý do')").click();
		page.click("form.attendance button[type=submit]");
		page.waitForURL("**done=attendance");
		assertThat(page.textContent("main")).contains("Vắng không lý do: 1".replace(": ", ": "));
		long meeting = Long.parseLong(page.url().replaceAll(".*/meetings/(\\d+).*", "$1"));
		assertThat(jdbc.sql("select present from meetings.meeting where id = :id").param("id", meeting).query(Integer.class)
			.single()).isEqualTo(n - 2);

		page.click("a:has-text('Lập biên bản')");
		page.waitForSelector("#f-chair");
		checkAccessibility("minutes form");
		page.selectOption("#f-chair", new com.microsoft.playwright.options.SelectOption().setIndex(1));
		page.selectOption("#f-secretary", new com.microsoft.playwright.options.SelectOption().setIndex(2));
		page.fill("#f-report", "Chi bộ giới thiệu 2 nhân sự.");
		page.fill("#f-conclusions", "Thống nhất giới thiệu nhân sự.");
		page.fill("#vi0", "Giới thiệu nhân sự");
		page.fill("#vf0", "999");
		page.click("main form button[type=submit]");
		page.waitForSelector("#problems");
		assertThat(page.textContent("#problems")).contains("vượt số đảng viên có mặt");
		checkAccessibility("minutes form with problems");
		page.fill("#vf0", String.valueOf(n - 2));
		page.click("main form button[type=submit]");
		page.waitForURL("**done=minutes**");
		assertThat(page.textContent("#minutes ~ dl")).contains("Thống nhất giới thiệu nhân sự.");

		page.navigate(url("/orgs/" + ids.cellId() + "/meetings/stats"));
		checkAccessibility("cell statistics");
		page.navigate(url("/meetings/mine"));
		checkAccessibility("my meetings (secretary)");
		page.navigate(url("/reminders"));
		checkAccessibility("to do (secretary)");
		page.navigate(url("/account/me"));
		checkAccessibility("my account");
		page.fill("#f-email", "");
		page.check("#f-notify");
		page.click("form[action='/account/email'] button[type=submit]");
		page.waitForSelector("#problems");
		assertThat(page.textContent("#problems")).contains("E-mail nhận nhắc việc");
		checkAccessibility("my account with problems");
	}

	@Test
	void memberAndCommitteePagesOfMeetings() {
		var ids = demo.ids().orElseThrow();
		signIn("dangvien");
		page.navigate(url("/meetings/mine"));
		checkAccessibility("my meetings");
		page.navigate(url("/reminders"));
		assertThat(page.textContent("main")).contains("Tự đánh giá, xếp loại");
		checkAccessibility("to do (member)");
		long held = jdbc.sql("select id from meetings.meeting where organization_id = :o and status = 'HELD' order by meeting_date limit 1")
			.param("o", ids.cellId()).query(Long.class).single();
		page.navigate(url("/meetings/" + held));
		checkAccessibility("meeting page as member");
		context.clearCookies();
		signIn("canbo.xa");
		page.navigate(url("/orgs/" + ids.communeId() + "/assignments"));
		checkAccessibility("assignments");
		page.navigate(url("/orgs/" + ids.communeId() + "/meetings/stats"));
		checkAccessibility("commune statistics");
		assertThat(page.locator("table tbody tr").count()).isPositive();
		page.navigate(url("/orgs/" + ids.communeId() + "/studies"));
		checkAccessibility("studies");
		page.fill("#f-documentRef", "Nghị quyết 57-NQ/TW");
		page.fill("#f-title", "Quán triệt về khoa học, công nghệ");
		page.click("main form button[type=submit]");
		page.waitForURL("**/studies/*");
		checkAccessibility("study");
		assertThat(page.textContent("h1")).contains("Nghị quyết 57-NQ/TW");

		// A review session as its secretary and as a member writing the self-review.
		Http bithu = Http.as(port, "bithu");
		var created = bithu.post("/orgs/" + ids.cellId() + "/meetings", Map.of("kind", "REVIEW", "date",
				vn.dangvu.shared.VnText.date(vn.dangvu.shared.VnText.today().plusDays(7)), "time", "19:30", "place", "Nhà văn hóa",
				"topic", "Kiểm điểm cuối năm", "agenda", "Tự kiểm điểm", "campaign", "Kết luận 21-KL/TW"));
		String review = created.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*", "").replaceAll("^https?://[^/]+", "");
		bithu.post(review + "/publish", Map.of());
		context.clearCookies();
		signIn("dangvien");
		page.navigate(url(review));
		page.fill("#a_shortcomings", "Chưa tích cực");
		page.fill("#a_remedies", "Khắc phục trong quý");
		page.click("form[action$='/self-review'] button[type=submit]");
		page.waitForURL("**done=self-review**");
		checkAccessibility("review session as member");
		context.clearCookies();
		signIn("bithu");
		page.navigate(url(review));
		checkAccessibility("review session as secretary");
		assertThat(page.textContent("main")).contains("Chưa tích cực");
	}

	@Test
	void memberSelfAssessesOnAPhoneAndTheCommitteeSeesTheCycle() {
		var ids = demo.ids().orElseThrow();
		long cycle = jdbc.sql("select id from evaluations.cycle where organization_id = :c and kind = 'ANNUAL' order by id limit 1")
			.param("c", ids.communeId()).query(Long.class).single();
		long mine = jdbc.sql("select id from evaluations.evaluation where cycle_id = :c and member_id = :m").param("c", cycle)
			.param("m", ids.memberId()).query(Long.class).single();
		signIn("dangvien");
		page.navigate(url("/evaluations/mine"));
		checkAccessibility("my reviews");
		page.click("a[href='/evaluations/" + mine + "']");
		page.waitForSelector("#self");
		checkAccessibility("self-assessment form");
		// Every criterion at 80% of its maximum, rounded down: a total in the HTTNV band.
		for (var input : page.locator("input[name^='score.']").all()) {
			String max = input.locator("xpath=ancestor::tr/td[1]").textContent().trim();
			input.fill(String.valueOf((int) (Double.parseDouble(max) * 0.8)));
		}
		page.fill("#f-tasksDone", "100");
		page.fill("#f-tasksOnTime", "100");
		page.fill("#f-tasksExceeded", "10");
		page.fill("#t-strengths", "Tham gia đầy đủ sinh hoạt chi bộ, gương mẫu ở khu dân cư.");
		page.fill("#t-shortcomings", "Còn ngại phát biểu trong sinh hoạt.");
		page.fill("#t-remedies", "Chủ động góp ý, phát biểu tại các buổi sinh hoạt.");
		page.fill("#t-previous", "Không có hạn chế tồn đọng.");
		// First the wrong level: the page says what the right one is and keeps what was typed.
		page.selectOption("#f-level", "HTXSNV");
		page.click("form[action$='/self'] button[type=submit]");
		page.waitForSelector("#problems");
		assertThat(page.textContent("#problems")).contains("Mức tự xếp loại").contains("Hoàn thành tốt nhiệm vụ");
		assertThat(page.inputValue("#t-remedies")).contains("Chủ động góp ý");
		checkAccessibility("self-assessment refused");
		page.selectOption("#f-level", "HTTNV");
		page.click("form[action$='/self'] button[type=submit]");
		page.waitForURL("**done=self**");
		assertThat(jdbc.sql("select self_level from evaluations.evaluation where id = :id").param("id", mine).query(String.class).single())
			.isEqualTo("HTTNV");

		context.clearCookies();
		signIn("bithu");
		page.navigate(url("/evaluation-cycles/" + cycle + "?org=" + ids.cellId()));
		checkAccessibility("cycle as cell secretary");
		page.navigate(url("/evaluations/" + mine));
		checkAccessibility("evaluation as cell secretary");
		assertThat(page.locator("form[action$='/opinion']").count()).isEqualTo(1);
		long cellOwn = jdbc.sql("select id from evaluations.evaluation where cycle_id = :c and organization_id = :o and subject_kind = 'ORGANIZATION'")
			.param("c", cycle).param("o", ids.cellId()).query(Long.class).single();
		page.navigate(url("/evaluations/" + cellOwn));
		checkAccessibility("the cell's own self-assessment with its meetings");
		assertThat(page.textContent("main")).contains("Đã họp / phải họp");

		context.clearCookies();
		signIn("canbo.xa");
		page.navigate(url("/orgs/" + ids.communeId() + "/evaluations"));
		checkAccessibility("commune results");
		assertThat(page.locator("form[action$='/evaluation-cycles']").count()).isEqualTo(1);
		page.navigate(url("/orgs/" + ids.communeId() + "/criteria"));
		checkAccessibility("criteria sets");
		assertThat(page.inputValue("#f-lines")).contains("G1;CHUNG;");
		page.navigate(url("/evaluation-cycles/" + cycle + "?org=" + ids.communeId()));
		checkAccessibility("cycle as commune staff");
		assertThat(page.locator("#quota").count()).isEqualTo(1);

		// The cell's secretary also sits on the grassroots committee: reviewed there too, recorded by its staff.
		long secretary = jdbc.sql("select id from evaluations.evaluation where cycle_id = :c and member_id = "
				+ "(select member_id from organizations.position where organization_id = :o and title = 'BI_THU' and ended_on is null)")
			.param("c", cycle).param("o", ids.cellId()).query(Long.class).single();
		page.navigate(url("/evaluations/" + secretary));
		assertThat(page.textContent("#places")).contains("Kiểm điểm ở từng nơi giữ chức vụ");
		checkAccessibility("evaluation with a place to review");
		page.fill("form[action*='/places/'] textarea", "Hoàn thành tốt nhiệm vụ đảng ủy viên phụ trách khu dân cư");
		page.selectOption("form[action*='/places/'] select", "HTTNV");
		page.click("form[action*='/places/'] button[type=submit]");
		page.waitForSelector("text=Hoàn thành tốt nhiệm vụ đảng ủy viên phụ trách khu dân cư");
		assertThat(page.locator("form[action*='/places/']").count()).isZero();
	}
}
