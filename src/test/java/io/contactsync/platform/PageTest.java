package io.contactsync.platform;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PageTest {

	@Test
	void withoutALimitAPageHoldsFifty() {
		assertThat(Page.limit(null)).isEqualTo(50);
	}

	@Test
	void aLimitFromOneToAThousandIsTaken() {
		assertThat(Page.limit(1)).isEqualTo(1);
		assertThat(Page.limit(1000)).isEqualTo(1000);
	}

	@Test
	void aLimitOutsideOneToAThousandIsRefusedForTheLimitParameter() {
		for (int limit : new int[] { 0, -1, 1001 }) {
			assertThatExceptionOfType(Problems.ValidationFailed.class).as("limit %d", limit)
				.isThrownBy(() -> Page.limit(limit))
				.satisfies(ex -> {
					assertThat(ex.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
					assertThat(ex.errors()).extracting(FieldError::field).containsExactly("limit");
				});
		}
	}

	@Test
	void theLastPageHasNoNextCursor() {
		Page<String> page = Page.of(List.of("A", "B"), 2, key -> key);

		assertThat(page.items()).containsExactly("A", "B");
		assertThat(page.next()).isNull();
	}

	@Test
	void theExtraRowIsNotShownAndTheCursorStandsForTheLastRowShown() {
		Page<String> page = Page.of(List.of("CT01", "CT02", "CT03"), 2, key -> key);

		assertThat(page.items()).containsExactly("CT01", "CT02");
		assertThat(page.next()).isNotNull();
		assertThat(Page.decode(page.next())).isEqualTo("CT02");
	}

	@Test
	void aCursorTravelsInAQueryStringAsItIsAndGivesBackItsKey() {
		String key = "Ærø Ålesund/K00010?&=+";

		String cursor = Page.encode(key);

		assertThat(cursor).matches("[A-Za-z0-9_-]+");
		assertThat(Page.decode(cursor)).isEqualTo(key);
	}

	@Test
	void noCursorMeansTheFirstPage() {
		assertThat(Page.decode(null)).isNull();
		assertThat(Page.decode("")).isNull();
	}

	@Test
	void aCursorThatWasNotIssuedHereIsAMalformedRequestNamingTheCursor() {
		assertThatExceptionOfType(Problems.MalformedRequest.class).isThrownBy(() -> Page.decode("not a cursor!"))
			.satisfies(ex -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(ex.code()).isEqualTo("MALFORMED_REQUEST");
				assertThat(ex.errors()).extracting(FieldError::field).containsExactly("cursor");
			});
	}

	@Test
	void mappingAPageKeepsItsCursor() {
		Page<String> page = Page.of(List.of("a", "b", "c"), 1, key -> key);

		Page<String> upper = page.map(String::toUpperCase);

		assertThat(upper.items()).containsExactly("A");
		assertThat(upper.next()).isEqualTo(page.next());
	}

	@Test
	void aMadeUpCursorIsRefusedNotTakenForAKeyNobodyHas() {
		// Base64 of bytes that are no UTF-8 text, of nothing, and of a control character.
		for (String cursor : new String[] { "garbage", "AA", "*" }) {
			assertThatExceptionOfType(Problems.MalformedRequest.class).as(cursor).isThrownBy(() -> Page.decode(cursor));
		}
	}

}
