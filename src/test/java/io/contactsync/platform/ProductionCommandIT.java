package io.contactsync.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production command of docs/operations.md, on the packaged jar (failsafe runs this
 * after {@code package}): {@code bin/prepare-production} lays the jar out, and the
 * launcher it writes starts the service with what the training start recorded. The JVM is
 * told to refuse to start without the recording ({@code -Xshare:on}, or
 * {@code -XX:AOTMode=on} on a JDK that writes an AOT cache), so a recording that does not
 * serve the start fails here instead of leaving production as slow as {@code java -jar}.
 * The launcher's choice of garbage collector is checked too.
 */
class ProductionCommandIT {

	private static final String PASSWORD = "Production-check-1";

	@TempDir
	Path dir;

	@Test
	void theLauncherStartsTheServiceOnWhatItsTrainingStartRecorded() throws Exception {
		Path jar = Path.of("target", "contactsync.jar");
		assertThat(jar).as("the packaged jar").isRegularFile();
		Path app = dir.resolve("app");
		ProcessBuilder prepare = new ProcessBuilder("bin/prepare-production", jar.toString(), app.toString())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("prepare-production.log").toFile());
		prepare.environment().put("JAVA_HOME", System.getProperty("java.home"));
		assertThat(prepare.start().waitFor()).as("bin/prepare-production's exit code; see its log in " + dir).isZero();

		// Java 25 is the first whose JVM writes an AOT cache in one training run.
		boolean aotCache = Runtime.version().feature() >= 25;
		String recording = aotCache ? "contactsync.aot" : "contactsync.jsa";
		assertThat(app.resolve(recording)).isRegularFile();
		String strict = aotCache ? "-XX:AOTMode=on" : "-Xshare:on";
		try (ServiceProcess service = ServiceProcess.start(List.of(app.resolve("contactsync").toString()),
				Map.of("JAVA_OPTS", strict), dir, ServiceProcess.freePort(), "production",
				"contactsync.data-dir=" + dir.resolve("data"), "contactsync.admin-password=" + PASSWORD)) {
			Api admin = service.awaitReady(PASSWORD);
			assertThat(admin.get("/api/v1/contacts").status()).isEqualTo(200);
			String commandLine = Files.readString(Path.of("/proc", Long.toString(service.pid()), "cmdline"))
				.replace('\0', ' ');
			assertThat(commandLine).contains(app.resolve(recording).toString(), "-Xms64m", strict);
		}

		// The collector: serial on two processors or fewer, unless JAVA_OPTS names one
		// (another option ending in GC names none). The JVM says which flags it was
		// given and stops: -version comes before the jar.
		boolean small = Integer.parseInt(run(List.of("nproc")).strip()) <= 2;
		String chosen = launch(app, "-XX:+DisableExplicitGC -XX:+PrintCommandLineFlags -version");
		if (small) {
			assertThat(chosen).contains("-XX:+UseSerialGC");
		}
		else {
			assertThat(chosen).doesNotContain("-XX:+UseSerialGC");
		}
		assertThat(launch(app, "-XX:+UseParallelGC -XX:+PrintCommandLineFlags -version"))
			.as("a collector JAVA_OPTS names")
			.contains("-XX:+UseParallelGC")
			.doesNotContain("-XX:+UseSerialGC");
	}

	private static String launch(Path app, String javaOpts) throws Exception {
		ProcessBuilder launcher = new ProcessBuilder(app.resolve("contactsync").toString());
		launcher.environment().put("JAVA_OPTS", javaOpts);
		return run(launcher);
	}

	private static String run(List<String> command) throws Exception {
		return run(new ProcessBuilder(command));
	}

	/** What a command printed, once it ended with 0. */
	private static String run(ProcessBuilder command) throws Exception {
		Process process = command.redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as(command.command() + " printed: " + output).isZero();
		return output;
	}

}
