package io.contactsync.interaction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code contactsync.mail.outbox}: the messages kept in the outbox because no SMTP server
 * is configured (docs/operations.md, "Metrics"). A depth that grows on a service meant to
 * send mail says {@code spring.mail.host} is missing.
 */
@Component
class OutboxMetrics {

	OutboxMetrics(MeterRegistry registry, JdbcClient jdbc) {
		Gauge.builder("contactsync.mail.outbox",
				() -> jdbc.sql("SELECT count(*) FROM outbox_message WHERE status = 'KEPT'").query(Long.class).single())
			.description("Messages kept in the outbox, not sent by SMTP")
			.register(registry);
	}

}
