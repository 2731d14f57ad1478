package io.contactsync.platform.database;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.contactsync.ContactSyncApplication;
import io.contactsync.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded default as a user runs it: the application starts its own PostgreSQL in
 * its data directory, durable, and finds its data again after a restart. These tests
 * start the application directly, not through the test framework, so they get exactly
 * that path.
 */
class EmbeddedDatabaseTest {

	private static final String PASSWORD = "embedded-test-password";

	@Test
	void theServerItRunsForUsersIsDurable(@TempDir Path dataDir) {
		try (ConfigurableApplicationContext app = start(dataDir)) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);

			assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
			assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
			assertThat(jdbc.sql("SHOW server_version").query(String.class).single()).startsWith("17.");
			assertThat(jdbc.sql("SHOW shared_buffers").query(String.class).single())
				.as("the buffers are sized for the machine")
				.isEqualTo(MemorySettings.forThisMachine().get("shared_buffers"));
			assertThat(jdbc.sql("SELECT current_user || ' ' || rolsuper FROM pg_roles WHERE rolname = current_user")
				.query(String.class)
				.single()).as("the application connects as its own role, not as a superuser")
				.isEqualTo("contactsync false");
			assertThat(app.getBean(EmbeddedPostgresServer.class).directory())
				.isEqualTo(dataDir.resolve("postgres").toAbsolutePath().normalize());
		}
	}

	@Test
	void restartingKeepsTheData(@TempDir Path dataDir) {
		try (ConfigurableApplicationContext app = start(dataDir)) {
			Api.Response created = api(app).post("/api/v1/business-relations",
					Map.of("code", "ADVOKAT", "description", "Advokat"));
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
		}
		assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid")))
			.as("PostgreSQL stopped cleanly with the application")
			.isFalse();

		try (ConfigurableApplicationContext app = start(dataDir)) {
			Api.Response read = api(app).get("/api/v1/business-relations/ADVOKAT");
			assertThat(read.status()).as(read.toString()).isEqualTo(200);
			assertThat(read.json().get("description").asString()).isEqualTo("Advokat");
		}
	}

	@Test
	void twoInstancesOnTwoDataDirectoriesDoNotClash(@TempDir Path first, @TempDir Path second) {
		try (ConfigurableApplicationContext one = start(first); ConfigurableApplicationContext two = start(second)) {
			assertThat(api(one).post("/api/v1/territories", Map.of("code", "VEST", "name", "Vest")).status())
				.isEqualTo(201);

			assertThat(api(two).get("/api/v1/territories/VEST").status()).isEqualTo(404);
			assertThat(one.getBean(EmbeddedPostgresServer.class).port())
				.isNotEqualTo(two.getBean(EmbeddedPostgresServer.class).port());
		}
	}

	@Test
	void aSecondInstanceOnTheSameDataDirectoryIsRefusedClearly(@TempDir Path dataDir) {
		try (ConfigurableApplicationContext app = start(dataDir)) {
			assertThatThrownBy(() -> start(dataDir).close()).hasStackTraceContaining("postgres");
			assertThat(api(app).get("/actuator/health").status()).as("the first one runs on").isEqualTo(200);
		}
	}

	@Test
	void anApplicationThatFailsToStartStopsItsServer(@TempDir Path dataDir) throws Exception {
		try (ServerSocket taken = new ServerSocket(0)) {
			assertThatThrownBy(() -> start(dataDir, "server.port=" + taken.getLocalPort()).close())
				.hasStackTraceContaining("" + taken.getLocalPort());
		}
		assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid")))
			.as("the server started early is stopped with the failed application")
			.isFalse();
		try (ConfigurableApplicationContext app = start(dataDir)) {
			assertThat(api(app).get("/actuator/health").status()).isEqualTo(200);
		}
	}

	static ConfigurableApplicationContext start(Path dataDir, String... more) {
		String[] properties = { "contactsync.data-dir=" + dataDir, "server.port=0",
				"contactsync.admin-password=" + PASSWORD, "spring.main.banner-mode=off" };
		// the test's own settings as arguments, so that they win over
		// application.properties (default properties would not)
		String[] arguments = java.util.Arrays.stream(more).map(setting -> "--" + setting).toArray(String[]::new);
		return new SpringApplicationBuilder(ContactSyncApplication.class).properties(properties).run(arguments);
	}

	static Api api(ConfigurableApplicationContext app) {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		return Api.anonymous(port).as("admin", PASSWORD);
	}

}
