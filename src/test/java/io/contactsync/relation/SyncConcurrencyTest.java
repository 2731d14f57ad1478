package io.contactsync.relation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several clients edit both sides of the same linked records at once, each retrying on
 * 412 as a client should: no request fails with a 5xx, none waits forever on another's
 * locks, and afterwards every record agrees with its contact.
 */
class SyncConcurrencyTest extends DemoCompanyApiTest {

	private static final List<String> FIELDS = List.of("city", "phoneNo", "address", "email");

	@Test
	void concurrentEditsOnBothSidesLeaveEveryPairInAgreement() throws Exception {
		JsonNode customer = customer("Samtidig AS");
		String contact = text(customer, "contactNo");
		String vendor = no(create("/api/v1/contacts/" + contact + "/create-vendor", Map.of()));
		String bank = no(create("/api/v1/contacts/" + contact + "/create-bank-account", Map.of()));
		List<String> paths = List.of("/api/v1/contacts/" + contact, "/api/v1/customers/" + no(customer),
				"/api/v1/vendors/" + vendor, "/api/v1/bank-accounts/" + bank);
		AtomicInteger serverErrors = new AtomicInteger();
		AtomicInteger conflicts = new AtomicInteger();
		AtomicInteger writes = new AtomicInteger();
		ExecutorService clients = Executors.newFixedThreadPool(6);
		List<Future<?>> done = new ArrayList<>();
		for (int c = 0; c < 6; c++) {
			long seed = c;
			done.add(clients.submit(() -> {
				Random random = new Random(seed);
				for (int i = 0; i < 25; i++) {
					String path = paths.get(random.nextInt(paths.size()));
					String field = FIELDS.get(random.nextInt(FIELDS.size()));
					String value = field.equals("email") ? "c" + seed + "n" + i + "@firma.no" : field.equals("phoneNo")
							? "+47 " + (20_000_000 + random.nextInt(1_000_000)) : field + " " + seed + "-" + i;
					for (int attempt = 0; attempt < 50; attempt++) {
						Api.Response read = admin().get(path);
						Api.Response patched = admin().ifMatch(read.version()).patch(path, Map.of(field, value));
						if (patched.status() >= 500 || read.status() >= 500) {
							serverErrors.incrementAndGet();
						}
						if (patched.status() == 412) {
							conflicts.incrementAndGet();
							continue;
						}
						assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
						writes.incrementAndGet();
						break;
					}
				}
				return null;
			}));
		}
		for (Future<?> client : done) {
			client.get();
		}
		clients.shutdown();

		System.out.printf("SyncConcurrencyTest: %d writes, %d conflicts retried, %d server errors%n", writes.get(),
				conflicts.get(), serverErrors.get());
		assertThat(serverErrors.get()).isZero();
		assertThat(writes.get()).isEqualTo(6 * 25);
		JsonNode contactNow = read(paths.get(0));
		for (String path : paths.subList(1, paths.size())) {
			JsonNode record = read(path);
			for (String field : FIELDS) {
				assertThat(record.get(field)).as(path + "." + field).isEqualTo(contactNow.get(field));
			}
		}
	}

}
