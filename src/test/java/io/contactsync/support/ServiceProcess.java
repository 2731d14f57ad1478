package io.contactsync.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The service as a user runs it: a child process of the test's own classes, started with
 * the given settings, that can be killed with SIGKILL as a crash or a power cut would end
 * it. Its output goes to {@code service-<label>.log} in the directory given, to read when
 * a test fails.
 */
public final class ServiceProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private ServiceProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/** Starts the service on the port with {@code --setting=value} arguments. */
	public static ServiceProcess start(Path logDir, int port, String label, String... settings) throws IOException {
		return start(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), "io.contactsync.ContactSyncApplication"),
				Map.of(), logDir, port, label, settings);
	}

	/**
	 * Starts the service with a command of its own (a launcher, say) and environment
	 * variables added to the test's, on the port with {@code --setting=value} arguments.
	 */
	public static ServiceProcess start(List<String> launch, Map<String, String> environment, Path logDir, int port,
			String label, String... settings) throws IOException {
		List<String> command = new ArrayList<>(launch);
		command.addAll(List.of("--server.port=" + port, "--spring.main.banner-mode=off"));
		for (String setting : settings) {
			command.add("--" + setting);
		}
		File log = logDir.resolve("service-" + label + ".log").toFile();
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
		builder.environment().putAll(environment);
		return new ServiceProcess(builder.start(), port);
	}

	/**
	 * Waits until the service is ready (its database answers, its first admin exists).
	 */
	public Api awaitReady(String adminPassword) {
		Api anonymous = Api.anonymous(port);
		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
			if (!process.isAlive()) {
				throw new IllegalStateException("the service ended with exit code " + process.exitValue());
			}
			return anonymous.get("/actuator/health/readiness").status() == 200;
		});
		return anonymous.as("admin", adminPassword);
	}

	public long pid() {
		return process.pid();
	}

	public int port() {
		return port;
	}

	/** SIGKILL: no shutdown hook runs, nothing is handed back. */
	public void kill() throws InterruptedException {
		process.destroyForcibly().waitFor();
	}

	/** A graceful stop (SIGTERM), as an operator's restart. */
	@Override
	public void close() throws InterruptedException {
		process.destroy();
		process.waitFor();
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
