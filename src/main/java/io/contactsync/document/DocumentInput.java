package io.contactsync.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.contactsync.platform.Message;
import io.contactsync.platform.FieldError;
import io.contactsync.platform.Problems;
import io.contactsync.platform.TextRules;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A request body, read strictly for its kind: another kind's party fields are unknown
 * here.
 */
record DocumentInput(Set<String> present, @Nullable LocalDate documentDate, @Nullable String contactNo,
		@Nullable String recordNo, @Nullable String templateCode, @Nullable String salespersonCode,
		String salespersonField, @Nullable String currencyCode, @Nullable String description, @Nullable String status,
		@Nullable List<Doc.Line> lines) {

	boolean has(String field) {
		return present.contains(field);
	}

	static DocumentInput read(DocumentKind kind, JsonNode body, boolean patch) {
		if (!body.isObject()) {
			throw new Problems.MalformedRequest("body", "invalid.object");
		}
		Set<String> allowed = new HashSet<>(Set.of("documentDate", kind.contactField(), kind.recordField(),
				kind.salespersonField(), "currencyCode", "status", "lines", "description"));
		if (kind.templateField() != null) {
			allowed.add(kind.templateField());
		}
		List<FieldError> malformed = new ArrayList<>();
		List<FieldError> invalid = new ArrayList<>();
		Set<String> present = new HashSet<>();
		Map<String, @Nullable String> texts = new LinkedHashMap<>();
		LocalDate date = null;
		List<Doc.Line> lines = null;
		for (Map.Entry<String, JsonNode> property : body.properties()) {
			String name = property.getKey();
			JsonNode value = property.getValue();
			if (!allowed.contains(name)) {
				malformed.add(
						new FieldError(name,
								Set.of("no", "version", "amount", "quoteNo").contains(name)
										? "invalid.notAWritableField" : "invalid.notAField",
								Problems.kindName(kind.name())));
				continue;
			}
			present.add(name.equals(kind.templateField()) ? "template" : name);
			if (name.equals("lines")) {
				lines = readLines(value, malformed, invalid);
			}
			else if (value.isNull()) {
				texts.put(name, null);
			}
			else if (!value.isString()) {
				malformed.add(new FieldError(name, "invalid.string"));
			}
			else if (name.equals("documentDate")) {
				try {
					date = LocalDate.parse(value.asString());
				}
				catch (DateTimeParseException ex) {
					malformed.add(new FieldError(name, "invalid.date"));
				}
			}
			else {
				String text = value.asString();
				FieldError broken = TextRules.check(name, text, name.equals("description") ? 100 : 20);
				if (broken != null) {
					invalid.add(broken);
				}
				texts.put(name, name.equals("description") || text.isEmpty() ? (text.isEmpty() ? null : text)
						: text.toUpperCase(Locale.ROOT));
			}
		}
		String status = texts.get("status");
		if (status != null && !Set.of("OPEN", "RELEASED").contains(status)) {
			invalid.add(new FieldError("status", "invalid.oneOf", "OPEN, RELEASED"));
		}
		if (!malformed.isEmpty()) {
			throw new Problems.MalformedRequest(Message.of("detail.bodyDoesNotFit", Problems.kindName(kind.name())),
					malformed);
		}
		if (!invalid.isEmpty()) {
			throw new Problems.ValidationFailed(invalid);
		}
		return new DocumentInput(present, date, texts.get(kind.contactField()), texts.get(kind.recordField()),
				kind.templateField() == null ? null : texts.get(kind.templateField()),
				texts.get(kind.salespersonField()), kind.salespersonField(), texts.get("currencyCode"),
				texts.get("description"), status, lines);
	}

	private static @Nullable List<Doc.Line> readLines(JsonNode value, List<FieldError> malformed,
			List<FieldError> invalid) {
		if (!value.isArray()) {
			malformed.add(new FieldError("lines", "invalid.lines"));
			return null;
		}
		List<Doc.Line> lines = new ArrayList<>();
		int index = 0;
		for (JsonNode line : value) {
			String at = "lines[" + index++ + "]";
			if (!line.isObject()) {
				malformed.add(new FieldError(at, "invalid.object"));
				continue;
			}
			for (String name : line.propertyNames()) {
				if (!Set.of("lineNo", "description", "quantity", "unitPrice", "lineAmount").contains(name)) {
					malformed
						.add(new FieldError(at + "." + name, "invalid.notAField", Problems.kindName("DOCUMENT_LINE")));
				}
			}
			JsonNode lineNo = line.path("lineNo");
			JsonNode description = line.path("description");
			JsonNode quantity = line.path("quantity");
			JsonNode unitPrice = line.path("unitPrice");
			if ((!lineNo.isMissingNode() && !lineNo.isIntegralNumber())
					|| (!description.isMissingNode() && !description.isString())
					|| (!quantity.isMissingNode() && !quantity.isNumber())
					|| (!unitPrice.isMissingNode() && !unitPrice.isNumber())) {
				malformed.add(new FieldError(at, "invalid.shape"));
				continue;
			}
			String text = description.isMissingNode() ? "" : description.asString();
			BigDecimal qty = quantity.isMissingNode() ? BigDecimal.ZERO : quantity.decimalValue();
			BigDecimal price = unitPrice.isMissingNode() ? BigDecimal.ZERO : unitPrice.decimalValue();
			if (text.length() > 100) {
				invalid.add(new FieldError(at + ".description", "invalid.atMost", "100"));
			}
			if (price.signum() < 0) {
				invalid.add(new FieldError(at + ".unitPrice", "invalid.negative"));
			}
			if (qty.abs().compareTo(new BigDecimal("1000000000")) > 0
					|| price.compareTo(new BigDecimal("1000000000")) > 0) {
				invalid.add(new FieldError(at, "invalid.lineTooLarge"));
			}
			int no = lineNo.isMissingNode() ? 0 : lineNo.asInt();
			if (!lineNo.isMissingNode() && no <= 0) {
				invalid.add(new FieldError(at + ".lineNo", "invalid.positive"));
			}
			lines.add(new Doc.Line(no, text, qty, price));
		}
		return lines;
	}

}
