package io.contactsync.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * P2: PATCH of one synced field (the phone) of a company contact linked to a customer, a
 * vendor and a bank account, over HTTP from 8 clients, each on a contact of its own;
 * against the same PATCH of unlinked company contacts, in the same run.
 */
final class PatchBench {

	static final int CLIENTS = 8;

	private PatchBench() {
	}

	static Figure run(Service service, BenchmarkSuiteTest.Size size) throws Exception {
		List<String> linked = new ArrayList<>();
		List<String> unlinked = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			linked.add(linkedCompany(service, "Lenket " + i + " AS"));
			unlinked.add(service.call("POST", "/api/v1/contacts", Map.of("name", "Frittstående " + i + " AS"))
				.get("no")
				.asString());
		}
		Duration warmUp = Duration.ofSeconds(Math.max(1, size.patchSeconds() / 3));
		Duration measured = Duration.ofSeconds(size.patchSeconds());
		service.printTopStatements("P2 before the PATCHes");
		Load.Result plain = Load.run(CLIENTS, warmUp, measured, (client, i) -> patch(service, unlinked.get(client), i));
		service.printTopStatements("P2 PATCH of unlinked contacts");
		Load.Result synced = Load.run(CLIENTS, warmUp, measured, (client, i) -> patch(service, linked.get(client), i));
		service.printTopStatements("P2 PATCH of linked contacts");
		return new Figure("P2", "PATCH phone of a contact linked 3 ways, 8 connections", synced.perSecond(),
				plain.perSecond(), "req/s", ">= 50 % of unlinked PATCH",
				"linked: " + synced + "; unlinked: " + plain + " (guide >= 1,000 req/s, p99 <= 20 ms)");
	}

	/** A company contact linked to a customer, a vendor and a bank account. */
	static String linkedCompany(Service service, String name) throws Exception {
		String contact = service.call("POST", "/api/v1/customers", Map.of("name", name))
			.get("contactNo")
			.asString();
		service.call("POST", "/api/v1/contacts/" + contact + "/create-vendor", Map.of());
		service.call("POST", "/api/v1/contacts/" + contact + "/create-bank-account", Map.of());
		return contact;
	}

	static HttpRequest patch(Service service, String contactNo, long i) {
		return service.request("/api/v1/contacts/" + contactNo)
			.header("If-Match", "*")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"phoneNo\":\"" + (10_000_000 + i) + "\"}"))
			.build();
	}

}
