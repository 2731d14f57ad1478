package io.contactsync.integration.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database deliver to each endpoint from one of them at a time: here
 * two lease holders of their own stand for the instances. The endpoints are placed far
 * beyond the feed's newest event, so this context's own dispatcher leaves them alone, and
 * the holders claim them as if that far was the newest.
 */
class EndpointLeasesTest extends DemoCompanyApiTest {

	private static final long FAR = Long.MAX_VALUE / 2;

	@Autowired
	JdbcClient jdbc;

	private final List<Long> endpoints = new ArrayList<>();

	@AfterEach
	void deleteTheEndpoints() {
		endpoints.forEach(id -> jdbc.sql("DELETE FROM webhook_endpoint WHERE id = ?").param(id).update());
	}

	private long endpoint() {
		Api.Response created = admin().post("/api/v1/webhooks",
				Map.of("url", "http://127.0.0.1:9/hook", "description", "lease " + unique()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		endpoints.add(id);
		jdbc.sql("UPDATE webhook_endpoint SET delivery_cursor = ? WHERE id = ?").params(FAR, id).update();
		return id;
	}

	private static List<Long> claim(EndpointLeases instance, Set<Long> mine) {
		List<Long> claimed = new ArrayList<>(instance.claimDue(Set.of(), 1000, FAR + 1));
		// Endpoints of other tests are let go of at once, for this context's dispatcher.
		claimed.stream().filter(id -> !mine.contains(id)).forEach(instance::release);
		claimed.retainAll(mine);
		return claimed;
	}

	@Test
	void anEndpointHeldByOneInstanceIsNotClaimedByAnotherUntilItsLeaseRanOut() {
		long id = endpoint();
		EndpointLeases first = new EndpointLeases(jdbc, Duration.ofMinutes(5));
		EndpointLeases second = new EndpointLeases(jdbc, Duration.ofMinutes(5));

		assertThat(claim(first, Set.of(id))).containsExactly(id);
		assertThat(claim(second, Set.of(id))).as("held by the first").isEmpty();
		assertThat(claim(first, Set.of(id))).as("its holder may claim it again").containsExactly(id);

		// The first instance died: its lease runs out.
		jdbc.sql("UPDATE webhook_endpoint SET lease_until = now() - interval '1 second' WHERE id = ?")
			.param(id)
			.update();
		assertThat(claim(second, Set.of(id))).as("taken over").containsExactly(id);
		assertThat(claim(first, Set.of(id))).isEmpty();

		second.release(id);
		assertThat(claim(first, Set.of(id))).as("let go of").containsExactly(id);
	}

	@Test
	void twoInstancesClaimingAtOnceNeverBothGetAnEndpoint() throws Exception {
		Set<Long> mine = new HashSet<>();
		for (int i = 0; i < 6; i++) {
			mine.add(endpoint());
		}
		EndpointLeases first = new EndpointLeases(jdbc, Duration.ofMinutes(5));
		EndpointLeases second = new EndpointLeases(jdbc, Duration.ofMinutes(5));
		CyclicBarrier together = new CyclicBarrier(2);

		CompletableFuture<List<Long>> byFirst = CompletableFuture.supplyAsync(() -> {
			await(together);
			return claim(first, mine);
		});
		CompletableFuture<List<Long>> bySecond = CompletableFuture.supplyAsync(() -> {
			await(together);
			return claim(second, mine);
		});

		List<Long> all = new ArrayList<>(byFirst.get());
		all.addAll(bySecond.get());
		assertThat(all).as("each endpoint claimed once")
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(mine);
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
