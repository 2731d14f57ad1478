package io.contactsync.platform;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.contactsync.platform.database.EmbeddedPostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says once, at start, where the application answers and where its data lives; just
 * before that, prints what a {@link StartupNotice} has to tell the person who started it.
 */
@Component
class StartupReport {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	private final ObjectProvider<EmbeddedPostgresServer> embedded;

	private final DataSource dataSource;

	private final ObjectProvider<StartupNotice> notices;

	StartupReport(ObjectProvider<EmbeddedPostgresServer> embedded, DataSource dataSource,
			ObjectProvider<StartupNotice> notices) {
		this.embedded = embedded;
		this.dataSource = dataSource;
		this.notices = notices;
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		String url = (event.getApplicationContext() instanceof WebServerApplicationContext web)
				? "http://localhost:" + web.getWebServer().getPort() : "(no web server)";
		EmbeddedPostgresServer server = embedded.getIfAvailable();
		String data = (server != null)
				? "data in " + server.directory() + " (embedded PostgreSQL on port " + server.port() + ")"
				: "data in the external PostgreSQL at " + jdbcUrl();
		notices.orderedStream().forEach(StartupNotice::printOnce);
		log.info("ContactSync is ready at {} - {}", url, data);
	}

	private String jdbcUrl() {
		return (dataSource instanceof HikariDataSource hikari) ? hikari.getJdbcUrl() : "(unknown)";
	}

}
