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
 * client should, to every kind of synced field: text, the name (which also reaches the
 * customer's primary contact name), and codes. Afterwards every pair agrees on every
 * synced field; every write that was answered 2xx moved its record's version by exactly
 * one, no two of them claim the same version of a record (so none was lost to another),
 * and each is in the change log with the value it wrote, on its own side and, carried by
 * the sync, on the other; and each side's version is its first one plus the writes to
 * either side, so no write moved the other side by more or less than one. No request got
 * a 5xx.
 * <p>
 * {@code -Dr1.clients=16 -Dr1.pairs=100 -Dr1.seconds=60} are the full size; the build
 * runs it for fewer seconds.
 */
@Tag("quality")
class SyncConcurrencyTest extends DemoCompanyApiTest {

	private static final int CLIENTS = Integer.getInteger("r1.clients", 16);

	private static final int PAIRS = Integer.getInteger("r1.pairs", 100);

	private static final int SECONDS = Integer.getInteger("r1.seconds", 60);

	private static final List<String> FIELDS = List.of("city", "phoneNo", "address", "email", "name", "territoryCode",
			"currencyCode");

	/** Codes the demo company has. */
	private static final Map<String, List<String>> CODES = Map.of("territoryCode", List.of("OSLO", "VEST", "NORD"),
			"currencyCode", List.of("EUR", "SEK", "USD"));

	/** A write answered 2xx: where, what, and the versions before and after. */
	record Write(String path, String field, String value, long before, long after) {
	}

	@Test
	void concurrentEditsOnBothSidesLeaveEveryPairInAgreementAndLoseNoWrite() throws Exception {
		List<String[]> pairs = new ArrayList<>();
		Map<String, Long> initial = new HashMap<>();
		for (int i = 0; i < PAIRS; i++) {
			JsonNode customer = customer("Samtidig " + i + " AS");
			String[] pair = { "/api/v1/contacts/" + text(customer, "contactNo"), "/api/v1/customers/" + no(customer) };
			pairs.add(pair);
			initial.put(pair[0], read(pair[0]).get("version").asLong());
			initial.put(pair[1], read(pair[1]).get("version").asLong());
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
					for (int attempt = 0; attempt < 100; attempt++) {
						Api.Response read = api.get(path);
						String value = value(field, client, i, read.json().get(field), random);
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
		List<String> lost = lostWrites(writes, pairs);
		lost.addAll(versionsNotCounted(writes, pairs, initial));
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
	private List<String> lostWrites(Iterable<Write> writes, List<String[]> pairs) {
		Map<String, String> partner = new HashMap<>();
		pairs.forEach(pair -> {
			partner.put(pair[0], pair[1]);
			partner.put(pair[1], pair[0]);
		});
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
			Set<String> carried = logged.computeIfAbsent(partner.get(write.path()), this::loggedValues);
			if (!carried.contains("SYNC " + write.field() + "=" + write.value())) {
				lost.add(write + ": not carried to " + partner.get(write.path()) + " by the sync");
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
			page.get("items").forEach(entry -> {
				String value = entry.get("field").asString() + "=" + entry.get("newValue").asString("");
				values.add(value);
				values.add(entry.get("origin").asString() + " " + value);
			});
			cursor = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (cursor != null);
		return values;
	}

	/**
	 * Each side's version is its first one plus one for every write to it and one for
	 * every write to its partner, which the sync carried to it as one change.
	 */
	private List<String> versionsNotCounted(Iterable<Write> writes, List<String[]> pairs, Map<String, Long> initial) {
		Map<String, Long> written = new HashMap<>();
		writes.forEach(write -> written.merge(write.path(), 1L, Long::sum));
		List<String> wrong = new ArrayList<>();
		for (String[] pair : pairs) {
			long both = written.getOrDefault(pair[0], 0L) + written.getOrDefault(pair[1], 0L);
			for (String side : pair) {
				long version = read(side).get("version").asLong();
				if (version != initial.get(side) + both) {
					wrong.add(side + ": version " + version + ", expected " + initial.get(side) + " + " + both
							+ " writes to the pair");
				}
			}
		}
		return wrong;
	}

	/**
	 * A new value for the field: never the one it has, so that every write changes it.
	 */
	private static String value(String field, int client, int i, JsonNode current, Random random) {
		if (CODES.containsKey(field)) {
			List<String> others = CODES.get(field)
				.stream()
				.filter(code -> current == null || current.isNull() || !code.equals(current.asString()))
				.toList();
			return others.get(random.nextInt(others.size()));
		}
		return switch (field) {
			case "name" -> "Samtidig " + client + "-" + i + " AS";
			case "email" -> "c" + client + "n" + i + "@firma.no";
			case "phoneNo" -> "+47 " + (20_000_000 + client * 100_000 + i % 100_000);
			default -> field + " " + client + "-" + i;
		};
	}

}
