package io.contactsync.integration.webhook;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backlog of events, many batches long, reaches a loopback receiver whole and in order
 * per record; the rate it drained at is logged (not asserted: the machine is shared).
 * {@code -Dwebhooks.backlog=} sets its size.
 */
class WebhookBacklogTest extends DemoCompanyApiTest {

	private static final Logger log = LoggerFactory.getLogger(WebhookBacklogTest.class);

	private static final int EVENTS = Integer.getInteger("webhooks.backlog", 2000);

	private static final int RECORDS = 50;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBacklogArrivesWholeAndInOrderPerRecord() throws Exception {
		String prefix = "BL" + unique();
		try (LoopbackReceiver receiver = new LoopbackReceiver()) {
			Api.Response made = admin().post("/api/v1/webhooks",
					Map.of("url", receiver.url(), "eventTypes", List.of("contact.changed")));
			assertThat(made.status()).as(made.toString()).isEqualTo(201);
			long id = made.json().get("id").asLong();
			try {
				// Written as the outbox writes committed changes; the feed numbers them.
				jdbc.sql("""
						INSERT INTO change_event (type, record_type, no, version, origin, user_name, changes)
						SELECT 'contact.changed', 'CONTACT', ? || (i % ?), i / ? + 1, 'API', 'backlog',
							jsonb_build_object('name', jsonb_build_object('old', null, 'new', 'v' || i))
						FROM generate_series(0, ? - 1) i ORDER BY i""")
					.params(prefix, RECORDS, RECORDS, EVENTS)
					.update();

				long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
				List<LoopbackReceiver.Received> got = receiver.all();
				while (mine(got, prefix) < EVENTS && System.nanoTime() < until) {
					Thread.sleep(100);
					got = receiver.all();
				}
				Map<String, Long> lastVersion = new HashMap<>();
				Set<String> ids = new HashSet<>();
				long firstAt = 0;
				long lastAt = 0;
				for (LoopbackReceiver.Received request : got) {
					String no = request.data().get("no").asString();
					if (!no.startsWith(prefix)) {
						continue;
					}
					long version = request.data().get("version").asLong();
					assertThat(version).as("%s after version %s", no, lastVersion.get(no))
						.isGreaterThan(lastVersion.getOrDefault(no, 0L));
					lastVersion.put(no, version);
					ids.add(request.id());
					firstAt = firstAt == 0 ? request.arrived() : firstAt;
					lastAt = request.arrived();
				}
				assertThat(ids).as("every event, once").hasSize(EVENTS);
				double seconds = (lastAt - firstAt) / 1e9;
				log.info("Webhook backlog: {} events reached a loopback receiver in {} s, {} per second", EVENTS,
						String.format("%.2f", seconds), String.format("%.0f", (EVENTS - 1) / seconds));
				receiver.close();
			}
			finally {
				admin().header("If-Match", "*").delete("/api/v1/webhooks/" + id);
			}
		}
	}

	private static long mine(List<LoopbackReceiver.Received> got, String prefix) {
		return got.stream().filter(request -> request.body().contains(prefix)).count();
	}

}
