package io.contactsync.platform.database;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The embedded default: with no {@code spring.datasource.url}, the application runs its
 * own PostgreSQL in {@code contactsync.data-dir}. The data source depends on the server,
 * so Spring closes the pool first and the server last.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceUrlConfigured.class)
class EmbeddedDatabaseConfiguration {

	static final String DATABASE = "postgres";

	@Bean
	static EmbeddedPostgresStart embeddedPostgresStart(Environment environment) {
		return new EmbeddedPostgresStart(environment);
	}

	/** Closed by {@link EmbeddedPostgresStart}, after the data source that uses it. */
	@Bean(destroyMethod = "")
	EmbeddedPostgresServer embeddedPostgresServer(EmbeddedPostgresStart start) {
		return start.server();
	}

	@Bean
	HikariDataSource dataSource(EmbeddedPostgresServer server) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName("contactsync");
		dataSource.setJdbcUrl(server.jdbcUrl(DATABASE));
		dataSource.setUsername(server.username());
		dataSource.setPassword(server.password());
		dataSource.setMaximumPoolSize(20);
		return dataSource;
	}

}
