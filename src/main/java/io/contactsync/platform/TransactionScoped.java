package io.contactsync.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values kept for one transaction: settings that one change consults many times
 * (marketing setup, the sync field map) as the sync carries it from record to record, and
 * the rows a table's writes returned. Outside a transaction nothing is kept; a change to
 * setup evicts what it changed; a rollback to a savepoint forgets everything.
 */
public final class TransactionScoped {

	private static final Object RESOURCE = TransactionScoped.class;

	private TransactionScoped() {
	}

	@SuppressWarnings("unchecked")
	public static <T> T get(Object key, Supplier<T> loader) {
		Map<Object, Object> values = values();
		if (values == null) {
			return loader.get();
		}
		Object value = values.get(key);
		if (value == null) {
			value = loader.get();
			values.put(key, value);
		}
		return (T) value;
	}

	public static void evict(Object key) {
		Map<Object, Object> values = values();
		if (values != null) {
			values.remove(key);
		}
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Map<Object, Object> values() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		Map<Object, Object> values = (Map<Object, Object>) TransactionSynchronizationManager.getResource(RESOURCE);
		if (values == null) {
			Map<Object, Object> created = new HashMap<>();
			TransactionSynchronizationManager.bindResource(RESOURCE, created);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				// A transaction of its own started inside (REQUIRES_NEW) keeps its own
				// values.
				@Override
				public void suspend() {
					TransactionSynchronizationManager.unbindResourceIfPossible(RESOURCE);
				}

				@Override
				public void resume() {
					TransactionSynchronizationManager.bindResource(RESOURCE, created);
				}

				// Work rolled back to a savepoint (a job's record done alone, a row of an
				// import) may have written what is kept: it is read again.
				@Override
				public void savepointRollback(Object savepoint) {
					created.clear();
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(RESOURCE);
				}
			});
			values = created;
		}
		return values;
	}

}
