package io.contactsync.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.contactsync.ContactSyncApplication;
import io.contactsync.platform.database.EmbeddedPostgresServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service as users run it, on the embedded default with its durable settings, in a
 * data directory of its own, started in this JVM so that the benchmarks can also reach
 * its database for their baselines. Requests go over the loopback with a bearer token.
 */
final class Service implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String PASSWORD = "bench-password-0";

	final ConfigurableApplicationContext context;

	final int port;

	final String token;

	final JdbcClient jdbc;

	final DataSource dataSource;

	final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private Service(ConfigurableApplicationContext context) throws Exception {
		this.context = context;
		this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
		// The application's own role is no superuser; the bench reads pg_stat_statements,
		// resets it and runs CHECKPOINT, which need one.
		EmbeddedPostgresServer server = context.getBean(EmbeddedPostgresServer.class);
		HikariDataSource superuser = new HikariDataSource();
		superuser.setPoolName("bench-superuser");
		superuser.setJdbcUrl(server.jdbcUrl("postgres"));
		superuser.setUsername(server.superuser());
		superuser.setPassword(server.password());
		superuser.setMaximumPoolSize(4);
		this.dataSource = superuser;
		this.jdbc = JdbcClient.create(dataSource);
		String basic = Base64.getEncoder()
			.encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> created = http.send(
				HttpRequest.newBuilder(uri("/api/v1/users/admin/tokens"))
					.header("Authorization", "Basic " + basic)
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(),
				HttpResponse.BodyHandlers.ofString());
		this.token = JSON.readTree(created.body()).get("token").asString();
	}

	static Service start(Path dataDir) throws Exception {
		ConfigurableApplicationContext context = SpringApplication.run(ContactSyncApplication.class,
				"--contactsync.data-dir=" + dataDir, "--server.port=0", "--contactsync.demo=true",
				"--contactsync.admin-password=" + PASSWORD, "--spring.jmx.enabled=false",
				// P7's receiver is on the loopback, which webhooks refuse by default.
				"--contactsync.webhooks.allow-private-addresses=true",
				"--logging.level.root=WARN", "--spring.main.banner-mode=off",
				"--contactsync.embedded-database-settings.shared_preload_libraries=pg_stat_statements",
				// the planning beside the execution, for a statement planned at every call
				"--contactsync.embedded-database-settings[pg_stat_statements.track_planning]=on");
		return new Service(context);
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json");
	}

	JsonNode call(String method, String path, Object body) throws Exception {
		HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
		HttpRequest.Builder builder = request(path).method(method, publisher);
		if (method.equals("PATCH") || method.equals("DELETE")) {
			builder.header("If-Match", "*");
		}
		HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
	}

	/** Changes one field of marketing setup, keeping the others. */
	static void setMarketing(Service service, String field, Object value) throws Exception {
		ObjectNode body = (ObjectNode) service.call("GET", "/api/v1/setup/marketing", null);
		body.remove("version");
		if (value == null) {
			body.putNull(field);
		}
		else if (value instanceof Boolean flag) {
			body.put(field, flag);
		}
		else {
			body.put(field, value.toString());
		}
		service.call("PUT", "/api/v1/setup/marketing", body);
	}

	/**
	 * Leaves the database as it stands day to day ({@link Data#settle}) before the next
	 * measurement, whose statements then count from here: the vacuum is not theirs.
	 */
	void settle() {
		Data.settle(jdbc);
		forgetStatements();
	}

	/**
	 * Where the database's time went since the last call: the statements that took most,
	 * for the evidence behind a figure.
	 */
	void printTopStatements(String title) {
		jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
		System.out.println(title + ", the statements that took most of the database's time ("
				+ jdbc.sql("SELECT sum(calls) || ' statements, ' || round(sum(total_exec_time)::numeric) || ' ms in all'"
						+ " FROM pg_stat_statements")
					.query(String.class)
					.single()
				+ "):");
		// per call: the mean time, and the shared buffers found in memory and read in (from
		// the operating system's cache or the disk), which say whether a cost grows with
		// the data outgrowing shared_buffers; and how often it was planned, with the
		// planning's time per call (a statement kept prepared is planned once)
		jdbc.sql("SELECT calls, round(total_exec_time::numeric), total_exec_time / calls,"
				+ " shared_blks_hit::float / calls, shared_blks_read::float / calls, plans, total_plan_time / calls,"
				+ " left(regexp_replace(query, '\\s+', ' ', 'g'), 90)"
				+ " FROM pg_stat_statements WHERE calls > 0 ORDER BY total_exec_time + total_plan_time DESC LIMIT 8")
			.query((rs, n) -> String.format("  %8d calls %8d ms %7.3f ms/call %6.1f hit %5.1f read %6d plans %6.3f ms/call  %s",
					rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getLong(6),
					rs.getDouble(7), rs.getString(8)))
			.list()
			.forEach(System.out::println);
		forgetStatements();
	}

	/**
	 * Has the application's pool replace its connections, as it does when they reach their
	 * age: new ones start without the plans and plan statistics of the old.
	 */
	void renewConnections() {
		context.getBean(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
	}

	/** Starts the count of {@link #printTopStatements} afresh. */
	void forgetStatements() {
		jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
		jdbc.sql("SELECT pg_stat_statements_reset()").query().singleValue();
	}

	@Override
	public void close() {
		((HikariDataSource) dataSource).close();
		context.close();
	}

}
