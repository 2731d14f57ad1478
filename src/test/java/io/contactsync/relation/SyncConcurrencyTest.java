package io.contactsync.relation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/targets.md R1: clients send random PATCHes to both sides of linked
 * contact–customer pairs at once, each with {@code If-Match} and retrying on 412 as a
 * client should. Afterwards every pair agrees on every synced field; every write that was
 * answered 2xx moved its record's version by exactly one, no two of them claim the same
 * version of a record (so none was lost to another), and each is in the change log with
 * the value it wrote; no request got a 5xx.
 * <p>
 * {@code -Dr1.clients=16 -Dr1.pairs=100 -Dr1.seconds=60} are the full size; the build
 * runs it for fewer seconds.
 */
@Tag("quality")
class SyncConcurrencyTest extends DemoCompanyApiTest {

	private static final int CLIENTS = Integer.getInteger("r1.clients", 16);

	private static final int PAIRS = Integer.getInteger("r1.pairs", 100);

	private static final int SECONDS = Integer.getInteger("r1.seconds", 60);

	private static final List<String> FIELDS = List.of("city", "phoneNo", "address", "email");

	/** A write answered 2xx: where, what, and the versions before and after. */
	record Write(String path, String field, String value, long before, long after) {
	}

	@Test
	void concurrentEditsOnBothSidesLeaveEveryPairInAgreementAndLoseNoWrite() throws Exception {
		List<String[]> pairs = new ArrayList<>();
		for (int i = 0; i < PAIRS; i++) {
			JsonNode customer = customer("Samtidig " + i + " AS");
			pairs.add(new String[] { "/api/v1/contacts/" + text(customer, "contactNo"),
					"/api/v1/customers/" + no(customer) });
		}
		AtomicInteger requests = new AtomicInteger();
		AtomicInteger conflicts = new AtomicInteger();
		ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
		long endAt = System.nanoTime() + SECONDS * 1_000_000_000L;
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		List<Future<?>> done = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			int client = c;
			done.add(clients.submit(() -> {
				Random random = new Random(client);
				Api api = admin();
				for (int i = 0; System.nanoTime() < endAt; i++) {
					String[] pair = pairs.get(random.nextInt(pairs.size()));
					String path = pair[random.nextInt(2)];
					String field = FIELDS.get(random.nextInt(FIELDS.size()));
					String value = value(field, client, i);
					for (int attempt = 0; attempt < 100; attempt++) {
						Api.Response read = api.get(path);
						Api.Response patched = api.ifMatch(read.version()).patch(path, Map.of(field, value));
						requests.addAndGet(2);
						if (read.status() >= 500 || patched.status() >= 500) {
							serverErrors.add(path + " " + read.status() + " " + patched);
							break;
						}
						if (patched.status() == 412) {
							conflicts.incrementAndGet();
							continue;
						}
						assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
						writes.add(new Write(path, field, value, read.version(), patched.version()));
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

		List<String> divergent = new ArrayList<>();
		for (String[] pair : pairs) {
			JsonNode contact = read(pair[0]);
			JsonNode customer = read(pair[1]);
			for (String field : FIELDS) {
				if (!contact.get(field).equals(customer.get(field))) {
					divergent.add(pair[0] + " / " + pair[1] + " " + field + ": " + contact.get(field) + " vs "
							+ customer.get(field));
				}
			}
		}
		List<String> lost = lostWrites(writes);
		System.out.printf(
				"SyncConcurrencyTest (R1): %d clients, %d pairs, %d s: %d requests, %d writes, %d conflicts"
						+ " retried, %d server errors, %d divergent pairs, %d lost writes%n",
				CLIENTS, PAIRS, SECONDS, requests.get(), writes.size(), conflicts.get(), serverErrors.size(),
				divergent.size(), lost.size());
		assertThat(serverErrors).isEmpty();
		assertThat(divergent).isEmpty();
		assertThat(lost).isEmpty();
		assertThat(writes).as("the clients got writes through").hasSizeGreaterThan(CLIENTS);
	}

	/**
	 * Writes that did not move their record by exactly one version, that claim a version
	 * another write claims too, or whose value the change log does not hold.
	 */
	private List<String> lostWrites(Iterable<Write> writes) {
		List<String> lost = new ArrayList<>();
		Map<String, Set<Long>> versions = new HashMap<>();
		Map<String, Set<String>> logged = new ConcurrentHashMap<>();
		for (Write write : writes) {
			if (write.after() != write.before() + 1) {
				lost.add(write + ": the version moved by " + (write.after() - write.before()));
			}
			if (!versions.computeIfAbsent(write.path(), p -> new HashSet<>()).add(write.after())) {
				lost.add(write + ": another write was answered with the same version");
			}
			Set<String> values = logged.computeIfAbsent(write.path(), this::loggedValues);
			if (!values.contains(write.field() + "=" + write.value())) {
				lost.add(write + ": not in the change log");
			}
		}
		return lost;
	}

	/** Each field=newValue the change log holds for a record, from every origin. */
	private Set<String> loggedValues(String path) {
		String[] parts = path.split("/");
		String type = parts[3].equals("contacts") ? "CONTACT" : "CUSTOMER";
		Set<String> values = new HashSet<>();
		String cursor = null;
		do {
			JsonNode page = admin()
				.get("/api/v1/change-log?recordType=" + type + "&no=" + parts[4] + "&limit=1000"
						+ ((cursor == null) ? "" : "&cursor=" + cursor))
				.json();
			page.get("items")
				.forEach(entry -> values.add(entry.get("field").asString() + "=" + entry.get("newValue").asString("")));
			cursor = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (cursor != null);
		return values;
	}

	private static String value(String field, int client, int i) {
		return switch (field) {
			case "email" -> "c" + client + "n" + i + "@firma.no";
			case "phoneNo" -> "+47 " + (20_000_000 + client * 100_000 + i % 100_000);
			default -> field + " " + client + "-" + i;
		};
	}

}
