package io.contactsync.platform.database;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After {@code kill -9} of the JVM its PostgreSQL lives on; the next start finds it,
 * stops it, and starts cleanly on the same data.
 */
class OrphanedPostmasterTest {

	@Test
	void aPostmasterLeftByAKilledJvmIsStoppedAndTheServerStartsAgain(@TempDir Path dir) throws Exception {
		Path pgDir = dir.resolve("postgres");
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), ServerThatIsKilled.class.getName(), pgDir.toString())
			.redirectErrorStream(true)
			.start();
		try {
			String line;
			BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
			do {
				line = out.readLine();
			}
			while (line != null && !line.startsWith("STARTED"));
			assertThat(line).as("the child started its server").isNotNull();
		}
		finally {
			child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		Optional<ProcessHandle> orphan = EmbeddedPostgresServer.livePostmaster(pgDir);
		assertThat(orphan).as("the postmaster outlives the killed JVM").isPresent();

		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pgDir, true)) {
			assertThat(orphan.get().isAlive()).isFalse();
			assertThat(server.port()).isPositive();
		}
	}

	/** Starts a server and waits to be killed. */
	public static final class ServerThatIsKilled {

		public static void main(String[] args) throws InterruptedException {
			EmbeddedPostgresServer.start(Path.of(args[0]), true);
			System.out.println("STARTED");
			System.out.flush();
			Thread.sleep(120_000);
		}

	}

}
