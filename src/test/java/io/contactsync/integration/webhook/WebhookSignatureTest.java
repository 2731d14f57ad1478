package io.contactsync.integration.webhook;

import java.time.OffsetDateTime;
import java.util.Base64;

import io.contactsync.integration.FeedEvent;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

	/** The example of the Standard Webhooks specification's reference libraries. */
	@Test
	void signsTheSpecificationsExampleAsTheSpecificationDoes() {
		String signature = WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
				"msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}");

		assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void aNewSecretIsWhsecAndAtLeast24RandomBytes() {
		String one = WebhookSignature.newSecret();
		String other = WebhookSignature.newSecret();

		assertThat(one).startsWith("whsec_").isNotEqualTo(other);
		assertThat(Base64.getDecoder().decode(one.substring(6))).hasSizeGreaterThanOrEqualTo(24);
	}

	@Test
	void aSignatureVerifiesWithAnIndependentCheckAndNotWithAnotherBody() throws Exception {
		String secret = WebhookSignature.newSecret();
		String signature = WebhookSignature.sign(secret, "evt_1", 1700000000L, "{\"a\":1}");

		assertThat(StandardWebhooksVerifier.verifies(secret, "evt_1", "1700000000", "{\"a\":1}", signature)).isTrue();
		assertThat(StandardWebhooksVerifier.verifies(secret, "evt_1", "1700000000", "{\"a\":2}", signature)).isFalse();
	}

	@Test
	void oneThreadSigningForEndpointsInTurnSignsEachWithItsOwnSecret() throws Exception {
		String one = WebhookSignature.newSecret();
		String other = WebhookSignature.newSecret();

		for (int round = 0; round < 3; round++) {
			for (String secret : new String[] { one, other }) {
				String body = "{\"round\":" + round + "}";
				String signature = WebhookSignature.sign(secret, "evt_" + round, 1700000000L, body);

				assertThat(StandardWebhooksVerifier.verifies(secret, "evt_" + round, "1700000000", body, signature))
					.isTrue();
			}
		}
		assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
				1614265330L, "{\"test\": 2432232314}"))
			.isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void aDeliveryBodyIsTheEventUnderItsTypeAndTime() {
		FeedEvent event = new FeedEvent(7, "evt_7", "contact.\"odd\"", "CONTACT", "K1", null,
				OffsetDateTime.parse("2026-12-01T12:00:00+01:00"), "{\"id\":\"evt_7\"}");

		JsonNode body = JsonMapper.builder().build().readTree(WebhookSender.body(event));

		assertThat(body.get("type").asString()).isEqualTo("contact.\"odd\"");
		assertThat(body.get("timestamp").asString()).isEqualTo("2026-12-01T11:00:00Z");
		assertThat(body.get("data").get("id").asString()).isEqualTo("evt_7");
	}

}
