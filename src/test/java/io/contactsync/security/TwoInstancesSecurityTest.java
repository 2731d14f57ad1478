package io.contactsync.security;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.contactsync.ContactSyncApplication;
import io.contactsync.support.Api;
import io.contactsync.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database agree at once on who may sign in: a token revoked through
 * one is refused by the other, a password changed through one ends the tokens on the
 * other, and wrong passwords counted by one lock the name on the other. The second
 * instance is a second application context on the test context's database.
 */
class TwoInstancesSecurityTest extends ApiTest {

	@Autowired
	HikariDataSource dataSource;

	@Test
	void bothInstancesRefuseWhatEitherRevokedOrLocked(@TempDir Path dataDir) {
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ContactSyncApplication.class).run(
				"--spring.datasource.url=" + dataSource.getJdbcUrl(),
				"--spring.datasource.username=" + dataSource.getUsername(),
				"--spring.datasource.password=" + dataSource.getPassword(), "--contactsync.data-dir=" + dataDir,
				"--server.port=0", "--contactsync.admin-password=" + ADMIN_PASSWORD, "--spring.main.banner-mode=off",
				"--spring.modulith.events.republish-outstanding-events-on-restart=false")) {
			int otherPort = ((WebServerApplicationContext) second).getWebServer().getPort();
			String username = "tvilling-" + unique().toLowerCase();
			assertThat(admin()
				.post("/api/v1/users",
						Map.of("username", username, "password", "twin-password-1", "roles", List.of("VIEWER")))
				.status()).isEqualTo(201);
			Api.Response issued = admin().post("/api/v1/users/" + username + "/tokens", null);
			String token = issued.json().get("token").asString();
			Api here = Api.anonymous(port).withToken(token);
			Api there = Api.anonymous(otherPort).withToken(token);
			assertThat(there.get("/api/v1/business-relations").status()).as("made here, used there").isEqualTo(200);

			admin().delete("/api/v1/users/" + username + "/tokens/" + issued.json().get("id").asLong());

			assertProblem(there.get("/api/v1/business-relations"), 401, "UNAUTHORIZED");
			assertProblem(here.get("/api/v1/business-relations"), 401, "UNAUTHORIZED");

			String madeThere = Api.anonymous(otherPort)
				.as("admin", ADMIN_PASSWORD)
				.post("/api/v1/users/" + username + "/tokens", null)
				.json()
				.get("token")
				.asString();
			assertThat(Api.anonymous(port).withToken(madeThere).get("/api/v1/business-relations").status())
				.isEqualTo(200);
			assertThat(Api.anonymous(otherPort)
				.as("admin", ADMIN_PASSWORD)
				.ifMatch(1)
				.patch("/api/v1/users/" + username, Map.of("password", "twin-password-2"))
				.status()).isEqualTo(200);
			assertProblem(Api.anonymous(port).withToken(madeThere).get("/api/v1/business-relations"), 401,
					"UNAUTHORIZED");

			for (int i = 0; i < FailedLogins.FREE_ATTEMPTS; i++) {
				assertProblem(Api.anonymous(port).as(username, "guess-" + i).get("/api/v1/business-relations"), 401,
						"UNAUTHORIZED");
			}
			assertProblem(Api.anonymous(otherPort).as(username, "twin-password-2").get("/api/v1/business-relations"),
					401, "UNAUTHORIZED");
			assertThat(Api.anonymous(otherPort).as("admin", ADMIN_PASSWORD).get("/api/v1/business-relations").status())
				.as("others sign in there as before")
				.isEqualTo(200);
		}
	}

}
