package io.contactsync.integration.webhook;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which URLs may receive webhooks. Hosts are literal addresses or names answered by the
 * test, so no DNS is asked.
 */
class ReceiverAddressesTest {

	private final ReceiverAddresses strict = new ReceiverAddresses(false, InetAddress::getAllByName);

	private final ReceiverAddresses allowingPrivate = new ReceiverAddresses(true, InetAddress::getAllByName);

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1/hook", "http://127.9.9.9:8080/", "http://[::1]/hook", "http://0.0.0.0/",
			"http://10.1.2.3/", "http://172.16.0.1/", "http://192.168.1.10/", "http://169.254.10.10/",
			"http://[fe80::1]/", "http://[fd12:3456::1]/", "http://[fc00::1]/", "http://100.64.0.1/",
			"http://[::ffff:127.0.0.1]/", "http://[::ffff:10.0.0.1]/", "http://[64:ff9b::a00:1]/" })
	void privateLoopbackAndLinkLocalAddressesAreRefusedByDefault(String url) {
		assertThatThrownBy(() -> strict.check(url)).isInstanceOf(ReceiverAddresses.Refused.class)
			.hasMessageContaining("allow-private-addresses");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1/hook", "http://10.1.2.3/", "http://[fd12:3456::1]/" })
	void theSettingLetsPrivateAddressesThrough(String url) {
		assertThatCode(() -> allowingPrivate.check(url)).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/",
			"http://100.100.100.200/", "http://224.0.0.1/", "http://255.255.255.255/" })
	void metadataAndMulticastAddressesAreNeverReceivers(String url) {
		assertThatThrownBy(() -> allowingPrivate.check(url)).isInstanceOf(ReceiverAddresses.Refused.class)
			.hasMessageContaining("never a receiver");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://93.184.216.34/", "file:///etc/passwd", "gopher://93.184.216.34/",
			"http://user:secret@93.184.216.34/", "https://93.184.216.34/#part", "not a url", "/relative/path", "" })
	void onlyPlainHttpAndHttpsUrlsAreTaken(String url) {
		assertThatThrownBy(() -> strict.check(url)).isInstanceOf(ReceiverAddresses.Refused.class);
	}

	@Test
	void aPublicAddressIsTaken() {
		assertThatCode(() -> strict.check("https://93.184.216.34/hooks?x=1")).doesNotThrowAnyException();
	}

	@Test
	void aNameIsCheckedAgainBeforeEachDeliveryAsItMayPointElsewhereLater() throws Exception {
		AtomicInteger lookups = new AtomicInteger();
		ReceiverAddresses rebinding = new ReceiverAddresses(false, host -> new InetAddress[] {
				InetAddress.getByName(lookups.getAndIncrement() == 0 ? "93.184.216.34" : "169.254.169.254") });

		var uri = rebinding.check("https://receiver.example/hook");

		assertThatThrownBy(() -> rebinding.checkHost(uri)).isInstanceOf(ReceiverAddresses.Refused.class);
	}

	@Test
	void aNameWithAnyPrivateAddressIsRefused() {
		ReceiverAddresses twoAddresses = new ReceiverAddresses(false, host -> new InetAddress[] {
				InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.5") });

		assertThatThrownBy(() -> twoAddresses.check("https://both.example/")).hasMessageContaining("10.0.0.5");
	}

}
