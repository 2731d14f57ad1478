package io.contactsync.platform;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.contactsync.ContactSyncApplication;
import io.contactsync.support.Api;
import io.contactsync.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A load balancer sends no request before the service is ready: while the start still has
 * work to do (here: after the first admin, before the demo company), readiness and health
 * answer 503; once started, 200 with the admin and the demo company there. The readiness
 * group includes the database. The instance is a context of its own on a new database,
 * started with {@code contactsync.demo=true}.
 */
class ReadinessTest {

	/**
	 * Runs between the first admin ({@code FirstAdmin}) and the demo company (order 10).
	 */
	private static final int BETWEEN_ADMIN_AND_DEMO = 5;

	@Test
	void notReadyUntilTheFirstAdminAndTheDemoCompanyExist(@TempDir Path dataDir) {
		Map<String, Object> duringStart = new ConcurrentHashMap<>();
		SpringApplicationBuilder builder = new SpringApplicationBuilder(ContactSyncApplication.class)
			.initializers(context -> context.getBeanFactory()
				.registerSingleton("probeWhileStarting", new ProbeWhileStarting(context, duringStart)));
		try (ConfigurableApplicationContext app = builder.run("--spring.datasource.url=" + TestDatabase.newDatabase(),
				"--spring.datasource.username=" + TestDatabase.server().superuser(),
				"--spring.datasource.password=" + TestDatabase.server().password(), "--contactsync.data-dir=" + dataDir,
				"--server.port=0", "--contactsync.demo=true", "--contactsync.admin-password=readiness-admin-1",
				"--spring.main.banner-mode=off")) {
			assertThat(duringStart).containsEntry("admin", true)
				.containsEntry("demo", false)
				.containsEntry("readiness", 503)
				.containsEntry("health", 503);

			Api api = Api.anonymous(((WebServerApplicationContext) app).getWebServer().getPort());
			assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
			assertThat(api.get("/actuator/health").status()).isEqualTo(200);
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThat(adminExists(jdbc)).isTrue();
			assertThat(demoExists(jdbc)).isTrue();
			assertThat(app.getBean(HealthEndpointGroups.class).get("readiness").isMember("db"))
				.as("readiness includes the database")
				.isTrue();
		}
	}

	private static boolean adminExists(JdbcClient jdbc) {
		return jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'admin'").query(Long.class).single() == 1;
	}

	private static boolean demoExists(JdbcClient jdbc) {
		return jdbc.sql("SELECT count(*) FROM business_relation WHERE code = 'KUNDE'").query(Long.class).single() == 1;
	}

	/** Looks at the service from outside while the start's work is under way. */
	private record ProbeWhileStarting(ConfigurableApplicationContext context,
			Map<String, Object> seen) implements ApplicationRunner, Ordered {

		@Override
		public void run(ApplicationArguments args) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			seen.put("admin", adminExists(jdbc));
			seen.put("demo", demoExists(jdbc));
			Api api = Api.anonymous(((WebServerApplicationContext) context).getWebServer().getPort());
			seen.put("readiness", api.get("/actuator/health/readiness").status());
			seen.put("health", api.get("/actuator/health").status());
		}

		@Override
		public int getOrder() {
			return BETWEEN_ADMIN_AND_DEMO;
		}

	}

}
