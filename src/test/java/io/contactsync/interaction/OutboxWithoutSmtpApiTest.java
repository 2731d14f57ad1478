package io.contactsync.interaction;

import java.util.Map;

import io.contactsync.support.DemoCompanyApiTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without an SMTP server ({@code spring.mail.host} unset) mail is accepted and waits in
 * the outbox, untried, for one to be configured; the outbox's depth is a metric.
 */
class OutboxWithoutSmtpApiTest extends DemoCompanyApiTest {

	@Autowired
	MailDelivery delivery;

	@Autowired
	MeterRegistry metrics;

	@Test
	void mailIsKeptWaitingInTheOutboxWhileNoServerIsConfigured() throws Exception {
		JsonNode company = company("Uten Server AS", "email", "post@utenserver.no");
		String subject = "Venter på server " + unique();

		assertThat(
				admin().post("/api/v1/contacts/" + no(company) + "/emails", Map.of("subject", subject, "body", "Hei"))
					.status())
			.isEqualTo(202);
		delivery.wake();
		Thread.sleep(300);

		JsonNode kept = null;
		for (JsonNode message : admin().get("/api/v1/outbox?limit=1000").json().get("items")) {
			if (message.get("subject").asString().equals(subject)) {
				kept = message;
			}
		}
		assertThat(kept).as("in the outbox").isNotNull();
		assertThat(kept.get("status").asString()).isEqualTo("PENDING");
		assertThat(kept.get("attempts").asInt()).isZero();
		assertThat(kept.get("recipient").asString()).isEqualTo("post@utenserver.no");
		assertThat(metrics.get("contactsync.mail.outbox").gauge().value()).isGreaterThanOrEqualTo(1);
		assertThat(admin().get("/api/v1/contacts/" + no(company) + "/interactions").json().size())
			.as("the e-mail is logged as an interaction all the same")
			.isEqualTo(1);
	}

}
