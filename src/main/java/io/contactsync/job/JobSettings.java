package io.contactsync.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How batch jobs run ({@code contactsync.jobs.*}; docs/operations.md, "Jobs on many
 * instances").
 *
 * @param lease how long an instance holds the job it runs without renewing it; a job
 * whose instance died is taken over by another once this ran out
 * @param pollInterval how often an instance renews its lease and looks for jobs nobody
 * runs; at most a third of the lease is used
 * @param pageSize how many records one transaction of a job does
 */
@ConfigurationProperties("contactsync.jobs")
record JobSettings(@DefaultValue("30s") Duration lease, @DefaultValue("5s") Duration pollInterval,
		@DefaultValue("1000") int pageSize) {

	JobSettings {
		if (lease.isNegative() || lease.isZero() || pollInterval.isNegative() || pollInterval.isZero()
				|| pageSize < 1) {
			throw new IllegalArgumentException(
					"contactsync.jobs.lease and poll-interval must be longer than 0, page-size at least 1");
		}
	}

}
