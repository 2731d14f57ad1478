package io.contactsync.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.contactsync.platform.database.EmbeddedPostgresServer;

/**
 * One throwaway PostgreSQL for the whole test JVM; each Spring test context gets a
 * database of its own on it, so contexts never see each other's data and the server
 * starts only once.
 */
public final class TestDatabase {

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private static volatile EmbeddedPostgresServer server;

	private TestDatabase() {
	}

	public static synchronized EmbeddedPostgresServer server() {
		if (server == null) {
			try {
				Path dir = Files.createTempDirectory("contactsync-test-pg");
				// Tests may skip fsync: the data is thrown away. Users' servers never do.
				server = EmbeddedPostgresServer.start(dir, false);
				Runtime.getRuntime().addShutdownHook(new Thread(server::close));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return server;
	}

	/** Creates an empty database and returns its JDBC URL. */
	public static String newDatabase() {
		String name = "contactsync_test_" + DATABASES.incrementAndGet();
		try (Connection connection = DriverManager.getConnection(server().jdbcUrl("postgres"), "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name, ex);
		}
		return server().jdbcUrl(name);
	}

}
