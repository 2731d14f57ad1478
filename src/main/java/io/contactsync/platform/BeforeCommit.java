package io.contactsync.platform;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a transaction collects as it goes and writes at once just before it commits: the
 * change log's entries, the outbox's events. One statement at the commit instead of one
 * per change keeps the locks of a change held that much shorter, and what is written
 * still commits or rolls back with the change, a savepoint's part with the savepoint (an
 * import's row or run taken back leaves nothing in the change log or the outbox).
 */
public final class BeforeCommit {

	private BeforeCommit() {
	}

	/**
	 * The list this transaction collects for a writer, made the first time it is asked
	 * for; null outside a transaction, where the caller writes at once. A transaction
	 * started inside this one (suspending it) collects its own.
	 * @param writer who collects: one list per writer and transaction
	 * @param order when, among the transaction's work at the commit, the list is written
	 * (lower first); a refused write then rolls the whole transaction back
	 * @param write writes what was collected, in the transaction, before it commits
	 * @param committed runs once the transaction committed, if anything was collected
	 */
	public static <T> @Nullable List<T> collect(Object writer, int order, Consumer<List<T>> write, Runnable committed) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		// Kept with the transaction's other values (TransactionScoped), not found by
		// going through its synchronizations, which Spring sorts anew on every look.
		Collected<?> collected = TransactionScoped.get(new Key(writer), () -> {
			Collected<T> made = new Collected<>(order, write, committed);
			TransactionSynchronizationManager.registerSynchronization(made);
			return made;
		});
		@SuppressWarnings("unchecked")
		List<T> items = (List<T>) collected.items;
		return items;
	}

	/** A writer's list among the transaction's values. */
	private record Key(Object writer) {
	}

	private static final class Collected<T> implements TransactionSynchronization {

		private final int order;

		private final Consumer<List<T>> write;

		private final Runnable committed;

		private final List<T> items = new ArrayList<>();

		/** How many items there were when each savepoint made since was set. */
		private final Map<Object, Integer> atSavepoint = new IdentityHashMap<>();

		private Collected(int order, Consumer<List<T>> write, Runnable committed) {
			this.order = order;
			this.write = write;
			this.committed = committed;
		}

		@Override
		public void savepoint(Object savepoint) {
			atSavepoint.put(savepoint, items.size());
		}

		/**
		 * Drops what was collected since the savepoint; a savepoint set before the first
		 * item was collected (so unknown here) holds them all.
		 */
		@Override
		public void savepointRollback(Object savepoint) {
			Integer size = atSavepoint.get(savepoint);
			items.subList(size == null ? 0 : size, items.size()).clear();
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			if (!items.isEmpty()) {
				write.accept(items);
			}
		}

		@Override
		public void afterCommit() {
			if (!items.isEmpty()) {
				committed.run();
			}
		}

		@Override
		public int getOrder() {
			return order;
		}

	}

}
