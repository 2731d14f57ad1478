package io.contactsync.exchange;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * Adds the files of the exports to the OpenAPI document: the list operations of contacts,
 * customers, vendors, bank accounts and the code lists of setup also answer
 * {@code text/csv} and XLSX, those of contacts and of one contact {@code text/vcard}
 * ({@link ExportController}, which is itself left out of the document since it shares the
 * lists' operations).
 */
@Component
class ExportApiDocs implements OpenApiCustomizer {

	private static final List<String> LISTS = List.of("/api/v1/contacts", "/api/v1/customers", "/api/v1/vendors",
			"/api/v1/bank-accounts", "/api/v1/business-relations", "/api/v1/salespeople", "/api/v1/territories",
			"/api/v1/countries-regions", "/api/v1/languages", "/api/v1/currencies", "/api/v1/customer-templates",
			"/api/v1/vendor-templates", "/api/v1/interaction-templates", "/api/v1/number-series");

	@Override
	public void customise(OpenAPI api) {
		if (api.getPaths() == null) {
			return;
		}
		for (String list : LISTS) {
			Content content = ok(api.getPaths().get(list));
			if (content == null) {
				continue;
			}
			content.addMediaType(ExportFormat.CSV.mediaType(), file("The whole list as CSV (UTF-8 with BOM; ';' for"
					+ " Norwegian, ',' otherwise, or as ?separator= says)."));
			content.addMediaType(ExportFormat.XLSX.mediaType(), binary("The whole list as an XLSX workbook."));
			if (list.equals("/api/v1/contacts")) {
				content.addMediaType(ExportFormat.VCARD.mediaType(), file("The whole list as vCard 4.0 cards."));
			}
		}
		Content one = ok(api.getPaths().get("/api/v1/contacts/{no}"));
		if (one != null) {
			one.addMediaType(ExportFormat.VCARD.mediaType(), file("The contact as a vCard 4.0."));
		}
	}

	private static @Nullable Content ok(@Nullable PathItem path) {
		Operation get = path == null ? null : path.getGet();
		ApiResponse ok = get == null || get.getResponses() == null ? null : get.getResponses().get("200");
		if (ok == null) {
			return null;
		}
		if (ok.getContent() == null) {
			ok.setContent(new Content());
		}
		return ok.getContent();
	}

	private static MediaType binary(String description) {
		return new MediaType().schema(new StringSchema().format("binary").description(description));
	}

	private static MediaType file(String description) {
		return new MediaType().schema(new StringSchema().description(description));
	}

}
