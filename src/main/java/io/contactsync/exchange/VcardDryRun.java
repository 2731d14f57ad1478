package io.contactsync.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import io.contactsync.contact.Contacts;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.FieldError;
import io.contactsync.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dry run of a vCard import: what each card would do to the contacts, and nothing
 * written. A card whose {@code UID} names a contact of ours ({@code
 * urn:contactsync:contact:<no>}) would update it; any other card would create a contact.
 * Each card is rehearsed as the write it stands for, through the contacts' own service
 * (every rule, the sync and the checks of codes), in a transaction of its own that is
 * always rolled back; so the answer is what the import would really do: created, updated
 * with the fields that would change (old → new), unchanged, or refused with the problem's
 * code and the fields at fault.
 */
@Component
class VcardDryRun {

	/** Fields that every write moves, which tell nothing of what a card changes. */
	private static final Set<String> BOOKKEEPING = Set.of("version", "lastModifiedAt");

	enum Action {

		CREATE, UPDATE, UNCHANGED, ERROR

	}

	record Change(String field, @Nullable JsonNode old, @Nullable JsonNode value) {
	}

	/**
	 * @param card the card's place in the file, from 1
	 * @param no the contact it would update; none for a creation or an error
	 */
	record Result(int card, Action action, @Nullable String no, String name, List<Change> changes,
			@Nullable String code, List<Said> errors) {
	}

	/** One thing wrong with a card, said in the language of the request. */
	record Said(String field, String message) {
	}

	private final Contacts contacts;

	private final TransactionTemplate transactions;

	private final MessageSource messages;

	VcardDryRun(Contacts contacts, PlatformTransactionManager transactionManager, MessageSource messages) {
		this.contacts = contacts;
		this.messages = messages;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** Every card of a {@code .vcf} file, in order. */
	List<Result> run(String vcf) {
		List<VCard> cards = Ezvcard.parse(vcf).all();
		List<Result> results = new ArrayList<>(cards.size());
		for (int i = 0; i < cards.size(); i++) {
			results.add(rehearse(i + 1, cards.get(i)));
		}
		return results;
	}

	private Result rehearse(int number, VCard card) {
		Map<String, String> values = CardValues.of(card);
		String name = values.getOrDefault("name", "");
		Optional<String> no = CardValues.contactNo(card).filter(found -> contacts.find(found).isPresent());
		try {
			Result result = transactions.execute(status -> {
				status.setRollbackOnly();
				return no.isPresent() ? update(number, no.get(), name, values) : create(number, name, card, values);
			});
			if (result == null) {
				throw new IllegalStateException("A rehearsal answered nothing");
			}
			return result;
		}
		catch (ProblemException ex) {
			List<FieldError> errors = ex.errors().isEmpty() ? List.of(new FieldError("", ex.detail())) : ex.errors();
			List<Said> said = errors.stream()
				.map(error -> new Said(error.field(),
						messages.getMessage(error.message(), LocaleContextHolder.getLocale())))
				.toList();
			return new Result(number, Action.ERROR, null, name, List.of(), ex.code(), said);
		}
	}

	private Result update(int number, String no, String name, Map<String, String> values) {
		ObjectNode before = contacts.json(contacts.get(no));
		ObjectNode patch = JsonNodeFactory.instance.objectNode();
		values.forEach((field, value) -> {
			JsonNode current = before.get(field);
			String now = current == null || current.isNull() ? "" : current.asString();
			boolean same = field.equals("email") ? addresses(now).equals(addresses(value)) : now.equals(value);
			if (!same) {
				patch.put(field, value);
			}
		});
		if (patch.isEmpty()) {
			return new Result(number, Action.UNCHANGED, no, name, List.of(), null, List.of());
		}
		ObjectNode after = contacts.json(contacts.patch(no, ExpectedVersion.any(), patch));
		List<Change> changes = new ArrayList<>();
		before.properties().forEach(field -> {
			JsonNode now = after.get(field.getKey());
			if (!BOOKKEEPING.contains(field.getKey()) && !field.getValue().equals(now)) {
				changes.add(new Change(field.getKey(), field.getValue(), now));
			}
		});
		return new Result(number, changes.isEmpty() ? Action.UNCHANGED : Action.UPDATE, no, name, changes, null,
				List.of());
	}

	private Result create(int number, String name, VCard card, Map<String, String> values) {
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		body.put("type", CardValues.isPerson(card) ? "PERSON" : "COMPANY");
		values.forEach(body::put);
		ObjectNode created = contacts.json(contacts.create(body));
		Map<String, JsonNode> given = new LinkedHashMap<>();
		body.properties().forEach(field -> given.put(field.getKey(), created.get(field.getKey())));
		List<Change> changes = given.entrySet()
			.stream()
			.map(field -> new Change(field.getKey(), null, field.getValue()))
			.toList();
		return new Result(number, Action.CREATE, null, name, changes, null, List.of());
	}

	/**
	 * The addresses of an e-mail field, as a set: "a@x.no;b@x.no" is "b@x.no; a@x.no".
	 */
	private static Set<String> addresses(String emails) {
		return Arrays.stream(emails.split(";"))
			.map(email -> email.strip().toLowerCase(Locale.ROOT))
			.filter(email -> !email.isEmpty())
			.collect(Collectors.toSet());
	}

}
