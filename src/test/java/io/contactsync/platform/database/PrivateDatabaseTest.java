package io.contactsync.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL is private to the service (docs/security.md): nobody connects
 * without its password, nothing is trusted, and its socket, password and binaries are in
 * directories only the service's user can enter. A data directory of an older version,
 * made with the library's trusting defaults, is locked down at its next start.
 */
class PrivateDatabaseTest {

	@Test
	void onlyTheServiceWithItsPasswordGetsIn(@TempDir Path home) throws Exception {
		Path dir = home.resolve("postgres");
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, false)) {
			String url = server.jdbcUrl("postgres");
			assertRefused(url, "postgres", "");
			assertRefused(url, "contactsync", "");
			assertRefused(url, "contactsync", "wrong-" + server.password());
			assertRefused(url, "postgres", "wrong-" + server.password());
			assertRefused(url, "stranger", server.password());

			try (Connection app = DriverManager.getConnection(url, server.username(), server.password())) {
				assertThat(server.username()).isEqualTo("contactsync");
				assertThat(single(app, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
					.as("the application is no superuser")
					.isEqualTo("f");
				assertThat(single(app, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'postgres'"))
					.isEqualTo("contactsync");
				assertThatThrownBy(() -> single(app, "COPY (SELECT 1) TO PROGRAM 'true'"))
					.as("what a superuser could do is refused")
					.isInstanceOf(SQLException.class)
					.hasMessageContaining("permission denied");
			}
			try (Connection superuser = DriverManager.getConnection(url, server.superuser(), server.password())) {
				assertThat(single(superuser,
						"SELECT string_agg(DISTINCT left(rolpassword, 14), ',') FROM pg_authid"
								+ " WHERE rolname IN ('postgres', 'contactsync')"))
					.as("both roles keep a SCRAM verifier, never the password")
					.isEqualTo("SCRAM-SHA-256$");
			}
			assertPrivate(dir, server.password());
			assertThat(Files.list(dir.resolve("socket")).map(p -> p.getFileName().toString()))
				.as("the server listens on a socket in the private directory")
				.contains(".s.PGSQL." + server.port());
		}
		try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dir, false)) {
			String kept = Files.readString(dir.resolve("contactsync.password")).strip();
			assertThat(again.password()).as("the password of the first start is kept").isEqualTo(kept);
			try (Connection app = DriverManager.getConnection(again.jdbcUrl("postgres"), again.username(), kept)) {
				assertThat(single(app, "SELECT current_user")).isEqualTo("contactsync");
			}
		}
	}

	@Test
	void aDataDirectoryOfAnOlderVersionIsLockedDownAtItsNextStart(@TempDir Path home) throws Exception {
		Path dir = home.resolve("postgres");
		// As older versions made it: the library's defaults, trust on socket and
		// loopback.
		try (EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			.setOverrideWorkingDirectory(home.resolve("old-binaries").toFile())
			.setPGStartupWait(Duration.ofSeconds(60))
			.start();
				Connection superuser = old.getPostgresDatabase().getConnection();
				Statement sql = superuser.createStatement()) {
			sql.execute("CREATE TABLE kept (id serial PRIMARY KEY, name text)");
			sql.execute("INSERT INTO kept (name) VALUES ('før')");
			sql.execute("CREATE FUNCTION kept_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM kept'");
		}
		assertThat(Files.readString(dir.resolve("pg_hba.conf"))).as("the old state the test starts from")
			.containsPattern("(?m)^[^#]*trust");
		assertThat(dir.resolve("contactsync.password")).doesNotExist();

		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, false)) {
			assertRefused(server.jdbcUrl("postgres"), "postgres", "");
			assertPrivate(dir, server.password());
			try (Connection app = DriverManager.getConnection(server.jdbcUrl("postgres"), server.username(),
					server.password()); Statement sql = app.createStatement()) {
				assertThat(single(app, "SELECT kept_count()")).isEqualTo("1");
				sql.execute("INSERT INTO kept (name) VALUES ('etter')");
				sql.execute("ALTER TABLE kept ADD COLUMN added text");
				assertThat(single(app, "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'kept'"))
					.as("the application owns what the superuser made before")
					.isEqualTo("contactsync");
			}
		}
	}

	private static void assertPrivate(Path dir, String password) throws IOException {
		String hba = Files.readString(dir.resolve("pg_hba.conf"));
		List<String> rules = hba.lines().filter(line -> !line.isBlank() && !line.strip().startsWith("#")).toList();
		assertThat(rules).as("pg_hba.conf").isNotEmpty().allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256"));
		assertThat(hba).doesNotContain("trust");

		Path passwordFile = dir.resolve("contactsync.password");
		assertThat(Files.readString(passwordFile).strip()).isEqualTo(password).hasSizeGreaterThanOrEqualTo(32);
		assertThat(permissions(passwordFile)).isEqualTo("rw-------");
		assertThat(permissions(dir.resolve("socket"))).isEqualTo("rwx------");
		assertThat(permissions(dir)).isEqualTo("rwx------");

		Path binaries = dir.resolveSibling("postgres-binaries");
		assertThat(permissions(binaries)).as("the binaries directory").isEqualTo("rwx------");
		try (Stream<Path> files = Files.walk(binaries)) {
			List<Path> programs = files.filter(file -> file.endsWith(Path.of("bin", "postgres"))).toList();
			assertThat(programs).as("the server's binaries are unpacked there").isNotEmpty();
		}
		try (Stream<Path> files = Files.walk(binaries)) {
			assertThat(files.filter(file -> !Files.isSymbolicLink(file)).filter(PrivateDatabaseTest::writableByOthers))
				.as("nothing under the binaries directory is writable by group or others")
				.isEmpty();
		}
	}

	private static boolean writableByOthers(Path file) {
		try {
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
			return permissions.contains(PosixFilePermission.GROUP_WRITE)
					|| permissions.contains(PosixFilePermission.OTHERS_WRITE);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String permissions(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

	/**
	 * Refused by the server (28P01, 28000), or, with no password at all, by the driver
	 * once the server asked for one (08004); a trusting server would let it in.
	 */
	private static void assertRefused(String url, String user, String password) {
		assertThatThrownBy(() -> DriverManager.getConnection(url, user, password).close())
			.as("%s with password '%s' is refused", user, password.isEmpty() ? "" : "…")
			.isInstanceOf(SQLException.class)
			.satisfies(ex -> assertThat(((SQLException) ex).getSQLState()).isIn("28P01", "28000", "08004"));
	}

	private static String single(Connection connection, String query) throws SQLException {
		try (Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery(query)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
