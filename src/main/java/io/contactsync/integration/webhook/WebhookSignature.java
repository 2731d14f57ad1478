package io.contactsync.integration.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets and signatures as the Standard Webhooks specification has them: a secret is
 * {@code whsec_} and the Base64 of random bytes; a delivery is signed with {@code v1,}
 * and the Base64 of HMAC-SHA256, keyed with the secret's bytes, over
 * {@code webhook-id.webhook-timestamp.body}. Receivers verify it with any of the
 * specification's libraries (docs/webhooks.md).
 */
final class WebhookSignature {

	static final String PREFIX = "whsec_";

	/** 32 random bytes: more than the 24 the specification asks for at least. */
	private static final int SECRET_BYTES = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * Each delivering thread's MAC, keyed with the secret it signed with last. Looking up
	 * the algorithm's provider and keying a new MAC cost more than the signature itself;
	 * {@code doFinal} leaves a MAC keyed as it was, and a thread mostly signs for one
	 * endpoint after the other. (A delivering thread thus holds the last secret it signed
	 * with in memory until it signs with another, also after that secret was replaced or
	 * its endpoint deleted; the database holds every secret anyway.)
	 */
	private static final ThreadLocal<KeyedMac> KEYED = ThreadLocal.withInitial(KeyedMac::new);

	private WebhookSignature() {
	}

	static String newSecret() {
		byte[] bytes = new byte[SECRET_BYTES];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getEncoder().encodeToString(bytes);
	}

	/** The {@code webhook-signature} header of a delivery. */
	static String sign(String secret, String id, long timestamp, String body) {
		return sign(secret, id, timestamp, body.getBytes(StandardCharsets.UTF_8));
	}

	/** The {@code webhook-signature} header of a delivery whose body is these bytes. */
	static String sign(String secret, String id, long timestamp, byte[] body) {
		Mac mac = KEYED.get().of(secret);
		mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
		return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
	}

	private static final class KeyedMac {

		private final Mac mac;

		private String secret = "";

		private KeyedMac() {
			try {
				this.mac = Mac.getInstance("HmacSHA256");
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("HMAC-SHA256 is part of every JDK", ex);
			}
		}

		Mac of(String secret) {
			if (!secret.equals(this.secret)) {
				byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
				try {
					mac.init(new SecretKeySpec(key, "HmacSHA256"));
				}
				catch (GeneralSecurityException ex) {
					this.secret = "";
					throw new IllegalStateException("An HMAC-SHA256 key of any length is valid", ex);
				}
				this.secret = secret;
			}
			// (what a signing cut short by an exception left in it is dropped)
			mac.reset();
			return mac;
		}

	}

}
