package io.contactsync.job;

import java.util.List;
import java.util.Locale;

import io.contactsync.platform.Message;
import io.contactsync.platform.Problems;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job keeps why it refused a record by message code, so that each reader reads it in
 * their own language.
 */
class JobErrorMessagesTest {

	@Test
	void aRefusalIsKeptByCodeAndSaidInEitherLanguage() {
		Problems.ValidationFailed refused = new Problems.ValidationFailed("name", "invalid.required");

		List<Message> said = JobErrorMessages.read(JobErrorMessages.write(refused));

		assertThat(said).hasSize(2);
		assertThat(say(said.get(1), "nb")).isEqualTo("Navn: må fylles ut");
		assertThat(say(said.get(1), "en")).isEqualTo("Name: is required");
		assertThat(said.get(0)).isEqualTo(refused.detail());
	}

	@Test
	void anythingElseIsAnUnexpectedErrorWhoseDetailsAreInTheLog() {
		List<Message> said = JobErrorMessages.read(JobErrorMessages.write(new IllegalStateException("boom")));

		assertThat(say(said.get(0), "nb")).isEqualTo("En uventet feil; loggen har detaljene.");
	}

	private static String say(Message message, String language) {
		ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
		bundles.setBasename("messages");
		bundles.setDefaultEncoding("UTF-8");
		bundles.setFallbackToSystemLocale(false);
		return bundles.getMessage(message, Locale.forLanguageTag(language));
	}

}
