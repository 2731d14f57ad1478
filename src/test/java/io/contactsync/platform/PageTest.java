package io.contactsync.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A cursor is the key it was made from, and nothing else is taken for one. */
class PageTest {

	@Test
	void aCursorMadeHereGivesBackItsKey() {
		assertThat(Page.decode(Page.encode("KT000123"))).isEqualTo("KT000123");
		assertThat(Page.decode(Page.encode("Ærø/Å 1"))).isEqualTo("Ærø/Å 1");
	}

	@Test
	void aMadeUpCursorIsRefusedNotTakenForAKeyNobodyHas() {
		// Base64 of bytes that are no UTF-8 text, of nothing, and of a control character.
		assertThatThrownBy(() -> Page.decode("garbage")).isInstanceOf(Problems.MalformedRequest.class);
		assertThatThrownBy(() -> Page.decode("AA")).isInstanceOf(Problems.MalformedRequest.class);
		assertThatThrownBy(() -> Page.decode("*")).isInstanceOf(Problems.MalformedRequest.class);
	}

}
