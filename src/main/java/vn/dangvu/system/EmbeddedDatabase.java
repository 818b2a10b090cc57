package vn.dangvu.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts PostgreSQL 17 from the bundled binaries when no {@code spring.datasource.url} is configured.
 * The data lives under {@code dangvu.embedded.data-dir} (default {@code ./data/pg}) and survives restarts.
 * As root, PostgreSQL refuses to run; the library then starts it inside a user namespace with {@code unshare}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", matchIfMissing = true, havingValue = "__never__")
class EmbeddedDatabase implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private EmbeddedPostgres postgres;

	@Bean
	DataSource dataSource(Environment env) throws IOException, SQLException {
		Path dataDir = Path.of(env.getProperty("dangvu.embedded.data-dir", "./data/pg")).toAbsolutePath().normalize();
		boolean clean = env.getProperty("dangvu.embedded.clean", Boolean.class, false);
		boolean durable = env.getProperty("dangvu.embedded.durable", Boolean.class, true);
		int port = env.getProperty("dangvu.embedded.port", Integer.class, 0);
		int poolSize = env.getProperty("dangvu.embedded.pool-size", Integer.class, 10);
		checkCanRun();
		Files.createDirectories(dataDir.getParent());
		Path workDir = dataDir.getParent().resolve("pg-bin");
		Files.createDirectories(workDir);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(clean)
			.setOverrideWorkingDirectory(workDir.toFile())
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("locale", "C.UTF-8")
			.setServerConfig("timezone", "Asia/Ho_Chi_Minh")
			.setServerConfig("max_connections", "100")
			.setServerConfig("shared_buffers", env.getProperty("dangvu.embedded.shared-buffers", "256MB"))
			.setServerConfig("work_mem", "16MB")
			.setServerConfig("maintenance_work_mem", "256MB")
			.setServerConfig("listen_addresses", "localhost");
		if (durable) {
			// The library's defaults are for throwaway test databases; an application's data must survive a crash.
			builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on");
			// The server stops and starts with the application. pg_prewarm's worker writes down which blocks are in
			// shared buffers (every 5 minutes and at shutdown) and reads them back after a start, in the background:
			// a restart (a deployment) no longer leaves every page and import reading a cold cache for minutes.
			builder.setServerConfig("shared_preload_libraries",
					env.getProperty("dangvu.embedded.preload-libraries", "pg_prewarm"));
		}
		else {
			builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off");
		}
		if (port > 0) {
			builder.setPort(port);
		}
		postgres = builder.start();
		log.info("Embedded PostgreSQL 17 started on port {} with data in {}", postgres.getPort(), dataDir);
		try (Connection c = postgres.getPostgresDatabase().getConnection()) {
			var rs = c.createStatement().executeQuery("select 1 from pg_database where datname = 'dangvu'");
			if (!rs.next()) {
				c.createStatement().execute("create database dangvu template template0 encoding 'UTF8' locale 'C.UTF-8'");
			}
		}
		HikariConfig hc = new HikariConfig();
		hc.setJdbcUrl(postgres.getJdbcUrl("postgres", "dangvu"));
		hc.setUsername("postgres");
		hc.setMaximumPoolSize(poolSize);
		hc.setPoolName("dangvu-embedded");
		return new HikariDataSource(hc);
	}

	private static void checkCanRun() {
		boolean root = "root".equals(System.getProperty("user.name"));
		if (root && !new File("/usr/bin/unshare").canExecute() && !new File("/bin/unshare").canExecute()) {
			throw new IllegalStateException("""
				PostgreSQL refuses to run as root, and 'unshare' (util-linux) is not available to start it \
				in a user namespace. Run dangvu as a normal user, install util-linux, or set \
				SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD \
				to use an external PostgreSQL 15 or newer.""");
		}
	}

	@Override
	public void destroy() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
	}
}
