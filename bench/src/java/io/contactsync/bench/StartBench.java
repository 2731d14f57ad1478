package io.contactsync.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * P4: the service started as a process of its own on the embedded default, twice on the
 * same data; the time to the first 200 from /actuator/health/readiness, and the resident memory of
 * the Java process then. At full size it starts the packaged jar with the production command of
 * docs/operations.md (the launcher {@code bin/prepare-production} writes beside the unpacked jar
 * and what its training start recorded), on the JDK of {@code bench.java.home} if given, else
 * the build's; the small run of the build's tests, which come before the jar, starts the
 * build's classes instead, and says so.
 */
final class StartBench {

	private StartBench() {
	}

	static Figure run(Path dataDir, BenchmarkSuiteTest.Size size) throws Exception {
		Files.createDirectories(dataDir);
		Optional<Path> app = jar().map(jar -> prepare(jar, dataDir.resolve("app")));
		long[] first = start(dataDir, app, "first");
		long[] second = start(dataDir, app, "second");
		return new Figure("P4", "start to first 200 from readiness (second start)", second[0] / 1000.0, 0,
				"s", "guide <= 6 s (first 15 s), RSS <= 400 MB",
				String.format("%s; first start (initdb) %.1f s; second start %.1f s; Java process RSS after start"
						+ " %d MB (first %d MB); the embedded PostgreSQL's own processes are not counted",
						app.map(dir -> "the production command of docs/operations.md (bin/prepare-production, then "
								+ dir.getFileName() + "/contactsync) on Java " + javaVersion())
							.orElse("from the build's classes"),
						first[0] / 1000.0, second[0] / 1000.0, second[1] >> 10, first[1] >> 10));
	}

	/** @return milliseconds to healthy, and resident KiB */
	private static long[] start(Path dataDir, Optional<Path> app, String label) throws Exception {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.addAll(app.map(dir -> List.of(dir.resolve("contactsync").toString()))
			.orElse(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
					System.getProperty("java.class.path"), "io.contactsync.ContactSyncApplication")));
		command.addAll(List.of("--contactsync.data-dir=" + dataDir, "--server.port=" + port,
				"--contactsync.admin-password=" + Service.PASSWORD));
		File log = dataDir.resolve("service-" + label + ".log").toFile();
		long started = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
		try {
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(2))
				.build();
			while (true) {
				if (!process.isAlive()) {
					throw new IllegalStateException("the service stopped; see " + log);
				}
				try {
					if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
						break;
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				if (System.nanoTime() - started > Duration.ofMinutes(3).toNanos()) {
					throw new IllegalStateException("no 200 from readiness within 3 minutes; see " + log);
				}
				Thread.sleep(20);
			}
			long millis = (System.nanoTime() - started) / 1_000_000;
			return new long[] { millis, residentKib(process.pid()) };
		}
		finally {
			process.destroy();
			process.waitFor();
		}
	}

	/**
	 * The jar laid out as docs/operations.md tells for production, by the script it names:
	 * unpacked, with the class archive of a training start.
	 */
	private static Path prepare(Path jar, Path app) {
		try {
			ProcessBuilder builder = new ProcessBuilder("bin/prepare-production", jar.toString(), app.toString())
				.redirectErrorStream(true)
				.redirectOutput(app.resolveSibling("prepare-production.log").toFile());
			// The launcher it writes starts the service on the JVM that made the recording.
			builder.environment().put("JAVA_HOME", javaHome());
			Process process = builder.start();
			process.getOutputStream().close();
			if (process.waitFor() != 0) {
				throw new IllegalStateException("bin/prepare-production failed; see " + app.resolveSibling("prepare-production.log"));
			}
			return app;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The JDK the production command is measured on: an operator's choice (the newest the
	 * machine has, say), not necessarily the one the build runs on.
	 */
	private static String javaHome() {
		String chosen = System.getProperty("bench.java.home", "");
		return chosen.isBlank() ? System.getProperty("java.home") : chosen;
	}

	private static String javaVersion() {
		try {
			Process process = new ProcessBuilder(Path.of(javaHome(), "bin", "java").toString(), "-version")
				.redirectErrorStream(true)
				.start();
			String first = new String(process.getInputStream().readAllBytes()).lines().findFirst().orElse("?");
			process.waitFor();
			return first.replaceAll("^\\S+ version \"([^\"]+)\".*$", "$1");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The packaged jar, when the build made it before the benchmarks. */
	private static Optional<Path> jar() {
		return Optional.ofNullable(System.getProperty("bench.jar")).map(Path::of).filter(Files::isRegularFile);
	}

	private static long residentKib(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", ""));
			}
		}
		return -1;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
