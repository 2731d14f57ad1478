package io.contactsync.support;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record a test creates through the API, described in the words of the domain:
 * {@code aCompany().named("Aker Maskin AS").inCity("Oslo")},
 * {@code aPerson().named("Kari Nordmann").workingFor(companyNo)},
 * {@code aCustomer().named("Havblikk AS").withPhone("+47 55 00 11 22")}. Only what a test
 * states is sent; everything else is left to the application, as a client would leave it.
 * Each step returns a new description, so a common one can be shared and varied.
 */
public final class NewRecord {

	private final String path;

	private final Map<String, Object> fields;

	private NewRecord(String path, Map<String, Object> fields) {
		this.path = path;
		this.fields = fields;
	}

	/** A company contact. */
	public static NewRecord aCompany() {
		return new NewRecord("/api/v1/contacts", Map.of()).with("type", "COMPANY").named("Testfirma AS");
	}

	/** A person contact, on its own until it is said to work for a company. */
	public static NewRecord aPerson() {
		return new NewRecord("/api/v1/contacts", Map.of()).with("type", "PERSON").named("Kari Nordmann");
	}

	/** A customer that is a company, as customers are unless said otherwise. */
	public static NewRecord aCustomer() {
		return new NewRecord("/api/v1/customers", Map.of()).named("Testkunde AS");
	}

	/** A customer in its own right that is a person, not a company. */
	public static NewRecord aPersonCustomer() {
		return aCustomer().with("contactType", "PERSON").named("Ola Privat");
	}

	public static NewRecord aVendor() {
		return new NewRecord("/api/v1/vendors", Map.of()).named("Testleverandør AS");
	}

	public static NewRecord aBankAccount() {
		return new NewRecord("/api/v1/bank-accounts", Map.of()).named("Testbanken");
	}

	public NewRecord named(String name) {
		return with("name", name);
	}

	/** A person of the company contact with this number. */
	public NewRecord workingFor(String companyNo) {
		return with("companyNo", companyNo);
	}

	public NewRecord inCity(String city) {
		return with("city", city);
	}

	public NewRecord atAddress(String address) {
		return with("address", address);
	}

	public NewRecord withPostCode(String postCode) {
		return with("postCode", postCode);
	}

	public NewRecord withPhone(String phoneNo) {
		return with("phoneNo", phoneNo);
	}

	public NewRecord withEmail(String email) {
		return with("email", email);
	}

	public NewRecord withVatRegistrationNo(String vatRegistrationNo) {
		return with("vatRegistrationNo", vatRegistrationNo);
	}

	/** The salesperson of a contact or customer. */
	public NewRecord soldBy(String salespersonCode) {
		return with("salespersonCode", salespersonCode);
	}

	/** The purchaser of a vendor, who is its own and never shared with the contact. */
	public NewRecord boughtFromBy(String purchaserCode) {
		return with("purchaserCode", purchaserCode);
	}

	/** The name of the person to talk to at a customer or vendor. */
	public NewRecord withContactPerson(String name) {
		return with("contact", name);
	}

	public NewRecord withIban(String iban) {
		return with("iban", iban);
	}

	/** Any other field, by its JSON name, for what has no word here yet. */
	public NewRecord with(String field, Object value) {
		Map<String, Object> more = new LinkedHashMap<>(fields);
		more.put(field, value);
		return new NewRecord(path, Collections.unmodifiableMap(more));
	}

	/** Where the record is created. */
	public String path() {
		return path;
	}

	/** The body of the create request. */
	public Map<String, Object> body() {
		return fields;
	}

	@Override
	public String toString() {
		return "POST " + path + " " + fields;
	}

}
