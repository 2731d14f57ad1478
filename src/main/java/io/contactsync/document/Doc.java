package io.contactsync.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A document as stored: its head, its party, its lines. */
public record Doc(DocumentKind kind, String no, LocalDate documentDate, @Nullable String contactNo,
		@Nullable String recordNo, String partyName, @Nullable String templateCode, @Nullable String salespersonCode,
		@Nullable String currencyCode, String description, String status, @Nullable String quoteNo, long version,
		List<Line> lines) {

	public record Line(int lineNo, String description, BigDecimal quantity, BigDecimal unitPrice) {

		BigDecimal lineAmount() {
			return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
		}

	}

	BigDecimal amount() {
		return lines.stream().map(Line::lineAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

}
