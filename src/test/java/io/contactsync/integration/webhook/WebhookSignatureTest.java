package io.contactsync.integration.webhook;

import java.util.Base64;

import org.junit.jupiter.api.Test;

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

}
