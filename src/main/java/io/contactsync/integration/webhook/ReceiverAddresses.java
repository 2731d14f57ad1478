package io.contactsync.integration.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

import io.contactsync.platform.Message;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which URLs may receive webhooks. An administrator's URL must not turn the service into
 * a way into the network it runs in (server-side request forgery): only http and https,
 * no user name or password in the URL, and no host that resolves to a loopback, private
 * or link-local address unless {@code contactsync.webhooks.allow-private-addresses} lets
 * those through. Cloud metadata and multicast addresses are never receivers. The host is
 * checked when the endpoint is saved and again before every delivery, since a name may
 * resolve elsewhere later (DNS rebinding).
 */
@Component
class ReceiverAddresses {

	/** Instance metadata services of the clouds: the credentials of the machine. */
	private static final Set<String> METADATA = Set.of("169.254.169.254", "169.254.170.2", "100.100.100.200",
			"fd00:ec2:0:0:0:0:0:254");

	static final int MAX_LENGTH = 2000;

	/** Looks a host up; a test may answer for names no DNS knows. */
	@FunctionalInterface
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	/**
	 * A URL that may not receive webhooks, and why: said to an administrator in the
	 * page's or request's language, in English in the delivery log.
	 */
	static final class Refused extends Exception {

		private final Message reason;

		Refused(String code, Object... arguments) {
			this(Message.of(code, arguments));
		}

		private Refused(Message reason) {
			super(reason.english(), null, false, false);
			this.reason = reason;
		}

		Message reason() {
			return reason;
		}

	}

	private final boolean allowPrivate;

	private final Resolver resolver;

	@Autowired
	ReceiverAddresses(WebhookSettings settings) {
		this(settings.allowPrivateAddresses(), InetAddress::getAllByName);
	}

	ReceiverAddresses(boolean allowPrivate, Resolver resolver) {
		this.allowPrivate = allowPrivate;
		this.resolver = resolver;
	}

	/**
	 * Reads a URL as an administrator typed it.
	 * @throws Refused saying what is wrong, in words for the {@code url} field
	 */
	URI check(@Nullable String url) throws Refused {
		if (url == null || url.isBlank()) {
			throw new Refused("invalid.webhookUrl.required");
		}
		if (url.length() > MAX_LENGTH) {
			throw new Refused("invalid.atMost", Integer.toString(MAX_LENGTH));
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw new Refused("invalid.webhookUrl.notUrl");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new Refused("invalid.webhookUrl.scheme");
		}
		if (uri.getRawUserInfo() != null) {
			throw new Refused("invalid.webhookUrl.userInfo");
		}
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			throw new Refused("invalid.webhookUrl.host");
		}
		if (uri.getRawFragment() != null) {
			throw new Refused("invalid.webhookUrl.fragment");
		}
		checkHost(uri);
		return uri;
	}

	/**
	 * Checks where the URL's host resolves to now: before every delivery, as the name may
	 * point elsewhere than when the endpoint was saved.
	 */
	void checkHost(URI uri) throws Refused {
		String host = uri.getHost();
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		InetAddress[] addresses;
		try {
			addresses = resolver.resolve(host);
		}
		catch (UnknownHostException ex) {
			throw new Refused("invalid.webhookUrl.unresolved", host);
		}
		for (InetAddress address : addresses) {
			String shown = address.getHostAddress();
			switch (kind(address)) {
				case NEVER -> throw new Refused("invalid.webhookUrl.never", shown);
				case PRIVATE -> {
					if (!allowPrivate) {
						throw new Refused("invalid.webhookUrl.private", shown);
					}
				}
				case PUBLIC -> {
				}
			}
		}
	}

	enum Kind {

		PUBLIC, PRIVATE, NEVER

	}

	static Kind kind(InetAddress address) {
		if (METADATA.contains(address.getHostAddress()) || address.isMulticastAddress()) {
			return Kind.NEVER;
		}
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress()) {
			return Kind.PRIVATE;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			if (first == 255 && second == 255 && (bytes[2] & 0xff) == 255 && (bytes[3] & 0xff) == 255) {
				return Kind.NEVER;
			}
			// 0.0.0.0/8 (this network), 100.64.0.0/10 (carrier-grade NAT), 198.18.0.0/15
			// (benchmarking) reach machines of the local network too.
			if (first == 0 || (first == 100 && second >= 64 && second < 128)
					|| (first == 198 && (second & 0xfe) == 18)) {
				return Kind.PRIVATE;
			}
		}
		if (address instanceof Inet6Address) {
			// fc00::/7, unique local addresses (fd00::/8 among them): the IPv6 private
			// ranges.
			if ((bytes[0] & 0xfe) == 0xfc) {
				return Kind.PRIVATE;
			}
			// An IPv4 address carried in IPv6 (::a.b.c.d, 64:ff9b::a.b.c.d) is judged as
			// that IPv4 address.
			boolean compatible = true;
			for (int i = 0; i < 12; i++) {
				compatible &= bytes[i] == 0;
			}
			boolean nat64 = (bytes[0] & 0xff) == 0x00 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff
					&& (bytes[3] & 0xff) == 0x9b;
			if (compatible || nat64) {
				try {
					return kind(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
				}
				catch (UnknownHostException ex) {
					return Kind.NEVER;
				}
			}
		}
		return Kind.PUBLIC;
	}

}
