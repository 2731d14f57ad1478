package io.contactsync.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.contactsync.platform.FieldError;
import io.contactsync.platform.Problems;
import io.contactsync.platform.table.Field;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What a page shows of stored values and refusals, in the page's language. */
class FormsTest {

	private static final Locale NB = Locale.forLanguageTag("nb");

	private final Forms forms = new Forms(bundles(), org.mockito.Mockito.mock(io.contactsync.setup.DataChecks.class));

	@Test
	void storedChoicesRolesAndYesOrNoAreShownInThePagesWords() {
		assertThat(forms.storedValue("OUTBOUND", NB)).isEqualTo("Utgående");
		assertThat(forms.storedValue("COMPANY", NB)).isEqualTo("Firma");
		assertThat(forms.storedValue("ADMIN, SALES", NB)).isEqualTo("Administrator, Salg");
		assertThat(forms.storedValue("true", NB)).isEqualTo("Ja");
		assertThat(forms.storedValue("(changed)", NB)).isEqualTo("(endret)");
		assertThat(forms.storedValue("K00010", NB)).isEqualTo("K00010");
		assertThat(forms.storedValue("OUTBOUND", Locale.ENGLISH)).isEqualTo("Outbound");
	}

	@Test
	void aListShowsChoicesAndBooleansInThePagesWords() {
		Field flow = Field.oneOf("informationFlow", List.of("OUTBOUND", "INBOUND"));

		assertThat(forms.cell(flow, "INBOUND", NB)).isEqualTo("Inngående");
		assertThat(forms.cell(Field.bool("manualNos", false), true, NB)).isEqualTo("Ja");
		assertThat(forms.cell(Field.text("name", 10), "Havblikk", NB)).isEqualTo("Havblikk");
	}

	@Test
	void aRefusedFieldIsExplainedInThePagesLanguage() {
		Problems.ValidationFailed refused = new Problems.ValidationFailed(
				List.of(new FieldError("phoneNo", "invalid.phone"), new FieldError("name", "invalid.required")));

		assertThat(forms.errors(refused, NB)).isEqualTo(Map.of("phoneNo",
				"kan inneholde sifre, mellomrom og + ( ) - . / men ikke bokstaver", "name", "må fylles ut"));
		assertThat(forms.label("ourContactCode", NB)).isEqualTo("Vår kontakt");
	}

	private static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
		bundles.setBasename("messages");
		bundles.setDefaultEncoding("UTF-8");
		bundles.setFallbackToSystemLocale(false);
		return bundles;
	}

}
