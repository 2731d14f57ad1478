package io.contactsync.platform.database;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionInterceptor;

/**
 * The application has one transaction manager, the data source's. Spring's transaction
 * interceptor still looks, on every call of a transactional method, for a
 * {@code @Qualifier} on the target's class that would name another one: a walk through
 * the class's annotations each time, about 4 % of the CPU of a request that creates or
 * changes a record (JFR under the benchmarks' load, bench/README.md), where a change
 * passes through a dozen transactional services. This swaps in the same interceptor
 * without that look-up; a qualifier on {@code @Transactional} itself would still select a
 * manager as before.
 */
@Configuration(proxyBeanMethods = false)
class OneTransactionManager {

	@Bean
	static InterceptorWithoutClassQualifiers transactionInterceptorWithoutClassQualifiers() {
		return new InterceptorWithoutClassQualifiers();
	}

	/**
	 * Replaces the interceptor Spring made with one configured alike. Ordered first, so
	 * that it is in place before the transaction advisor is made from the interceptor.
	 */
	static final class InterceptorWithoutClassQualifiers
			implements BeanPostProcessor, PriorityOrdered, BeanFactoryAware {

		private @Nullable BeanFactory beanFactory;

		@Override
		public void setBeanFactory(BeanFactory beanFactory) {
			this.beanFactory = beanFactory;
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
			if (!(bean instanceof TransactionInterceptor spring) || bean instanceof WithoutClassQualifiers) {
				return bean;
			}
			WithoutClassQualifiers interceptor = new WithoutClassQualifiers();
			interceptor.setTransactionAttributeSource(spring.getTransactionAttributeSource());
			TransactionManager manager = spring.getTransactionManager();
			if (manager != null) {
				interceptor.setTransactionManager(manager);
			}
			interceptor.setBeanFactory(beanFactory);
			interceptor.afterPropertiesSet();
			return interceptor;
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	/**
	 * Spring's interceptor, which no longer reads the target class's annotations per
	 * call.
	 */
	static final class WithoutClassQualifiers extends TransactionInterceptor {

		@Override
		protected @Nullable TransactionManager determineTransactionManager(@Nullable TransactionAttribute attribute,
				@Nullable Class<?> targetClass) {
			return super.determineTransactionManager(attribute, null);
		}

	}

}
