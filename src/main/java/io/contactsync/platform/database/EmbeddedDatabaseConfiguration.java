package io.contactsync.platform.database;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.context.properties.ConfigurationProperties;
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

	/**
	 * The pool settings of {@code spring.datasource.hikari.*} (the waiting times of
	 * application.properties among them) apply to the embedded server's pool as to an
	 * external one's.
	 */
	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
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
