package io.contactsync.demo;

import java.util.EnumMap;
import java.util.Map;

import io.contactsync.bankaccount.BankAccounts;
import io.contactsync.contact.Contacts;
import io.contactsync.customer.Customers;
import io.contactsync.document.DocumentKind;
import io.contactsync.document.DocumentPrinting;
import io.contactsync.document.Documents;
import io.contactsync.interaction.DocumentType;
import io.contactsync.interaction.InteractionLog;
import io.contactsync.interaction.InteractionTemplateSetup;
import io.contactsync.interaction.InteractionTemplates;
import io.contactsync.numbering.NumberSeriesTable;
import io.contactsync.platform.Actor;
import io.contactsync.platform.ChangeOrigin;
import io.contactsync.platform.ContactSyncProperties;
import io.contactsync.platform.table.Table;
import io.contactsync.platform.table.TableStore;
import io.contactsync.relation.Linking;
import io.contactsync.setup.LinkedRecordType;
import io.contactsync.setup.SetupTableDefinitions;
import io.contactsync.purchasing.Vendors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sets up Fjellvent AS, a ventilation firm in Oslo, the way a real company would be set
 * up: number series, business relations, code lists, post codes, templates and
 * interaction templates. Runs only into an empty database, so a restart never loads it
 * twice.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final ContactSyncProperties properties;

	private final TableStore tables;

	private final InteractionTemplateSetup interactionSetup;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Contacts contacts;

	private final Customers customers;

	private final Vendors vendors;

	private final BankAccounts bankAccounts;

	private final Linking linking;

	private final Documents documents;

	private final DocumentPrinting printing;

	private final InteractionLog interactionLog;

	DemoData(ContactSyncProperties properties, TableStore tables, InteractionTemplateSetup interactionSetup,
			JdbcClient jdbc, TransactionTemplate transaction, Contacts contacts, Customers customers, Vendors vendors,
			BankAccounts bankAccounts, Linking linking, Documents documents, DocumentPrinting printing,
			InteractionLog interactionLog) {
		this.documents = documents;
		this.printing = printing;
		this.interactionLog = interactionLog;
		this.contacts = contacts;
		this.customers = customers;
		this.vendors = vendors;
		this.bankAccounts = bankAccounts;
		this.linking = linking;
		this.properties = properties;
		this.tables = tables;
		this.interactionSetup = interactionSetup;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demo()) {
			return;
		}
		if (!isEmpty()) {
			log.info("Demo data not loaded: the database has setup data already");
			return;
		}
		Actor.runAs(new Actor("demo", ChangeOrigin.IMPORT), () -> transaction.executeWithoutResult(status -> {
			load();
			loadContactsAndRecords();
		}));
		log.info("Loaded the demo company Fjellvent AS");
	}

	boolean isEmpty() {
		return jdbc
			.sql("SELECT NOT EXISTS (SELECT 1 FROM number_series) AND NOT EXISTS (SELECT 1 FROM business_relation)")
			.query(Boolean.class)
			.single();
	}

	void load() {
		series("KONTAKT", "Kontakter", "KT000001", "KT999999", 1);
		series("KUNDE", "Kunder", "K00010", "K99990", 10);
		series("LEV", "Leverandører", "L00010", "L99990", 10);
		series("BANK", "Bankkonti", "B010", "B990", 10);
		series("S-TILB", "Salgstilbud", "ST000001", null, 1);
		series("S-ORD", "Salgsordrer", "SO000001", null, 1);
		series("S-RAMME", "Rammesalgsordrer", "SR000001", null, 1);
		series("K-FORESP", "Innkjøpsforespørsler", "IF000001", null, 1);
		series("K-ORD", "Innkjøpsordrer", "IO000001", null, 1);
		series("K-RAMME", "Rammeinnkjøpsordrer", "IR000001", null, 1);
		series("SERVICE", "Serviceordrer", "SV000001", null, 1);

		code(SetupTableDefinitions.BUSINESS_RELATIONS, "KUNDE", "description", "Kunde");
		code(SetupTableDefinitions.BUSINESS_RELATIONS, "LEV", "description", "Leverandør");
		code(SetupTableDefinitions.BUSINESS_RELATIONS, "BANK", "description", "Bank");
		code(SetupTableDefinitions.BUSINESS_RELATIONS, "ADVOKAT", "description", "Advokat");
		code(SetupTableDefinitions.BUSINESS_RELATIONS, "REVISOR", "description", "Revisor");
		code(SetupTableDefinitions.BUSINESS_RELATIONS, "PRESSE", "description", "Presse");

		for (String[] country : new String[][] { { "NO", "Norge" }, { "SE", "Sverige" }, { "DK", "Danmark" },
				{ "DE", "Tyskland" }, { "GB", "Storbritannia" } }) {
			code(SetupTableDefinitions.COUNTRIES_REGIONS, country[0], "name", country[1]);
		}
		code(SetupTableDefinitions.LANGUAGES, "NOR", "name", "Norsk bokmål");
		code(SetupTableDefinitions.LANGUAGES, "ENU", "name", "Engelsk");
		code(SetupTableDefinitions.LANGUAGES, "SVE", "name", "Svensk");
		for (String[] currency : new String[][] { { "EUR", "Euro" }, { "SEK", "Svenske kroner" },
				{ "DKK", "Danske kroner" }, { "USD", "Amerikanske dollar" }, { "GBP", "Britiske pund" } }) {
			code(SetupTableDefinitions.CURRENCIES, currency[0], "name", currency[1]);
		}
		for (String[] territory : new String[][] { { "OSLO", "Oslo og Akershus" }, { "VEST", "Vestlandet" },
				{ "MIDT", "Trøndelag" }, { "NORD", "Nord-Norge" }, { "SOR", "Sørlandet" } }) {
			code(SetupTableDefinitions.TERRITORIES, territory[0], "name", territory[1]);
		}
		salesperson("OF", "Ole Fjeld", "ole.fjeld@fjellvent.no", "+47 22 11 22 01");
		salesperson("KH", "Kari Hansen", "kari.hansen@fjellvent.no", "+47 22 11 22 02");
		salesperson("PB", "Per Berg", "per.berg@fjellvent.no", "+47 22 11 22 03");

		for (String[] post : new String[][] { { "0150", "Oslo", "Oslo" }, { "0250", "Oslo", "Oslo" },
				{ "0484", "Oslo", "Oslo" }, { "1432", "Ås", "Akershus" }, { "2317", "Hamar", "Innlandet" },
				{ "3011", "Drammen", "Buskerud" }, { "4006", "Stavanger", "Rogaland" },
				{ "4610", "Kristiansand", "Agder" }, { "5003", "Bergen", "Vestland" },
				{ "6002", "Ålesund", "Møre og Romsdal" }, { "7010", "Trondheim", "Trøndelag" },
				{ "8006", "Bodø", "Nordland" }, { "9008", "Tromsø", "Troms" } }) {
			create(SetupTableDefinitions.POST_CODES,
					Map.of("code", post[0], "city", post[1], "countryRegionCode", "NO", "county", post[2]));
		}

		create(SetupTableDefinitions.CUSTOMER_TEMPLATES,
				Map.of("code", "BEDRIFT", "description", "Bedriftskunde", "contactType", "COMPANY",
						"customerPostingGroup", "INNLAND", "genBusPostingGroup", "INNLAND", "vatBusPostingGroup",
						"INNLAND", "paymentTermsCode", "30D", "paymentMethodCode", "BANK", "countryRegionCode", "NO",
						"currencyCode", ""));
		create(SetupTableDefinitions.CUSTOMER_TEMPLATES,
				Map.of("code", "PRIVAT", "description", "Privatkunde", "contactType", "PERSON", "customerPostingGroup",
						"PRIVAT", "genBusPostingGroup", "INNLAND", "vatBusPostingGroup", "INNLAND", "paymentTermsCode",
						"14D", "paymentMethodCode", "KORT", "pricesIncludingVat", true, "countryRegionCode", "NO"));
		create(SetupTableDefinitions.CUSTOMER_TEMPLATES,
				Map.of("code", "EKSPORT", "description", "Utenlandsk bedrift", "contactType", "COMPANY",
						"customerPostingGroup", "UTLAND", "genBusPostingGroup", "EKSPORT", "vatBusPostingGroup",
						"EKSPORT", "paymentTermsCode", "30D", "paymentMethodCode", "BANK", "currencyCode", "EUR",
						"languageCode", "ENU"));
		create(SetupTableDefinitions.VENDOR_TEMPLATES,
				Map.of("code", "INNLAND", "description", "Norsk leverandør", "contactType", "COMPANY",
						"vendorPostingGroup", "INNLAND", "genBusPostingGroup", "INNLAND", "vatBusPostingGroup",
						"INNLAND", "paymentTermsCode", "30D", "paymentMethodCode", "BANK", "countryRegionCode", "NO",
						"purchaserCode", "PB"));

		Table templates = InteractionTemplates.TABLE;
		Map<DocumentType, @Nullable String> setup = new EnumMap<>(DocumentType.class);
		interaction(templates, "TILBUD", "Salgstilbud sendt", setup, DocumentType.SALES_QUOTE);
		interaction(templates, "ORDREBEKR", "Ordrebekreftelse sendt", setup, DocumentType.SALES_ORDER_CONFIRMATION);
		interaction(templates, "RAMME", "Rammeordre sendt", setup, DocumentType.SALES_BLANKET_ORDER);
		interaction(templates, "FORESP", "Innkjøpsforespørsel sendt", setup, DocumentType.PURCHASE_QUOTE);
		interaction(templates, "BESTILL", "Bestilling sendt", setup, DocumentType.PURCHASE_ORDER);
		interaction(templates, "SERVICE", "Serviceordre opprettet", setup, DocumentType.SERVICE_ORDER_CREATE);
		interaction(templates, "E-POST", "E-post sendt", setup, DocumentType.EMAIL);
		interaction(templates, "TELEFON", "Utgående telefonsamtale", setup, DocumentType.OUTGOING_CALL);
		interaction(templates, "MOTE", "Møteinnkalling", setup, DocumentType.MEETING_INVITATION);
		interactionSetup.replace(setup);

		tables.replace(SetupTableDefinitions.COMPANY_INFORMATION, null,
				json(Map.of("name", "Fjellvent AS", "address", "Økernveien 94", "postCode", "0484", "city", "Oslo",
						"countryRegionCode", "NO", "phoneNo", "+47 22 11 22 00", "email", "post@fjellvent.no",
						"vatRegistrationNo", "NO 912 345 678 MVA", "bankAccountNo", "1503 12 34567")));
		tables.replace(SetupTableDefinitions.MARKETING_SETUP, null,
				json(Map.of("businessRelationCodeForCustomers", "KUNDE", "businessRelationCodeForVendors", "LEV",
						"businessRelationCodeForBankAccounts", "BANK", "contactNos", "KONTAKT", "defaultLanguageCode",
						"NOR", "defaultCountryRegionCode", "NO", "searchHitPercent", 75)));
		ObjectNode numbering = json(Map.of("customerNos", "KUNDE", "vendorNos", "LEV", "bankAccountNos", "BANK",
				"salesQuoteNos", "S-TILB", "salesOrderNos", "S-ORD", "salesBlanketOrderNos", "S-RAMME",
				"purchaseQuoteNos", "K-FORESP", "purchaseOrderNos", "K-ORD", "purchaseBlanketOrderNos", "K-RAMME"));
		numbering.put("serviceOrderNos", "SERVICE");
		tables.replace(SetupTableDefinitions.NUMBERING_SETUP, null, numbering);
	}

	/**
	 * Some twenty contacts, linked as a real company's would be: customers and vendors
	 * that brought their contacts with them, companies that became customers and vendors,
	 * banks, and a lawyer, an auditor and the press as plain relations.
	 */
	void loadContactsAndRecords() {
		String nordlys = customers.create(json(Map.of("name", "Nordlys Eiendom AS", "address", "Storgata 12",
				"postCode", "9008", "phoneNo", "+47 77 60 10 00", "email", "post@nordlys-eiendom.no", "contact",
				"Ingrid Berg", "templateCode", "BEDRIFT", "salespersonCode", "KH", "territoryCode", "NORD",
				"vatRegistrationNo", "NO987654325MVA")))
			.text("no");
		String bryggen = customers
			.create(json(Map.of("name", "Bryggen Hotell AS", "address", "Bryggen 5", "postCode", "5003", "phoneNo",
					"+47 55 30 20 00", "email", "booking@bryggenhotell.no", "contact", "Lars Haugen", "templateCode",
					"BEDRIFT", "salespersonCode", "OF", "territoryCode", "VEST", "vatRegistrationNo",
					"NO910000012MVA")))
			.text("no");
		customers.create(json(Map.of("name", "Trondheim Kontorsenter AS", "address", "Munkegata 20", "postCode", "7010",
				"phoneNo", "+47 73 80 40 00", "email", "drift@tkontor.no", "templateCode", "BEDRIFT", "territoryCode",
				"MIDT", "vatRegistrationNo", "920000029")));
		customers.create(json(Map.of("name", "Kari Nordmann", "contactType", "PERSON", "address", "Solveien 3",
				"postCode", "1432", "mobilePhoneNo", "+47 912 34 567", "email", "kari.nordmann@example.no",
				"templateCode", "PRIVAT")));
		customers.create(json(Map.of("name", "Deutsche Lüftung GmbH", "address", "Hafenstraße 8", "city", "Hamburg",
				"countryRegionCode", "DE", "phoneNo", "+49 40 1234 5600", "email", "einkauf@dl-gmbh.de", "templateCode",
				"EKSPORT", "vatRegistrationNo", "DE123456789")));

		String grossist = vendors
			.create(json(Map.of("name", "Ventilasjonsgrossisten AS", "address", "Industriveien 7", "postCode", "3011",
					"phoneNo", "+47 32 20 50 00", "email", "ordre@ventgross.no", "contact", "Per Olsen",
					"purchaserCode", "PB", "paymentTermsCode", "30D", "vatRegistrationNo", "NO930000035MVA")))
			.text("no");
		vendors.create(json(Map.of("name", "Stålrør Norge AS", "address", "Havneveien 40", "postCode", "4006",
				"phoneNo", "+47 51 80 90 00", "email", "salg@stalror.no", "purchaserCode", "PB", "vatRegistrationNo",
				"NO960000064MVA")));

		bankAccounts.create(json(Map.of("name", "DNB Bank ASA", "address", "Dronning Eufemias gate 30", "postCode",
				"0250", "phoneNo", "+47 915 04800", "bankAccountNo", "1503.12.34567", "iban", "NO3415031234567",
				"swiftCode", "DNBANOKK", "bankAccPostingGroup", "DRIFT")));
		bankAccounts.create(json(Map.of("name", "Sparebanken Vest", "address", "Jonsvollsgaten 2", "postCode", "5003",
				"phoneNo", "+47 915 05555", "bankAccountNo", "3625.10.98765", "iban", "NO7436251098765", "swiftCode",
				"SPAVNOBB", "bankAccPostingGroup", "SPARE")));

		String fjordkraft = contact("COMPANY", "Fjordkraft Service AS", null, "Keiser Wilhelms gate 20", "6002",
				"+47 70 10 20 30", "post@fjordkraft-service.no");
		String siri = contact("PERSON", "Siri Løvik", fjordkraft, null, null, "+47 930 11 222",
				"siri@fjordkraft-service.no");
		contact("PERSON", "Ola Dahl", fjordkraft, null, null, null, "ola@fjordkraft-service.no");
		linking.createRecord(siri, LinkedRecordType.CUSTOMER, "BEDRIFT");

		String hamar = contact("COMPANY", "Hamar Byggservice AS", null, "Grønnegata 50", "2317", "+47 62 50 60 70",
				"firmapost@hamarbygg.no");
		String anders = contact("PERSON", "Anders Moen", hamar, null, null, "+47 951 22 333", null);
		linking.createRecord(anders, LinkedRecordType.VENDOR, null);

		String lund = contact("COMPANY", "Advokatfirmaet Lund & Co DA", null, "Karl Johans gate 1", "0150",
				"+47 22 40 50 60", "post@lundadvokat.no");
		contact("PERSON", "Marte Lund", lund, null, null, "+47 922 33 444", "marte@lundadvokat.no");
		linking.addPlain(lund, "ADVOKAT");
		String revisjon = contact("COMPANY", "Revisjon Midt AS", null, "Olav Tryggvasons gate 5", "7010",
				"+47 73 99 88 77", "revisor@revisjonmidt.no");
		linking.addPlain(revisjon, "REVISOR");
		String avis = contact("COMPANY", "Bodø Nyheter", null, "Sjøgata 9", "8006", "+47 75 50 00 00",
				"tips@bodonyheter.no");
		contact("PERSON", "Eva Strand", avis, null, null, "+47 900 11 000", "eva.strand@bodonyheter.no");
		linking.addPlain(avis, "PRESSE");

		// Quotes, orders and their interaction history.
		String tilbud = documents
			.create(DocumentKind.SALES_QUOTE,
					document(
							Map.of("sellToContactNo", avis, "customerTemplateCode", "BEDRIFT", "description",
									"Ventilasjon i nye lokaler"),
							"Ventilasjonsaggregat VX-400", 1, 48500, "Montering", 16, 950))
			.no();
		printing.print(DocumentKind.SALES_QUOTE, tilbud, true);
		documents.create(DocumentKind.SALES_QUOTE,
				document(Map.of("sellToContactNo", siri), "Filterbytte, årsavtale", 1, 12000, "Kjøring", 4, 650));
		documents.create(DocumentKind.SALES_ORDER, document(Map.of("sellToCustomerNo", nordlys),
				"Varmegjenvinner HR-200", 3, 18900, "Montering", 24, 950));
		documents.create(DocumentKind.PURCHASE_ORDER, document(Map.of("buyFromVendorNo", grossist),
				"Ventilasjonsaggregat VX-400", 5, 31000, "Frakt", 1, 2500));
		documents.create(DocumentKind.SERVICE_ORDER,
				document(Map.of("customerNo", bryggen, "description", "Årlig service av ventilasjonsanlegg")));
		interactionLog.logByHand(hamar,
				new InteractionLog.Request("TELEFON", "Avtalte levering av rør", null, null, null));
	}

	/** A document body with lines given as description, quantity, unit price, ... */
	private static ObjectNode document(Map<String, Object> head, Object... lines) {
		ObjectNode body = json(head);
		var array = body.putArray("lines");
		for (int i = 0; i + 2 < lines.length; i += 3) {
			array.addObject()
				.put("description", (String) lines[i])
				.put("quantity", (Integer) lines[i + 1])
				.put("unitPrice", (Integer) lines[i + 2]);
		}
		return body;
	}

	private String contact(String type, String name, @Nullable String companyNo, @Nullable String address,
			@Nullable String postCode, @Nullable String phone, @Nullable String email) {
		ObjectNode contact = json(Map.of("type", type, "name", name));
		if (companyNo != null) {
			contact.put("companyNo", companyNo);
		}
		if (address != null) {
			contact.put("address", address);
			contact.put("postCode", postCode);
		}
		if (phone != null) {
			contact.put(type.equals("PERSON") ? "mobilePhoneNo" : "phoneNo", phone);
		}
		if (email != null) {
			contact.put("email", email);
		}
		return contacts.create(contact).text("no");
	}

	/** A series without {@code allowGaps}: gapless, as the ERP sets every series up. */
	private void series(String code, String description, String startingNo, @Nullable String endingNo, int step) {
		ObjectNode series = json(
				Map.of("code", code, "description", description, "startingNo", startingNo, "incrementBy", step));
		if (endingNo != null) {
			series.put("endingNo", endingNo);
		}
		tables.create(NumberSeriesTable.TABLE, series);
	}

	private void code(Table table, String code, String field, String text) {
		create(table, Map.of("code", code, field, text));
	}

	private void salesperson(String code, String name, String email, String phone) {
		create(SetupTableDefinitions.SALESPEOPLE, Map.of("code", code, "name", name, "email", email, "phoneNo", phone));
	}

	private void interaction(Table table, String code, String description, Map<DocumentType, @Nullable String> setup,
			DocumentType type) {
		create(table, Map.of("code", code, "description", description, "unitCostLcy", 0, "unitDurationMin", 5));
		setup.put(type, code);
	}

	private void create(Table table, Map<String, Object> values) {
		tables.create(table, json(values));
	}

	private static ObjectNode json(Map<String, Object> values) {
		ObjectNode json = JsonNodeFactory.instance.objectNode();
		values.forEach((field, value) -> {
			if (value instanceof String text) {
				json.put(field, text);
			}
			else if (value instanceof Boolean flag) {
				json.put(field, flag);
			}
			else if (value instanceof Integer number) {
				json.put(field, number);
			}
		});
		return json;
	}

}
