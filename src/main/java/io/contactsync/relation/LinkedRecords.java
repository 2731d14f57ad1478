package io.contactsync.relation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.contactsync.platform.Problems;
import io.contactsync.platform.Message;
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

	/** Customer, Kunde: what the reader calls the record type. */
	static Message title(LinkedRecordType type) {
		return Problems.kindName(type.name());
	}

	/** Customer K00010, Kunde K00010. */
	static Message named(LinkedRecordType type, String no) {
		return Message.of("detail.named", title(type), no);
	}

	/** Contact CT000010, Kontakt CT000010. */
	static Message contact(String no) {
		return Message.of("detail.named", Problems.kindName("CONTACT"), no);
	}

}
