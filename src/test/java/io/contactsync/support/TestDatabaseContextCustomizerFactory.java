package io.contactsync.support;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at a fresh database of its own on the shared test
 * server, except a slice of the web layer, which has no database to point at. Registered
 * in {@code META-INF/spring.factories}.
 */
class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	static final String ADMIN_PASSWORD = "admin-password-for-tests";

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		if (MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY).isPresent(WebMvcTest.class)) {
			return null;
		}
		return new TestDatabaseCustomizer();
	}

	/**
	 * All instances are equal, so contexts are cached as usual; each new one gets a
	 * database.
	 */
	static final class TestDatabaseCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			String url = TestDatabase.newDatabase();
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("testDatabase",
						Map.of("spring.datasource.url", url, "spring.datasource.username",
								TestDatabase.server().superuser(), "spring.datasource.password",
								TestDatabase.server().password(), "contactsync.admin-password", ADMIN_PASSWORD)));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof TestDatabaseCustomizer;
		}

		@Override
		public int hashCode() {
			return TestDatabaseCustomizer.class.hashCode();
		}

	}

}
