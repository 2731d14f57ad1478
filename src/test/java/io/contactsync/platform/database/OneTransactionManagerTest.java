package io.contactsync.platform.database;

import io.contactsync.customer.Customers;
import io.contactsync.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionInterceptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transaction interceptor the services run through is the one that skips the per-call
 * search for a class-level qualifier, and it still finds the data source's transaction
 * manager for a service class.
 */
class OneTransactionManagerTest extends ApiTest {

	@Autowired
	TransactionInterceptor interceptor;

	@Autowired
	PlatformTransactionManager manager;

	@Autowired
	Customers customers;

	@Test
	void theServicesRunThroughTheInterceptorWithoutClassQualifiers() {
		assertThat(interceptor).isInstanceOf(OneTransactionManager.WithoutClassQualifiers.class);
		assertThat(((Advised) customers).getAdvisors()).extracting(Advisor::getAdvice)
			.as("the advice a service proxy runs")
			.contains(interceptor);
		assertThat(((OneTransactionManager.WithoutClassQualifiers) interceptor)
			.determineTransactionManager(new DefaultTransactionAttribute(), AopUtils.getTargetClass(customers)))
			.isSameAs(manager);
	}

}
