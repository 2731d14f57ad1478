package io.contactsync.platform.database;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
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
 * the class's annotations each time, 4 % of the request threads' samples while P5 created
 * customers with their contacts (JFR, bench/README.md), where a creation passes through a
 * dozen transactional services. This swaps in the same interceptor without that look-up;
 * a qualifier on {@code @Transactional} itself would still select a manager as before.
 * With a second transaction manager defined, Spring's own interceptor stays.
 */
@Configuration(proxyBeanMethods = false)
class TransactionInterceptorConfiguration {

	@Bean
	static InterceptorSwap transactionInterceptorWithoutClassQualifiers() {
		return new InterceptorSwap();
	}

	/**
	 * Replaces the interceptor Spring made with one configured alike. Ordered first, so
	 * that it is in place before the transaction advisor is made from the interceptor.
	 */
	static final class InterceptorSwap
			implements BeanPostProcessor, PriorityOrdered, BeanFactoryAware, ApplicationEventPublisherAware {

		private @Nullable BeanFactory beanFactory;

		private @Nullable ApplicationEventPublisher events;

		@Override
		public void setBeanFactory(BeanFactory beanFactory) {
			this.beanFactory = beanFactory;
		}

		@Override
		public void setApplicationEventPublisher(ApplicationEventPublisher events) {
			this.events = events;
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
			// Spring's own, as made by @EnableTransactionManagement: attribute source and
			// manager, nothing else set that the copy would miss.
			if (bean.getClass() != TransactionInterceptor.class || !oneManager()) {
				return bean;
			}
			TransactionInterceptor spring = (TransactionInterceptor) bean;
			WithoutClassQualifiers interceptor = new WithoutClassQualifiers();
			interceptor.setTransactionAttributeSource(spring.getTransactionAttributeSource());
			TransactionManager manager = spring.getTransactionManager();
			if (manager != null) {
				interceptor.setTransactionManager(manager);
			}
			interceptor.setBeanFactory(beanFactory);
			if (events != null) {
				// for the rollback events Spring's interceptor publishes
				interceptor.setApplicationEventPublisher(events);
			}
			interceptor.afterPropertiesSet();
			return interceptor;
		}

		private boolean oneManager() {
			return beanFactory instanceof ListableBeanFactory beans
					&& beans.getBeanNamesForType(TransactionManager.class, true, false).length == 1;
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	/** The interceptor that no longer reads the target class's annotations per call. */
	static final class WithoutClassQualifiers extends TransactionInterceptor {

		@Override
		protected @Nullable TransactionManager determineTransactionManager(@Nullable TransactionAttribute attribute,
				@Nullable Class<?> targetClass) {
			return super.determineTransactionManager(attribute, null);
		}

	}

}
