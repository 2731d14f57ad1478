package io.contactsync.platform.database;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * The PostgreSQL binaries of one server, unpacked into a directory only the service's
 * user can enter (see docs/security.md). By default the library unpacks them into a
 * world-writable folder of the system's temporary directory, where another local user
 * could swap them before the next start.
 * <p>
 * The library keeps the unpacked folder per resolver for the life of the JVM, so each
 * directory gets a resolver of its own: a server always runs the binaries of its own
 * directory, never those another server of the same JVM unpacked elsewhere.
 */
final class PrivateBinaries implements PgBinaryResolver {

	static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

	private static final Map<Path, PrivateBinaries> BY_DIRECTORY = new ConcurrentHashMap<>();

	private final Path directory;

	/** Where the library unpacks the archive: its name is the archive's MD5. */
	private volatile Path unpacked;

	private PrivateBinaries(Path directory) {
		this.directory = directory;
	}

	static PrivateBinaries in(Path directory) {
		Path dir = directory.toAbsolutePath().normalize();
		privateDirectory(dir);
		return BY_DIRECTORY.computeIfAbsent(dir, PrivateBinaries::new);
	}

	Path directory() {
		return directory;
	}

	@Override
	public InputStream getPgBinary(String system, String machineHardware) throws IOException {
		try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware)) {
			if (archive == null) {
				return null;
			}
			byte[] bytes = archive.readAllBytes();
			// The same name the library gives the folder it unpacks into.
			unpacked = directory.resolve("PG-" + HexFormat.of().formatHex(md5(bytes)));
			return new ByteArrayInputStream(bytes);
		}
	}

	/**
	 * The command line of one of the server's programs, as the library runs it: as root
	 * (where PostgreSQL refuses to run) in a user namespace of its own.
	 */
	List<String> command(String program) {
		Path folder = unpacked;
		if (folder == null) {
			throw new IllegalStateException("The PostgreSQL binaries are not unpacked in " + directory + " yet");
		}
		List<String> command = new ArrayList<>();
		if (LinuxUtils.isUnshareAvailable()) {
			command.addAll(List.of("unshare", "-U"));
		}
		command.add(folder.resolve("bin").resolve(program).toString());
		return command;
	}

	/**
	 * The library makes its working directory writable for everyone once it unpacked;
	 * taken back to the owner alone after each start.
	 */
	void lockDown() {
		privateDirectory(directory);
	}

	/**
	 * Creates the directory, or takes an existing one, as the service user's alone: one
	 * that is a symbolic link or belongs to another user is refused, not repaired.
	 */
	static void privateDirectory(Path dir) {
		try {
			if (Files.isSymbolicLink(dir)) {
				throw new IllegalStateException(
						dir + " is a symbolic link; the service keeps its files in a real" + " directory of its own");
			}
			Files.createDirectories(dir);
			String owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName();
			if (!owner.equals(System.getProperty("user.name"))) {
				throw new IllegalStateException(dir + " belongs to " + owner + ", not to the service's user "
						+ System.getProperty("user.name"));
			}
			Files.setPosixFilePermissions(dir, OWNER_ONLY);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not make " + dir + " private", ex);
		}
	}

	private static byte[] md5(byte[] bytes) {
		try {
			return MessageDigest.getInstance("MD5").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
