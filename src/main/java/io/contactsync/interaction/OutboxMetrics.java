package io.contactsync.interaction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code contactsync.mail.outbox}: the messages waiting in the outbox to be sent (PENDING
 * or SENDING; docs/operations.md, "Metrics"). A depth that grows says that no SMTP server
 * is configured ({@code spring.mail.host}) or that the configured one refuses.
 */
@Component
class OutboxMetrics {

	OutboxMetrics(MeterRegistry registry, JdbcClient jdbc) {
		Gauge
			.builder("contactsync.mail.outbox",
					() -> jdbc.sql("SELECT count(*) FROM outbox_message WHERE status IN ('PENDING', 'SENDING')")
						.query(Long.class)
						.single())
			.description("Messages waiting in the outbox to be sent")
			.register(registry);
	}

}
