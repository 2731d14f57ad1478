package io.contactsync.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
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

	/**
	 * A document from its row: kind, no, date, parties, codes, text, status, quote,
	 * version.
	 */
	static Doc read(ResultSet rs, List<Line> lines) throws SQLException {
		return new Doc(DocumentKind.valueOf(rs.getString(1)), rs.getString(2), rs.getObject(3, LocalDate.class),
				rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
				rs.getString(10), rs.getString(11), rs.getString(12), rs.getLong(13), lines);
	}

	BigDecimal amount() {
		return lines.stream().map(Line::lineAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

}
