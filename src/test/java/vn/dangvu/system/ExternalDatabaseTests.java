package vn.dangvu.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dangvu.DangvuApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.datasource.url} (SPRING_DATASOURCE_URL) set, the app uses that server, migrates it and starts
 * no database of its own. A separately started PostgreSQL stands in for the external server.
 */
class ExternalDatabaseTests {

	@Test
	void usesTheConfiguredServerInsteadOfTheEmbeddedOne() throws Exception {
		try (EmbeddedPostgres external = EmbeddedPostgres.builder().setDataDirectory(Path.of("target/test-pg/external"))
			.setCleanDataDirectory(true).setOverrideWorkingDirectory(Path.of("target/test-pg").toAbsolutePath().toFile()).start()) {
			String url = external.getJdbcUrl("postgres", "postgres");
			try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DangvuApplication.class).run(
					"--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=",
					"--server.port=0", "--dangvu.demo.enabled=false", "--dangvu.embedded.data-dir=target/test-pg/must-not-exist")) {
				assertThat(app.getBeansOfType(EmbeddedDatabase.class)).isEmpty();
				JdbcClient jdbc = JdbcClient.create(external.getPostgresDatabase());
				assertThat(jdbc.sql("select count(*) from information_schema.tables where table_schema = 'organizations'")
					.query(Long.class).single()).isGreaterThanOrEqualTo(8);
				assertThat(jdbc.sql("select count(*) from organizations.organization").query(Long.class).single()).isZero();
				assertThat(Path.of("target/test-pg/must-not-exist")).doesNotExist();
				String port = app.getEnvironment().getProperty("local.server.port");
				HttpResponse<String> login = HttpClient.newHttpClient().send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
				assertThat(login.statusCode()).isEqualTo(200);
				assertThat(login.body()).contains("Đăng nhập");
			}
		}
	}
}
