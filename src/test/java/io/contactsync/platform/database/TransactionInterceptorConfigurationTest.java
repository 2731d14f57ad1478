package io.contactsync.platform.database;

import io.contactsync.customer.Customers;
import io.contactsync.platform.Problems;
import io.contactsync.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.interceptor.MethodRollbackEvent;
import org.springframework.transaction.interceptor.TransactionInterceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The transaction interceptor the services run through is the one that skips the per-call
 * search for a class-level qualifier: it finds the data source's transaction manager for
 * a service class, and does what Spring's own does besides.
 */
@RecordApplicationEvents
class TransactionInterceptorConfigurationTest extends ApiTest {

	@Autowired
	TransactionInterceptor interceptor;

	@Autowired
	PlatformTransactionManager manager;

	@Autowired
	Customers customers;

	@Autowired
	ApplicationEvents events;

	@Test
	void theServicesRunThroughTheInterceptorWithoutClassQualifiers() {
		assertThat(interceptor).isInstanceOf(TransactionInterceptorConfiguration.WithoutClassQualifiers.class);
		assertThat(((Advised) customers).getAdvisors()).extracting(Advisor::getAdvice)
			.as("the advice a service proxy runs")
			.contains(interceptor);
		assertThat(((TransactionInterceptorConfiguration.WithoutClassQualifiers) interceptor)
			.determineTransactionManager(new DefaultTransactionAttribute(), AopUtils.getTargetClass(customers)))
			.isSameAs(manager);
	}

	@Test
	void aTransactionRolledBackIsStillAnnounced() {
		assertThatExceptionOfType(Problems.NotFound.class).isThrownBy(() -> customers.get("NOSUCH"));

		assertThat(events.stream(MethodRollbackEvent.class))
			.anySatisfy(rollback -> assertThat(rollback.getFailure()).isInstanceOf(Problems.NotFound.class));
	}

}
