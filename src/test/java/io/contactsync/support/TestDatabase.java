package io.contactsync.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.contactsync.platform.database.EmbeddedPostgresServer;

import org.springframework.util.FileSystemUtils;

/**
 * One throwaway PostgreSQL for the whole test JVM; each Spring test context gets a
 * database of its own on it, so contexts never see each other's data and the server
 * starts only once. Tests connect as the server's superuser, with its password: some
 * count statements with {@code pg_stat_statements}, which only a superuser may install.
 */
public final class TestDatabase {

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private static volatile EmbeddedPostgresServer server;

	private TestDatabase() {
	}

	public static synchronized EmbeddedPostgresServer server() {
		if (server == null) {
			try {
				Path dir = Files.createTempDirectory("contactsync-test-pg").resolve("postgres");
				// Tests may skip fsync: the data is thrown away. Users' servers never do.
				// pg_stat_statements lets tests count the statements a change costs.
				server = EmbeddedPostgresServer.start(dir, false,
						Map.of("shared_preload_libraries", "pg_stat_statements"));
				// Spring closes the cached test contexts in a shutdown hook of its own,
				// at the same time: wait until their pools have let go, or they would
				// wait for a server that is gone.
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					waitForClientsToLeave();
					server.close();
					// The data and the unpacked binaries (some 60 MB) go with the JVM.
					try {
						FileSystemUtils.deleteRecursively(dir.getParent());
					}
					catch (IOException ex) {
						// Left in the temporary directory; nothing depends on it.
					}
				}));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return server;
	}

	private static void waitForClientsToLeave() {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.superuser(),
				server.password()); Statement statement = connection.createStatement()) {
			while (System.nanoTime() < deadline) {
				try (ResultSet clients = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
						+ " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
					clients.next();
					if (clients.getLong(1) == 0) {
						return;
					}
				}
				Thread.sleep(100);
			}
		}
		catch (SQLException ex) {
			// The server is going anyway.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Creates an empty database and returns its JDBC URL. */
	public static String newDatabase() {
		String name = "contactsync_test_" + DATABASES.incrementAndGet();
		try (Connection connection = DriverManager.getConnection(server().jdbcUrl("postgres"), server().superuser(),
				server().password()); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name, ex);
		}
		return server().jdbcUrl(name);
	}

}
