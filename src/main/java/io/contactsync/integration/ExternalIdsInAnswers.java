package io.contactsync.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Shows each contact's, customer's, vendor's and bank account's external ids
 * ({@code externalIds: {"crm": "0031x"}}) in the API's answers of the record and of its
 * list. The record modules know nothing of other systems' keys (they are this module's),
 * so their answers get them here, on the way out, with one query per answer.
 */
@ControllerAdvice
class ExternalIdsInAnswers implements ResponseBodyAdvice<Object> {

	/** A record resource or its list, and nothing below it. */
	private static final Pattern RECORDS = Pattern
		.compile("/api/v1/(contacts|customers|vendors|bank-accounts)(?:/[^/]+)?");

	private static final Map<String, String> TYPES = Map.of("contacts", "CONTACT", "customers", "CUSTOMER", "vendors",
			"VENDOR", "bank-accounts", "BANK_ACCOUNT");

	/**
	 * Absent in a test slice of the web layer, which has the advice but no database.
	 * Looked up once: asking the bean factory on every answer cost about 2 % of a
	 * request's time (JFR, creating customers).
	 */
	private final SingletonSupplier<ExternalIds> ids;

	ExternalIdsInAnswers(ObjectProvider<ExternalIds> ids) {
		this.ids = SingletonSupplier.of(ids::getIfAvailable);
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		Matcher resource = RECORDS.matcher(request.getURI().getPath());
		if (body == null || !resource.matches()) {
			return body;
		}
		ExternalIds known = ids.get();
		if (known == null) {
			return body;
		}
		List<ObjectNode> records = new ArrayList<>();
		if (body instanceof ObjectNode record && record.has("no")) {
			records.add(record);
		}
		else if (body instanceof Map<?, ?> page && page.get("items") instanceof List<?> items) {
			items.stream().filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast).forEach(records::add);
		}
		if (!records.isEmpty()) {
			String recordType = TYPES.get(resource.group(1));
			Map<String, Map<String, String>> found = known.of(recordType,
					records.stream().map(record -> record.get("no").asString()).toList());
			records.forEach(record -> add(record, found.get(record.get("no").asString())));
		}
		return body;
	}

	static void add(ObjectNode record, @Nullable Map<String, String> externalIds) {
		ObjectNode json = record.putObject("externalIds");
		if (externalIds != null) {
			externalIds.forEach(json::put);
		}
	}

}
