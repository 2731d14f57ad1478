package io.contactsync.setup;

import java.util.List;

import io.contactsync.platform.table.CodeTableController;
import io.contactsync.platform.table.SingletonSetupController;
import io.contactsync.platform.table.Table;
import io.contactsync.platform.table.TableEndpoints;
import io.contactsync.platform.table.TableResource;
import io.contactsync.platform.table.TableStore;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The paths of the setup API. Each table's rules are in {@link SetupTableDefinitions};
 * the conventions (validation, versions, paging) are the generic setup table's.
 */
final class SetupControllers {

	private SetupControllers() {
	}

	@RestController
	@RequestMapping("/api/v1/setup/marketing")
	static class MarketingSetupController extends SingletonSetupController {

		MarketingSetupController(TableStore tables) {
			super(tables, SetupTableDefinitions.MARKETING_SETUP);
		}

	}

	@RestController
	@RequestMapping("/api/v1/setup/numbering")
	static class NumberingSetupController extends SingletonSetupController {

		NumberingSetupController(TableStore tables) {
			super(tables, SetupTableDefinitions.NUMBERING_SETUP);
		}

	}

	@RestController
	@RequestMapping("/api/v1/setup/company-information")
	static class CompanyInformationController extends SingletonSetupController {

		CompanyInformationController(TableStore tables) {
			super(tables, SetupTableDefinitions.COMPANY_INFORMATION);
		}

	}

	@RestController
	@RequestMapping("/api/v1/business-relations")
	static class BusinessRelationController extends CodeTableController {

		BusinessRelationController(TableStore tables) {
			super(tables, SetupTableDefinitions.BUSINESS_RELATIONS);
		}

	}

	@RestController
	@RequestMapping("/api/v1/salespeople")
	static class SalespersonController extends CodeTableController {

		SalespersonController(TableStore tables) {
			super(tables, SetupTableDefinitions.SALESPEOPLE);
		}

	}

	@RestController
	@RequestMapping("/api/v1/territories")
	static class TerritoryController extends CodeTableController {

		TerritoryController(TableStore tables) {
			super(tables, SetupTableDefinitions.TERRITORIES);
		}

	}

	@RestController
	@RequestMapping("/api/v1/countries-regions")
	static class CountryRegionController extends CodeTableController {

		CountryRegionController(TableStore tables) {
			super(tables, SetupTableDefinitions.COUNTRIES_REGIONS);
		}

	}

	@RestController
	@RequestMapping("/api/v1/languages")
	static class LanguageController extends CodeTableController {

		LanguageController(TableStore tables) {
			super(tables, SetupTableDefinitions.LANGUAGES);
		}

	}

	@RestController
	@RequestMapping("/api/v1/currencies")
	static class CurrencyController extends CodeTableController {

		CurrencyController(TableStore tables) {
			super(tables, SetupTableDefinitions.CURRENCIES);
		}

	}

	@RestController
	@RequestMapping("/api/v1/customer-templates")
	static class CustomerTemplateController extends CodeTableController {

		CustomerTemplateController(TableStore tables) {
			super(tables, SetupTableDefinitions.CUSTOMER_TEMPLATES);
		}

	}

	@RestController
	@RequestMapping("/api/v1/vendor-templates")
	static class VendorTemplateController extends CodeTableController {

		VendorTemplateController(TableStore tables) {
			super(tables, SetupTableDefinitions.VENDOR_TEMPLATES);
		}

	}

	/** Post codes are keyed by code and city: one code may serve several cities. */
	@RestController
	@RequestMapping("/api/v1/post-codes")
	static class PostCodeController implements TableResource {

		private final TableEndpoints endpoints;

		PostCodeController(TableStore tables) {
			this.endpoints = new TableEndpoints(tables, SetupTableDefinitions.POST_CODES);
		}

		@Override
		public Table table() {
			return SetupTableDefinitions.POST_CODES;
		}

		@Override
		public String path() {
			return "/api/v1/post-codes";
		}

		@GetMapping
		ResponseEntity<?> list(@RequestParam(required = false) @Nullable Integer limit,
				@RequestParam(required = false) @Nullable String cursor) {
			return endpoints.list(limit, cursor);
		}

		@GetMapping("/{code}/{city}")
		ResponseEntity<JsonNode> get(@PathVariable String code, @PathVariable String city) {
			return endpoints.get(List.of(code, city));
		}

		@PostMapping
		ResponseEntity<JsonNode> create(@RequestBody JsonNode body) {
			return endpoints.create(body);
		}

		@PatchMapping(path = "/{code}/{city}",
				consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
		ResponseEntity<JsonNode> patch(@PathVariable String code, @PathVariable String city,
				@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
				@RequestBody JsonNode patch) {
			return endpoints.patch(List.of(code, city), ifMatch, patch);
		}

		@DeleteMapping("/{code}/{city}")
		ResponseEntity<Void> delete(@PathVariable String code, @PathVariable String city,
				@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
			return endpoints.delete(List.of(code, city), ifMatch);
		}

	}

}
