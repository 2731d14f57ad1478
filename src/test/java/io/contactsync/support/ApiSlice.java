package io.contactsync.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.contactsync.platform.ContactSyncProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.annotation.AliasFor;

/**
 * A test of the API's web layer alone, on MockMvc: the named controllers, the problem
 * mapping and the platform's request filters, with the JSON read as strictly as the
 * application reads it. No server, no database and no services: mock what the controllers
 * call with {@code @MockitoBean}. The web UI's pages and their advice are left out, being
 * no part of the API.
 * <p>
 * Security is Spring Boot's default here (any signed-in user, CSRF tokens on writes), so
 * tests sign in with {@code @WithMockUser} and send {@code csrf()} with writes; which
 * role may call what is tested over HTTP on the whole application
 * (AuthorizationMatrixTest).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.contactsync\\.ui\\..*"),
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "io\\.contactsync\\.platform\\.web\\.StrictJsonConfiguration"))
@EnableConfigurationProperties(ContactSyncProperties.class)
public @interface ApiSlice {

	/** The controllers under test; none of the others is started. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value();

}
