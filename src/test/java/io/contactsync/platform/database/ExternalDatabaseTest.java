package io.contactsync.platform.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.datasource.url} the application uses that PostgreSQL and starts none
 * of its own. A second embedded server stands in for the user's.
 */
class ExternalDatabaseTest {

	@Test
	void aConfiguredDatabaseIsUsedInsteadOfTheEmbeddedOne(@TempDir Path serverDir, @TempDir Path dataDir) {
		try (EmbeddedPostgresServer external = EmbeddedPostgresServer.start(serverDir.resolve("postgres"), false)) {
			try (ConfigurableApplicationContext app = EmbeddedDatabaseTest.start(dataDir,
					"spring.datasource.url=" + external.jdbcUrl("postgres"),
					"spring.datasource.username=" + external.username(),
					"spring.datasource.password=" + external.password())) {
				assertThat(app.getBeanProvider(EmbeddedPostgresServer.class).getIfAvailable()).isNull();
				assertThat(EmbeddedDatabaseTest.api(app)
					.post("/api/v1/currencies", Map.of("code", "EUR", "name", "Euro"))
					.status()).isEqualTo(201);
			}
			assertThat(Files.exists(dataDir.resolve("postgres"))).as("no embedded server was started").isFalse();

			SingleConnectionDataSource dataSource = new SingleConnectionDataSource(external.jdbcUrl("postgres"),
					external.username(), external.password(), true);
			try {
				assertThat(JdbcClient.create(dataSource)
					.sql("SELECT name FROM currency WHERE code = 'EUR'")
					.query(String.class)
					.single()).isEqualTo("Euro");
			}
			finally {
				dataSource.destroy();
			}
		}
	}

}
