package io.contactsync.relation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.contactsync.setup.LinkedRecordService;
import io.contactsync.setup.LinkedRecordType;

import org.springframework.stereotype.Component;

/** The services of the three linked record types, by type. */
@Component
class LinkedRecords {

	private final Map<LinkedRecordType, LinkedRecordService> services = new EnumMap<>(LinkedRecordType.class);

	LinkedRecords(List<LinkedRecordService> services) {
		services.forEach(service -> this.services.put(service.type(), service));
	}

	LinkedRecordService of(LinkedRecordType type) {
		return services.get(type);
	}

	static String title(LinkedRecordType type) {
		return switch (type) {
			case CUSTOMER -> "customer";
			case VENDOR -> "vendor";
			case BANK_ACCOUNT -> "bank account";
		};
	}

}
