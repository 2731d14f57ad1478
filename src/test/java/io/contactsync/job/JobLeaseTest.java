package io.contactsync.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.zaxxer.hikari.HikariDataSource;
import io.contactsync.ContactSyncApplication;
import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A job runs on one instance at a time (docs/operations.md): a job whose instance died is
 * taken over once its lease ran out and resumes after its last committed page; a job
 * whose instance lives is left to it; a graceful stop hands the job back after a whole
 * page, and another instance finishes it with exact counts. The second instance is a
 * second application context on the same database.
 */
class JobLeaseTest extends DemoCompanyApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JobRunner runner;

	@Autowired
	JobLeases leases;

	@Autowired
	HikariDataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aJobOfADeadInstanceIsTakenOverAndResumesAfterItsLastCommittedPage() {
		String tag = customers("JD", 2500);
		long id = jdbc.sql("INSERT INTO job (type, status, no_from, no_to, total, processed, created, last_no,"
				+ " created_by, started_at, owner, lease_until) VALUES ('CREATE_CONTACTS_FROM_CUSTOMERS', 'RUNNING',"
				+ " ?, ?, 2500, 1000, 1000, ?, 'admin', now(), 'dead-instance', now() - interval '1 second')"
				+ " RETURNING id")
			.params(tag + "00001", tag + "02500", tag + "01000")
			.query(Long.class)
			.single();

		runner.wake();

		Map<String, Object> job = finished(id);
		assertThat(job.get("status")).isEqualTo("SUCCEEDED");
		assertThat(job.get("processed")).as("processed = total").isEqualTo(2500L);
		assertThat(job.get("created")).isEqualTo(2500L);
		assertThat(job.get("owner")).as("handed back when done").isNull();
		assertThat(linked(tag, tag + "01000")).as("the pages the dead instance committed are not done again").isZero();
		assertThat(linked(tag, tag + "02500")).isEqualTo(1500);
	}

	@Test
	void aJobWithALiveLeaseIsLeftToItsInstance() {
		String tag = customers("JL", 10);
		long held = jdbc
			.sql("INSERT INTO job (type, status, no_from, no_to, total, created_by, started_at, owner,"
					+ " lease_until) VALUES ('CREATE_CONTACTS_FROM_CUSTOMERS', 'RUNNING', ?, ?, 10, 'admin', now(),"
					+ " 'live-instance', now() + interval '1 hour') RETURNING id")
			.params(tag + "00001", tag + "00010")
			.query(Long.class)
			.single();
		try {
			Api.Response other = admin().post("/api/v1/jobs",
					Map.of("type", "CREATE_CONTACTS_FROM_VENDORS", "filter", Map.of("noFrom", tag, "noTo", tag)));
			assertThat(other.status()).as(other.toString()).isEqualTo(202);
			assertThat(finished(other.json().get("id").asLong()).get("status"))
				.as("this instance ran the jobs it could claim")
				.isEqualTo("SUCCEEDED");

			Map<String, Object> job = row(held);
			assertThat(job.get("owner")).isEqualTo("live-instance");
			assertThat(job.get("processed")).isEqualTo(0L);
			assertThat(linked(tag, tag + "00010")).isZero();
			JobLeases another = new JobLeases(jdbc, Duration.ofSeconds(30));
			Optional<Long> claimed = another.claimNext();
			try {
				assertThat(claimed).as("another instance cannot claim it either").isNotEqualTo(Optional.of(held));
			}
			finally {
				// What it claimed instead belongs to the running tests.
				claimed.ifPresent(another::handBack);
			}
		}
		finally {
			jdbc.sql("UPDATE job SET status = 'CANCELLED', owner = NULL, lease_until = NULL WHERE id = ?")
				.param(held)
				.update();
		}
	}

	@Test
	void aGracefulStopHandsTheJobBackAfterAWholePageAndAnotherInstanceFinishesIt(@TempDir Path dataDir) {
		String tag = customers("JG", 6000);
		long id;
		try (ConfigurableApplicationContext second = secondInstance(dataDir)) {
			int port = ((WebServerApplicationContext) second).getWebServer().getPort();
			Api.Response submitted = Api.anonymous(port)
				.as("admin", ADMIN_PASSWORD)
				.post("/api/v1/jobs", Map.of("type", "CREATE_CONTACTS_FROM_CUSTOMERS", "filter",
						Map.of("noFrom", tag + "00001", "noTo", tag + "06000")));
			assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
			id = submitted.json().get("id").asLong();
			String secondInstance = second.getBean(JobLeases.class).instance();
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(10))
				.until(() -> secondInstance.equals(row(id).get("owner")) && (Long) row(id).get("processed") > 0);
		}
		Map<String, Object> handedBack = row(id);
		assertThat((Long) handedBack.get("processed") % 1000).as("stopped after a whole page").isZero();
		assertThat(linked(tag, tag + "06000")).isEqualTo((Long) handedBack.get("created"));

		runner.wake();

		Map<String, Object> job = finished(id);
		assertThat(job.get("status")).isEqualTo("SUCCEEDED");
		assertThat(job.get("processed")).isEqualTo(6000L);
		assertThat(job.get("total")).isEqualTo(6000L);
		assertThat(job.get("created")).as("each contact made once, counted once").isEqualTo(6000L);
		assertThat(linked(tag, tag + "06000")).isEqualTo(6000);
		assertThat(jdbc.sql("SELECT count(*) FROM contact WHERE name LIKE ? || ' %'")
			.param("Leie " + tag)
			.query(Long.class)
			.single()).as("no contact made twice").isEqualTo(6000);
	}

	@Test
	void anInstanceRenewsOnlyItsOwnLeaseAndFindsOutWhenItsJobWasTakenOver() {
		long mine = finishedJobOwnedBy(leases.instance());
		long theirs = finishedJobOwnedBy("other-instance");

		leases.renew(mine);
		leases.renew(theirs);

		assertThat(leaseRunning(mine)).as("its own lease runs again").isTrue();
		assertThat(leaseRunning(theirs)).as("another's is left alone").isFalse();
		assertThat(leases.lockForPage(mine)).as("a page of its own job goes on").isPresent();
		assertThat(leases.lockForPage(theirs)).as("a page of a job taken over stops").isEmpty();
	}

	@Test
	void aPageThatTookItsTimeStillLeavesTheWholeLeaseFromItsCommit() {
		long mine = finishedJobOwnedBy(leases.instance());
		// a page of two seconds: the lease is renewed at its end, before it commits
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			jdbc.sql("SELECT pg_sleep(2)").query(String.class).list();
			leases.renewInPage(mine);
		});

		// the whole lease, less a moment; from the page's start it would be two seconds
		// less
		assertThat(jdbc
			.sql("SELECT lease_until > clock_timestamp() + ? * interval '1 millisecond' - interval '1 second'"
					+ " FROM job WHERE id = ?")
			.params(leases.lease().toMillis(), mine)
			.query(Boolean.class)
			.single()).as("the lease runs from the page's end").isTrue();
	}

	/** A finished job, so that no runner claims it, with an expired lease. */
	private long finishedJobOwnedBy(String owner) {
		return jdbc
			.sql("INSERT INTO job (type, status, created_by, owner, lease_until)"
					+ " VALUES ('CREATE_CONTACTS_FROM_VENDORS', 'SUCCEEDED', 'admin', ?, now() - interval '1 minute')"
					+ " RETURNING id")
			.param(owner)
			.query(Long.class)
			.single();
	}

	private boolean leaseRunning(long id) {
		return jdbc.sql("SELECT lease_until > now() FROM job WHERE id = ?").param(id).query(Boolean.class).single();
	}

	private ConfigurableApplicationContext secondInstance(Path dataDir) {
		// As arguments, so that they win over application.properties.
		return new SpringApplicationBuilder(ContactSyncApplication.class).run(
				"--spring.datasource.url=" + dataSource.getJdbcUrl(),
				"--spring.datasource.username=" + dataSource.getUsername(),
				"--spring.datasource.password=" + dataSource.getPassword(), "--contactsync.data-dir=" + dataDir,
				"--server.port=0", "--contactsync.admin-password=" + ADMIN_PASSWORD, "--spring.main.banner-mode=off",
				"--contactsync.jobs.poll-interval=1h",
				"--spring.modulith.events.republish-outstanding-events-on-restart=false");
	}

	/** Customers named {@code Leie <tag> <n>}, numbered {@code <tag>00001} on. */
	private String customers(String prefix, int count) {
		String tag = prefix + unique().substring(0, 5);
		jdbc.sql("INSERT INTO customer (no, name) SELECT ? || lpad(n::text, 5, '0'), 'Leie ' || ? || ' ' || n"
				+ " FROM generate_series(1, ?) AS n")
			.params(tag, tag, count)
			.update();
		return tag;
	}

	private long linked(String tag, String upTo) {
		return jdbc.sql("SELECT count(*) FROM customer WHERE no LIKE ? || '%' AND no <= ? AND contact_no IS NOT NULL")
			.params(tag, upTo)
			.query(Long.class)
			.single();
	}

	private Map<String, Object> finished(long id) {
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> !"RUNNING".equals(row(id).get("status")) && !"QUEUED".equals(row(id).get("status")));
		return row(id);
	}

	private Map<String, Object> row(long id) {
		return jdbc.sql("SELECT status, total, processed, created, owner FROM job WHERE id = ?")
			.param(id)
			.query()
			.singleRow();
	}

}
