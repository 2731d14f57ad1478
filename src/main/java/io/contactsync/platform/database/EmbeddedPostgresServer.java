package io.contactsync.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server of our own, kept in a data directory, for users who have not
 * configured one. Unlike the library's test defaults it is durable: {@code fsync} and
 * {@code synchronous_commit} are on, because this is where a business keeps its data.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	/**
	 * The library's lock file; held by the JVM that runs the server on that directory.
	 */
	private static final String LOCK_FILE = "epg-lock";

	/** The library's setting for the folder of its throwaway data directories. */
	private static final String WORKING_DIRECTORY_PROPERTY = "ot.epg.working-dir";

	private final Path directory;

	private final EmbeddedPostgres postgres;

	private final String password;

	private EmbeddedPostgresServer(Path directory, EmbeddedPostgres postgres, String password) {
		this.directory = directory;
		this.postgres = postgres;
		this.password = password;
	}

	/**
	 * Starts (and on first use initialises) the server on the given directory.
	 * @param directory the PostgreSQL data directory
	 * @param durable whether to keep {@code fsync} and {@code synchronous_commit} on;
	 * only throwaway test databases may pass {@code false}
	 */
	public static EmbeddedPostgresServer start(Path directory, boolean durable) {
		return start(directory, durable, Map.of());
	}

	/**
	 * Starts the server with more settings of {@code postgresql.conf}. The binaries go to
	 * a private directory beside the data directory ({@code <data>-binaries}).
	 */
	public static EmbeddedPostgresServer start(Path directory, boolean durable, Map<String, String> settings) {
		Path dir = directory.toAbsolutePath().normalize();
		try {
			PrivateBinaries.privateDirectory(dir);
			PrivateBinaries binaries = PrivateBinaries.in(dir.resolveSibling(dir.getFileName() + "-binaries"));
			stopOrphanedPostmaster(dir);
			PrivateAccess access = PrivateAccess.of(dir);
			EmbeddedPostgres.Builder builder = builder(binaries).setDataDirectory(dir)
				.setCleanDataDirectory(false)
				// Spring closes the server after everything that uses it; the library's
				// own hook would stop it while the application is still shutting down.
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setPgBinaryResolver(binaries)
				.setOverrideWorkingDirectory(binaries.directory().toFile())
				// The library's own check that the server is up connects as the
				// superuser.
				.setConnectConfig("password", access.password())
				.setDataDirectoryCustomizer(initialised -> access.prepare(binaries))
				.setServerConfig("listen_addresses", "localhost")
				.setServerConfig("max_connections", "100");
			if (durable) {
				builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
			}
			MemorySettings.forThisMachine().forEach(builder::setServerConfig);
			settings.forEach(builder::setServerConfig);
			// Last, so that no setting of the user's moves the socket out of the private
			// directory.
			builder.setServerConfig("unix_socket_directories", access.socketDirectory().toString())
				.setServerConfig("unix_socket_permissions", "0700");
			EmbeddedPostgres postgres;
			try {
				postgres = builder.start();
			}
			finally {
				binaries.lockDown();
			}
			EmbeddedPostgresServer server = new EmbeddedPostgresServer(dir, postgres, access.password());
			try {
				access.provisionApplicationRole(server.jdbcUrl(EmbeddedDatabaseConfiguration.DATABASE),
						EmbeddedDatabaseConfiguration.DATABASE);
			}
			catch (RuntimeException ex) {
				server.close();
				throw ex;
			}
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, ex);
		}
	}

	/**
	 * The library reads the folder it keeps its own throwaway data directories in (and
	 * cleans up there, stopping what it finds) from a system property when its builder is
	 * made; in the shared temporary directory other users could plant such folders. The
	 * property points at the private binaries directory while the builder is made.
	 */
	private static synchronized EmbeddedPostgres.Builder builder(PrivateBinaries binaries) {
		String before = System.getProperty(WORKING_DIRECTORY_PROPERTY);
		System.setProperty(WORKING_DIRECTORY_PROPERTY, binaries.directory().toString());
		try {
			return EmbeddedPostgres.builder();
		}
		finally {
			if (before == null) {
				System.clearProperty(WORKING_DIRECTORY_PROPERTY);
			}
			else {
				System.setProperty(WORKING_DIRECTORY_PROPERTY, before);
			}
		}
	}

	public Path directory() {
		return directory;
	}

	public int port() {
		return postgres.getPort();
	}

	/** The URL of a database; user and password are given apart. */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
	}

	/** The role the application connects as: owner of its database, not a superuser. */
	public String username() {
		return PrivateAccess.APPLICATION_ROLE;
	}

	/** The superuser, for tests and maintenance that need one. */
	public String superuser() {
		return PrivateAccess.SUPERUSER;
	}

	/**
	 * The password of both roles, generated at the first start and kept in the data
	 * directory (mode 0600).
	 */
	public String password() {
		return password;
	}

	@Override
	public void close() {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			log.warn("Could not stop the embedded PostgreSQL in {}", directory, ex);
		}
	}

	/**
	 * After a JVM is killed with SIGKILL its PostgreSQL child lives on and holds
	 * {@code postmaster.pid}, so a new start would fail. When no live JVM holds the lock
	 * on the directory, such a postmaster belongs to nobody and is stopped first.
	 */
	static void stopOrphanedPostmaster(Path dir) throws IOException {
		Optional<ProcessHandle> postmaster = livePostmaster(dir);
		if (postmaster.isEmpty()) {
			return;
		}
		if (!lockIsFree(dir)) {
			throw new IllegalStateException("The data directory " + dir
					+ " is in use by another running ContactSync; give this one its own contactsync.data-dir");
		}
		ProcessHandle process = postmaster.get();
		log.warn("Stopping an orphaned PostgreSQL (pid {}) left running on {} by a process that ended abruptly",
				process.pid(), dir);
		// SIGTERM: a smart shutdown, the clients of the dead JVM are gone already.
		process.destroy();
		try {
			process.onExit().get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			process.destroyForcibly();
			process.onExit().join();
		}
	}

	static Optional<ProcessHandle> livePostmaster(Path dir) throws IOException {
		Path pidFile = dir.resolve("postmaster.pid");
		if (!Files.isReadable(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.size() < 2) {
			return Optional.empty();
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		Path pidDir = Path.of(lines.get(1).trim()).toAbsolutePath().normalize();
		if (!sameDirectory(pidDir, dir)) {
			return Optional.empty();
		}
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
	}

	private static boolean sameDirectory(Path a, Path b) {
		try {
			return Files.isSameFile(a, b);
		}
		catch (IOException ex) {
			return a.equals(b);
		}
	}

	private static boolean lockIsFree(Path dir) throws IOException {
		try (FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE)) {
			try (FileLock lock = channel.tryLock()) {
				return lock != null;
			}
			catch (OverlappingFileLockException ex) {
				return false;
			}
		}
	}

}
