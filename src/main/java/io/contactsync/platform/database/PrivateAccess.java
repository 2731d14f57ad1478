package io.contactsync.platform.database;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.postgresql.util.PasswordUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the embedded PostgreSQL private to the service (docs/security.md): a password of
 * its own kept in the data directory, password authentication on every connection, the
 * Unix socket in a directory of the data directory only the service's user can enter, and
 * the application connecting as a role that is not a superuser.
 * <p>
 * Data directories of older versions (trust authentication, no password file) are brought
 * to the same state at their next start.
 */
final class PrivateAccess {

	private static final Logger log = LoggerFactory.getLogger(PrivateAccess.class);

	/** The superuser the library creates; used only to look after the service's role. */
	static final String SUPERUSER = "postgres";

	/** The role the application connects as: it owns the database, nothing more. */
	static final String APPLICATION_ROLE = "contactsync";

	static final String PASSWORD_FILE = "contactsync.password";

	static final String SOCKET_DIRECTORY = "socket";

	private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

	/**
	 * Rewritten at every start, so that no {@code trust} line (the library's default)
	 * survives an upgrade or a hand edit.
	 */
	private static final String PG_HBA = """
			# Written by ContactSync at every start; edits are lost (see docs/security.md).
			# TYPE  DATABASE  USER  ADDRESS       METHOD
			local   all       all                 scram-sha-256
			host    all       all   127.0.0.1/32  scram-sha-256
			host    all       all   ::1/128       scram-sha-256
			""";

	private final Path dataDirectory;

	private final String password;

	/** Whether the roles still have to be given the password (first start, upgrade). */
	private final boolean newPassword;

	private PrivateAccess(Path dataDirectory, String password, boolean newPassword) {
		this.dataDirectory = dataDirectory;
		this.password = password;
		this.newPassword = newPassword;
	}

	/**
	 * Reads the password of a data directory, or makes a new one when it has none yet; it
	 * is written only once the directory is initialised ({@code initdb} wants it empty).
	 */
	static PrivateAccess of(Path dataDirectory) {
		Path file = dataDirectory.resolve(PASSWORD_FILE);
		try {
			if (Files.isRegularFile(file)) {
				Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
				String stored = Files.readString(file, StandardCharsets.US_ASCII).strip();
				if (!stored.isEmpty()) {
					return new PrivateAccess(dataDirectory, stored, false);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + file, ex);
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		// URL-safe Base64: letters, digits, '-' and '_', never a quote in SQL.
		return new PrivateAccess(dataDirectory, Base64.getUrlEncoder().withoutPadding().encodeToString(random), true);
	}

	String password() {
		return password;
	}

	Path socketDirectory() {
		return dataDirectory.resolve(SOCKET_DIRECTORY);
	}

	/**
	 * Runs after {@code initdb} and before the server starts: keeps the password, writes
	 * the authentication rules, makes the socket directory, and, when the password is
	 * new, gives it to the superuser in single-user mode (no connection is possible
	 * before that: no rule trusts anyone).
	 */
	void prepare(PrivateBinaries binaries) {
		try {
			PrivateBinaries.privateDirectory(socketDirectory());
			Files.writeString(dataDirectory.resolve("pg_hba.conf"), PG_HBA, StandardCharsets.US_ASCII);
			if (newPassword) {
				log.info("Giving the embedded PostgreSQL in {} a password of its own", dataDirectory);
				setSuperuserPassword(binaries);
				writePasswordFile();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not lock down the embedded PostgreSQL in " + dataDirectory, ex);
		}
	}

	private void writePasswordFile() throws IOException {
		Path file = dataDirectory.resolve(PASSWORD_FILE);
		Path written = dataDirectory.resolve(PASSWORD_FILE + ".new");
		Files.deleteIfExists(written);
		Files.createFile(written, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
		Files.writeString(written, password + "\n", StandardCharsets.US_ASCII);
		Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
				java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

	/**
	 * The password as PostgreSQL keeps it, a SCRAM-SHA-256 verifier made here: the
	 * password itself is never in a statement, so no server log or process list can show
	 * it. (Base64, '$' and ':' only: nothing to quote.)
	 */
	private String verifier() {
		return PasswordUtil.encodeScramSha256(password.toCharArray());
	}

	/**
	 * The statement goes in on standard input, never on the command line, where other
	 * users could read it in the process list.
	 */
	private void setSuperuserPassword(PrivateBinaries binaries) throws IOException {
		List<String> command = new ArrayList<>(binaries.command("postgres"));
		command.addAll(List.of("--single", "-F", "-D", dataDirectory.toString(), "postgres"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try (OutputStream in = process.getOutputStream()) {
			in.write(("ALTER ROLE " + SUPERUSER + " PASSWORD '" + verifier() + "'\n")
				.getBytes(StandardCharsets.US_ASCII));
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("PostgreSQL in single-user mode did not finish in 60 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while setting the database password", ex);
		}
		// Single-user mode reports a failed statement and still ends with 0.
		if (process.exitValue() != 0 || output.contains("ERROR:") || output.contains("FATAL:")) {
			throw new IllegalStateException("Could not set the password of the embedded PostgreSQL in " + dataDirectory
					+ ": " + output.replace(password, "***"));
		}
	}

	/**
	 * Once the server runs: the application's role exists, has the password, and owns the
	 * database and everything the application made in it (made by the superuser in older
	 * versions). Done at every start, so a crash halfway is repaired by the next.
	 */
	void provisionApplicationRole(String jdbcUrl, String database) {
		try (Connection connection = DriverManager.getConnection(jdbcUrl, SUPERUSER, password);
				Statement sql = connection.createStatement()) {
			sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + APPLICATION_ROLE
					+ "') THEN CREATE ROLE " + APPLICATION_ROLE + "; END IF; END $$");
			sql.execute("ALTER ROLE " + APPLICATION_ROLE + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"
					+ " NOREPLICATION NOBYPASSRLS PASSWORD '" + verifier() + "'");
			sql.execute("ALTER DATABASE " + database + " OWNER TO " + APPLICATION_ROLE);
			sql.execute(ApplicationObjects.HAND_OVER);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Could not set up the role " + APPLICATION_ROLE + " of the embedded PostgreSQL in " + dataDirectory,
					ex);
		}
	}

}
