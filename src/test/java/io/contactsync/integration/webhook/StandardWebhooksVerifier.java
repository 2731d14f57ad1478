package io.contactsync.integration.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a delivery, written from the Standard Webhooks specification and
 * not from the product's signer: HMAC-SHA256, keyed with the Base64-decoded part of the
 * secret after {@code whsec_}, over {@code id.timestamp.body}, compared in constant time
 * with each {@code v1,} signature of the header.
 */
final class StandardWebhooksVerifier {

	private StandardWebhooksVerifier() {
	}

	static boolean verifies(String secret, String id, String timestamp, String body, String signatureHeader)
			throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
		for (String signature : signatureHeader.split(" ")) {
			if (signature.startsWith("v1,")
					&& MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
				return true;
			}
		}
		return false;
	}

}
