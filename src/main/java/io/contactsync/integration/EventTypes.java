package io.contactsync.integration;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.contactsync.platform.Actor;
import io.contactsync.platform.ChangeOrigin;
import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The event types the system publishes, found once among the typed events of the modules
 * (each a record around a {@link RecordChange}, named by kind), so that a subscription
 * naming a type that does not exist is refused instead of waiting forever.
 */
@Component
class EventTypes {

	private final Set<String> all;

	EventTypes() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(RecordEvent.class));
		Set<String> found = new TreeSet<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("io.contactsync")) {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), getClass().getClassLoader());
			for (RecordChange.Kind kind : RecordChange.Kind.values()) {
				found.add(instance(type, kind).eventType());
			}
		}
		this.all = Set.copyOf(found);
	}

	Set<String> all() {
		return all;
	}

	private static RecordEvent instance(Class<?> type, RecordChange.Kind kind) {
		try {
			var constructor = type.getDeclaredConstructor(RecordChange.class);
			constructor.setAccessible(true);
			return (RecordEvent) constructor.newInstance(
					new RecordChange("ANY", "1", kind, List.of(), Map.of(), new Actor(Actor.SYSTEM, ChangeOrigin.JOB)));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(type.getName() + " is a typed event without a constructor"
					+ " taking its RecordChange (docs/events.md)", ex);
		}
	}

}
