package io.contactsync.platform.table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.contactsync.platform.FieldError;
import io.contactsync.platform.Problems;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class TableChecksTest {

	private static final FieldError ENDING_BEFORE_STARTING = new FieldError("endingNo", "invalid.endingBeforeStarting",
			"1");

	/** A table with a rule across fields that breaks whenever both numbers are given. */
	private static final Table SERIES = Table
		.of("number-series", "number_series", "Number series", List.of(Field.code("code", 20).required()),
				Field.text("description", 10), Field.integer("incrementBy", 1), Field.code("startingNo", 20),
				Field.code("endingNo", 20), Field.text("summary", 5).readOnly())
		.withRules((row, errors) -> {
			if (row.text("startingNo") != null && row.text("endingNo") != null) {
				errors.add(ENDING_BEFORE_STARTING);
			}
		});

	private static final Table CUSTOMERS = Table.of("customers", "customer", "Customer", List.of(Field.code("no", 20)),
			Field.text("name", 100),
			Field.code("salespersonCode", 20).references("salesperson", "code", "Salesperson"));

	private final JdbcClient jdbc = mock(JdbcClient.class, RETURNS_DEEP_STUBS);

	private final TableChecks checks = new TableChecks(jdbc);

	@Test
	void everyFieldThatBreaksItsOwnRuleIsReportedAtOnce() {
		Map<String, @Nullable Object> values = values("code", null, "description", "far too long", "incrementBy", 0L);

		assertThatExceptionOfType(Problems.ValidationFailed.class)
			.isThrownBy(() -> checks.checkOwnRules(SERIES, values))
			.satisfies(ex -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
				assertThat(ex.errors()).extracting(FieldError::field)
					.containsExactly("code", "description", "incrementBy");
				assertThat(ex.getMessage()).isEqualTo("3 fields need attention; see errors.");
			});
	}

	@Test
	void readOnlyFieldsAreLeftToTheApplicationThatMaintainsThem() {
		assertThatNoException()
			.isThrownBy(() -> checks.checkOwnRules(SERIES, values("code", "CT", "summary", "longer than five")));
	}

	@Test
	void theTableRulesRunOnceEveryFieldKeepsItsOwn() {
		Map<String, @Nullable Object> valid = values("code", "CT", "startingNo", "CT1", "endingNo", "CT9");
		Map<String, @Nullable Object> alsoBroken = values("code", null, "startingNo", "CT1", "endingNo", "CT9");

		assertThatExceptionOfType(Problems.ValidationFailed.class).isThrownBy(() -> checks.checkOwnRules(SERIES, valid))
			.satisfies(ex -> assertThat(ex.errors()).containsExactly(ENDING_BEFORE_STARTING));
		assertThatExceptionOfType(Problems.ValidationFailed.class)
			.isThrownBy(() -> checks.checkOwnRules(SERIES, alsoBroken))
			.satisfies(ex -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("code"));
	}

	@Test
	void aCodeThatDidNotChangeIsNotLookedUpAgain() {
		checks.validate(CUSTOMERS, values("no", "K1", "name", "Aker", "salespersonCode", "GONE"), Set.of("name"));

		verifyNoInteractions(jdbc);
	}

	@Test
	void codesThatNameNothingAreUnknownCodesFoundWithOneQueryForAllRows() {
		when(jdbc.sql(anyString()).param(anyString(), any()).query(String.class).list()).thenReturn(List.of("OLA"));
		clearInvocations(jdbc);

		assertThatExceptionOfType(Problems.UnknownCode.class)
			.isThrownBy(
					() -> checks.checkReferences(CUSTOMERS,
							List.of(values("salespersonCode", "OLA"), values("salespersonCode", "KARI"),
									values("salespersonCode", "PER"), values("salespersonCode", null)),
							null))
			.satisfies(ex -> {
				assertThat(ex.code()).isEqualTo("UNKNOWN_CODE");
				assertThat(ex.errors()).extracting(FieldError::field)
					.containsExactly("salespersonCode", "salespersonCode");
				assertThat(ex.errors()).extracting(error -> error.message().english())
					.containsExactly("Salesperson KARI does not exist; create it first or choose another",
							"Salesperson PER does not exist; create it first or choose another");
			});
		verify(jdbc, times(1)).sql(anyString());
	}

	@Test
	void rowsWithoutCodesNeedNoQuery() {
		checks.checkReferences(CUSTOMERS, List.of(values("name", "Aker", "salespersonCode", null)), null);

		verifyNoInteractions(jdbc);
	}

	private static Map<String, @Nullable Object> values(@Nullable Object... pairs) {
		Map<String, @Nullable Object> values = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			values.put((String) pairs[i], pairs[i + 1]);
		}
		return values;
	}

}
