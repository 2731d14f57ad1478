package io.contactsync.integration.webhook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import io.contactsync.ContactSyncApplication;
import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances deliver at once from one database, each dispatcher claiming what it can:
 * every endpoint gets every event it subscribes to exactly once and in order per record,
 * whichever instance holds it. The second instance is a second application context on the
 * test context's database.
 */
class WebhookTwoInstancesTest extends DemoCompanyApiTest {

	private static final int ENDPOINTS = 6;

	private static final int RECORDS = 20;

	private static final int EVENTS = 400;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HikariDataSource dataSource;

	@Test
	void everyEndpointGetsEachEventOnceInOrderWhileTwoInstancesDeliver(@TempDir Path dataDir) throws Exception {
		String prefix = "TI" + unique();
		List<LoopbackReceiver> receivers = new ArrayList<>();
		List<Long> endpoints = new ArrayList<>();
		try (ConfigurableApplicationContext second = secondInstance(dataDir)) {
			for (int e = 0; e < ENDPOINTS; e++) {
				LoopbackReceiver receiver = new LoopbackReceiver();
				receivers.add(receiver);
				Api.Response made = admin().post("/api/v1/webhooks",
						Map.of("url", receiver.url(), "eventTypes", List.of("contact.changed")));
				assertThat(made.status()).as(made.toString()).isEqualTo(201);
				endpoints.add(made.json().get("id").asLong());
			}
			// written as the outbox writes committed changes; the feed numbers them
			jdbc.sql("""
					INSERT INTO change_event (type, record_type, no, version, origin, user_name, changes)
					SELECT 'contact.changed', 'CONTACT', ? || (i % ?), i / ? + 1, 'API', 'two-instances',
						jsonb_build_object('name', jsonb_build_object('old', null, 'new', 'v' || i))
					FROM generate_series(0, ? - 1) i ORDER BY i""").params(prefix, RECORDS, RECORDS, EVENTS).update();

			Set<String> holders = new HashSet<>();
			long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
			while (receivers.stream().anyMatch(r -> mine(r, prefix).size() < EVENTS) && System.nanoTime() < until) {
				holders.addAll(jdbc
					.sql("SELECT DISTINCT split_part(lease_owner, '/', 2) FROM webhook_endpoint"
							+ " WHERE id IN (:ids) AND lease_owner IS NOT NULL")
					.param("ids", endpoints)
					.query(String.class)
					.list());
				Thread.sleep(50);
			}
			System.out.printf("WebhookTwoInstancesTest: %d endpoints, %d events each; held by %d instance(s)%n",
					ENDPOINTS, EVENTS, holders.size());

			for (int e = 0; e < ENDPOINTS; e++) {
				List<LoopbackReceiver.Received> got = mine(receivers.get(e), prefix);
				Set<String> ids = new HashSet<>();
				got.forEach(request -> ids.add(request.id()));
				assertThat(ids).as("endpoint %d: every event", e).hasSize(EVENTS);
				assertThat(got).as("endpoint %d: each once, though two instances deliver", e).hasSize(EVENTS);
				Map<String, Long> lastVersion = new HashMap<>();
				for (LoopbackReceiver.Received request : got) {
					String no = request.data().get("no").asString();
					long version = request.data().get("version").asLong();
					assertThat(version).as("endpoint %d, %s after version %s", e, no, lastVersion.get(no))
						.isGreaterThan(lastVersion.getOrDefault(no, 0L));
					lastVersion.put(no, version);
				}
			}
		}
		finally {
			endpoints.forEach(id -> admin().header("If-Match", "*").delete("/api/v1/webhooks/" + id));
			receivers.forEach(LoopbackReceiver::close);
		}
	}

	private static List<LoopbackReceiver.Received> mine(LoopbackReceiver receiver, String prefix) {
		return receiver.all().stream().filter(request -> request.body().contains(prefix)).toList();
	}

	private ConfigurableApplicationContext secondInstance(Path dataDir) {
		// As arguments, so that they win over application.properties.
		return new SpringApplicationBuilder(ContactSyncApplication.class).run(
				"--spring.datasource.url=" + dataSource.getJdbcUrl(),
				"--spring.datasource.username=" + dataSource.getUsername(),
				"--spring.datasource.password=" + dataSource.getPassword(), "--contactsync.data-dir=" + dataDir,
				"--server.port=0", "--contactsync.admin-password=" + ADMIN_PASSWORD, "--spring.main.banner-mode=off",
				"--contactsync.webhooks.allow-private-addresses=true",
				"--spring.modulith.events.republish-outstanding-events-on-restart=false");
	}

}
