package io.contactsync.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.contactsync.platform.ContactSyncProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: with no {@code spring.datasource.url}, the application runs its
 * own PostgreSQL in {@code contactsync.data-dir}. The data source depends on the server,
 * so Spring closes the pool first and the server last.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceUrlConfigured.class)
class EmbeddedDatabaseConfiguration {

	static final String DATABASE = "postgres";

	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgresServer(ContactSyncProperties properties) {
		return EmbeddedPostgresServer.start(properties.dataDirectory().resolve("postgres"), true,
				properties.embeddedSettings());
	}

	@Bean
	HikariDataSource dataSource(EmbeddedPostgresServer server) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName("contactsync");
		dataSource.setJdbcUrl(server.jdbcUrl(DATABASE));
		dataSource.setUsername(server.username());
		dataSource.setMaximumPoolSize(20);
		return dataSource;
	}

}
