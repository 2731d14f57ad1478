package io.contactsync.platform.web;

import io.contactsync.platform.ContactSyncProperties;

import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The session cookie is {@code Secure} whenever users reach the service over TLS. Tomcat
 * marks it so by itself for a request it sees as secure, which behind a TLS proxy it does
 * only when the proxy is trusted ({@code server.tomcat.remoteip.internal-proxies}); a
 * public address with {@code https} makes it so for every request, trusted proxy or not
 * (docs/security.md, "Behind a proxy").
 */
@Configuration(proxyBeanMethods = false)
class SecureSessionCookie {

	@Bean
	ServletContextInitializer secureSessionCookieOverTls(ContactSyncProperties properties) {
		return servletContext -> {
			if (properties.publicOverTls()) {
				servletContext.getSessionCookieConfig().setSecure(true);
			}
		};
	}

}
