package io.contactsync.platform.database;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.contactsync.platform.ContactSyncProperties;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL in the background as soon as the application's beans are
 * defined, so that the server comes up (some 0.8 s on a second start) while the rest of
 * the application is built instead of before it. It owns the server and stops it when the
 * application closes, also when the application failed to start before using it.
 */
class EmbeddedPostgresStart implements BeanFactoryPostProcessor, DisposableBean {

	private final Environment environment;

	private volatile CompletableFuture<EmbeddedPostgresServer> server;

	EmbeddedPostgresStart(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		start();
	}

	/** The server, once it is up; a failed start is thrown here. */
	EmbeddedPostgresServer server() {
		try {
			return start().join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private synchronized CompletableFuture<EmbeddedPostgresServer> start() {
		if (server == null) {
			// Bound here: no bean has its properties bound yet.
			ContactSyncProperties properties = Binder.get(environment)
				.bindOrCreate("contactsync", ContactSyncProperties.class);
			server = CompletableFuture.supplyAsync(() -> EmbeddedPostgresServer
				.start(properties.dataDirectory().resolve("postgres"), true, properties.embeddedSettings()),
					runnable -> {
						Thread thread = new Thread(runnable, "embedded-postgres-start");
						thread.setDaemon(true);
						thread.start();
					});
		}
		return server;
	}

	@Override
	public void destroy() {
		CompletableFuture<EmbeddedPostgresServer> started = server;
		if (started != null) {
			started.thenAccept(EmbeddedPostgresServer::close).exceptionally(failed -> null).join();
		}
	}

}
