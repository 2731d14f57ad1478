package io.contactsync.platform.table;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

import io.contactsync.platform.FieldError;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FieldTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	@Test
	void aCodeIsReadInUpperCaseAndEmptyMeansNone() {
		Field code = Field.code("salespersonCode", 20);

		assertThat(FieldJson.read(code, json("\"ola\""))).isEqualTo("OLA");
		assertThat(FieldJson.read(code, json("\"\""))).isNull();
	}

	@Test
	void textIsReadAsItIs() {
		assertThat(FieldJson.read(Field.text("city", 30), json("\" Oslo \""))).isEqualTo(" Oslo ");
	}

	@Test
	void jsonNullIsNoValueForEveryKindOfField() {
		for (Field field : List.of(Field.text("city", 30), Field.code("code", 10), Field.bool("blocked", false),
				Field.integer("days", 0), Field.decimal("creditLimit"), Field.oneOf("type", List.of("A")))) {
			assertThat(FieldJson.read(field, json("null"))).as(field.name()).isNull();
		}
	}

	@Test
	void aValueOfTheWrongJsonTypeIsAWrongTypeNamingTheField() {
		assertWrongType(Field.text("city", 30), "30", "must be a string");
		assertWrongType(Field.code("code", 10), "true", "must be a string");
		assertWrongType(Field.bool("blocked", false), "\"true\"", "must be true or false");
		assertWrongType(Field.integer("days", 0), "1.5", "must be a whole number");
		assertWrongType(Field.integer("days", 0), "\"30\"", "must be a whole number");
		assertWrongType(Field.integer("days", 0), "100000000000000000000", "must be a whole number");
		assertWrongType(Field.decimal("creditLimit"), "\"10\"", "must be a number");
	}

	@Test
	void equalAmountsAreReadAsTheSameValueHoweverTheyAreWritten() {
		Field amount = Field.decimal("creditLimit");

		Object trailingZeros = FieldJson.read(amount, NODES.numberNode(new BigDecimal("12.50000")));
		Object exponent = FieldJson.read(amount, NODES.numberNode(new BigDecimal("1.25E+1")));
		Object whole = FieldJson.read(amount, NODES.numberNode(new BigDecimal("1E+3")));

		assertThat(trailingZeros).isEqualTo(new BigDecimal("12.5")).isEqualTo(exponent);
		assertThat(whole).isEqualTo(new BigDecimal("1000"));
		assertThat(Field.asText(whole)).isEqualTo("1000");
	}

	@Test
	void emptyRequiredTextAndAMissingRequiredCodeAreRequired() {
		assertThat(Field.text("name", 100).required().check("")).isEqualTo(new FieldError("name", "invalid.required"));
		assertThat(Field.code("code", 10).required().check(null)).isEqualTo(new FieldError("code", "invalid.required"));
		assertThat(Field.text("name2", 50).check("")).isNull();
		assertThat(Field.code("territoryCode", 10).check(null)).isNull();
	}

	@Test
	void textLongerThanItsFieldIsRefusedCountingCharactersAsTheDatabaseDoes() {
		Field city = Field.text("city", 30);

		assertThat(city.check("x".repeat(30))).isNull();
		assertThat(city.check("🙂".repeat(30))).as("an emoji is one character").isNull();
		assertThat(city.check("x".repeat(31))).isEqualTo(new FieldError("city", "invalid.tooLong", "31", "30"));
	}

	@Test
	void aCodeLongerThanItsFieldIsRefused() {
		assertThat(Field.code("salespersonCode", 20).check("S".repeat(21)))
			.isEqualTo(new FieldError("salespersonCode", "invalid.tooLong", "21", "20"));
	}

	@Test
	void textThatMustMatchAPatternIsToldWhatIsExpected() {
		Field phone = Field.text("phoneNo", 30).matching(Pattern.compile("[0-9 +()-]*"), "invalid.phone");

		assertThat(phone.check("+47 22 33 44 55")).isNull();
		assertThat(phone.check("call me")).isEqualTo(new FieldError("phoneNo", "invalid.phone"));
	}

	@Test
	void anEnumTakesOnlyItsValuesAndSaysWhichTheyAre() {
		Field type = Field.oneOf("contactType", List.of("COMPANY", "PERSON"));

		assertThat(type.check("PERSON")).isNull();
		assertThat(type.check("person")).isEqualTo(new FieldError("contactType", "invalid.oneOf", "COMPANY, PERSON"));
		assertThat(type.inputType()).isEqualTo("select");
		assertThat(type.values()).containsExactly("COMPANY", "PERSON");
	}

	@Test
	void aWholeNumberKeepsItsBounds() {
		Field atLeastOne = Field.integer("incrementBy", 1);
		Field percent = Field.integer("searchHitPercent", 1).atMost(100);

		assertThat(atLeastOne.check(0L)).isEqualTo(new FieldError("incrementBy", "invalid.atLeast", "1"));
		assertThat(atLeastOne.check(Long.MAX_VALUE)).isNull();
		assertThat(percent.check(1L)).isNull();
		assertThat(percent.check(100L)).isNull();
		assertThat(percent.check(101L)).isEqualTo(new FieldError("searchHitPercent", "invalid.between", "1", "100"));
		assertThat(percent.check(0L)).isEqualTo(new FieldError("searchHitPercent", "invalid.between", "1", "100"));
	}

	@Test
	void anAmountIsNotNegativeAndFitsItsColumn() {
		Field amount = Field.decimal("creditLimit");

		assertThat(amount.check(new BigDecimal("0"))).isNull();
		assertThat(amount.check(new BigDecimal("999999999999999.99999"))).isNull();
		assertThat(amount.check(new BigDecimal("-0.01"))).isEqualTo(new FieldError("creditLimit", "invalid.negative"));
		assertThat(amount.check(new BigDecimal("1000000000000000"))).isNotNull();
		assertThat(amount.check(new BigDecimal("0.000001"))).isNotNull();
	}

	@Test
	void theColumnIsTheJsonNameInSnakeCase() {
		assertThat(Field.text("vatRegistrationNo", 20).column()).isEqualTo("vat_registration_no");
		assertThat(Field.text("name2", 50).column()).isEqualTo("name2");
		assertThat(Field.code("no", 20).column()).isEqualTo("no");
		assertThat(Field.text("businessRelationCodeForCustomers", 10).column())
			.isEqualTo("business_relation_code_for_customers");
	}

	@Test
	void changingAFieldGivesACopyAndLeavesTheOriginalAsItWas() {
		Field name = Field.text("name", 100);

		Field required = name.required();
		Field readOnly = name.readOnly();

		assertThat(name.isRequired()).isFalse();
		assertThat(name.isReadOnly()).isFalse();
		assertThat(name.defaultValue()).as("text is empty when not given").isEqualTo("");
		assertThat(required.isRequired()).isTrue();
		assertThat(required.defaultValue()).as("a required field has no default to fall back on").isNull();
		assertThat(readOnly.isReadOnly()).isTrue();
		assertThat(readOnly.maxLength()).isEqualTo(100);
	}

	@Test
	void whenARowWasChangedIsShownButNeverTakenFromARequest() {
		Field lastModified = Field.lastModified("lastModified");

		assertThat(lastModified.isReadOnly()).isTrue();
		assertThat(lastModified.inputType()).isEqualTo("timestamp");
	}

	@Test
	void aReferenceMakesAnyFieldACodeThatIsAbsentRatherThanEmpty() {
		assertThat(Field.text("description", 50).isCode()).isFalse();
		assertThat(Field.code("code", 10).isCode()).isTrue();
		assertThat(Field.text("countryRegionCode", 10).references("country_region", "code", "Country/region").isCode())
			.isTrue();
	}

	@Test
	void aValueIsWrittenAsTheJsonTypeOfItsField() {
		assertThat(FieldJson.write(Field.integer("days", 0), 30L)).isEqualTo(NODES.numberNode(30L));
		assertThat(FieldJson.write(Field.bool("blocked", false), true)).isEqualTo(NODES.booleanNode(true));
		assertThat(FieldJson.write(Field.text("city", 30), null).isNull()).isTrue();
	}

	private static void assertWrongType(Field field, String json, String message) {
		assertThatExceptionOfType(FieldJson.WrongType.class).as(field.name() + " given " + json)
			.isThrownBy(() -> FieldJson.read(field, json(json)))
			.satisfies(ex -> assertThat(ex.error().message().english()).isEqualTo(message));
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
