package io.contactsync.document;

import java.util.Arrays;
import java.util.Optional;

import io.contactsync.interaction.DocumentType;
import io.contactsync.setup.LinkedRecordType;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of document, with what tells them apart: their party, series, and what they
 * log.
 */
public enum DocumentKind {

	SALES_QUOTE("sales-quotes", Side.SALES, "salesQuoteNos", DocumentType.SALES_QUOTE, "Salgstilbud", "Sales quote"),
	SALES_ORDER("sales-orders", Side.SALES, "salesOrderNos", DocumentType.SALES_ORDER_CONFIRMATION, "Salgsordre",
			"Sales order"),
	SALES_BLANKET_ORDER("sales-blanket-orders", Side.SALES, "salesBlanketOrderNos", DocumentType.SALES_BLANKET_ORDER,
			"Rammeordre", "Blanket order"),
	PURCHASE_QUOTE("purchase-quotes", Side.PURCHASE, "purchaseQuoteNos", DocumentType.PURCHASE_QUOTE,
			"Innkjøpsforespørsel", "Purchase quote"),
	PURCHASE_ORDER("purchase-orders", Side.PURCHASE, "purchaseOrderNos", DocumentType.PURCHASE_ORDER, "Bestilling",
			"Purchase order"),
	PURCHASE_BLANKET_ORDER("purchase-blanket-orders", Side.PURCHASE, "purchaseBlanketOrderNos",
			DocumentType.PURCHASE_BLANKET_ORDER, "Rammebestilling", "Blanket purchase order"),
	SERVICE_ORDER("service-orders", Side.SERVICE, "serviceOrderNos", null, "Serviceordre", "Service order");

	/** Whose document it is: a customer's, a vendor's, or a customer's service. */
	enum Side {

		SALES, PURCHASE, SERVICE

	}

	private final String resource;

	private final Side side;

	private final String numberingField;

	private final @Nullable DocumentType printed;

	private final String norwegian;

	private final String english;

	DocumentKind(String resource, Side side, String numberingField, @Nullable DocumentType printed, String norwegian,
			String english) {
		this.resource = resource;
		this.side = side;
		this.numberingField = numberingField;
		this.printed = printed;
		this.norwegian = norwegian;
		this.english = english;
	}

	public static Optional<DocumentKind> ofResource(String resource) {
		return Arrays.stream(values()).filter(kind -> kind.resource.equals(resource)).findFirst();
	}

	public String resource() {
		return resource;
	}

	Side side() {
		return side;
	}

	String numberingField() {
		return numberingField;
	}

	/** What printing or sending it logs; service orders log when they are created. */
	public @Nullable DocumentType printed() {
		return printed;
	}

	public String title(boolean english) {
		return english ? this.english : norwegian;
	}

	/**
	 * What its printout is called. A sales order is the document the user keeps and
	 * changes; what the customer receives, on paper or by mail, is its confirmation, as
	 * in the ERP.
	 */
	String printTitle(boolean english) {
		if (this == SALES_ORDER) {
			return english ? "Order confirmation" : "Ordrebekreftelse";
		}
		return title(english);
	}

	public boolean isQuote() {
		return this == SALES_QUOTE || this == PURCHASE_QUOTE;
	}

	/** What its party's record is called in messages: "customer" or "vendor". */
	String partyWord() {
		return partyType() == LinkedRecordType.VENDOR ? "vendor" : "customer";
	}

	/** Whether an order is made from it: quotes and blanket orders. */
	boolean makesOrders() {
		return isQuote() || this == SALES_BLANKET_ORDER || this == PURCHASE_BLANKET_ORDER;
	}

	/**
	 * The kind of record its party is: customers for sales and service, vendors for
	 * purchases.
	 */
	LinkedRecordType partyType() {
		return side == Side.PURCHASE ? LinkedRecordType.VENDOR : LinkedRecordType.CUSTOMER;
	}

	/** The JSON names of its party fields. */
	public String contactField() {
		return switch (side) {
			case SALES -> "sellToContactNo";
			case PURCHASE -> "buyFromContactNo";
			case SERVICE -> "contactNo";
		};
	}

	public String recordField() {
		return switch (side) {
			case SALES -> "sellToCustomerNo";
			case PURCHASE -> "buyFromVendorNo";
			case SERVICE -> "customerNo";
		};
	}

	@Nullable String recordNameField() {
		return switch (side) {
			case SALES -> "sellToCustomerName";
			case PURCHASE -> "buyFromVendorName";
			case SERVICE -> null;
		};
	}

	public @Nullable String templateField() {
		return switch (this) {
			case SALES_QUOTE -> "customerTemplateCode";
			case PURCHASE_QUOTE -> "vendorTemplateCode";
			default -> null;
		};
	}

	String salespersonField() {
		return side == Side.PURCHASE ? "purchaserCode" : "salespersonCode";
	}

	/** The order a quote or blanket order becomes. */
	public DocumentKind orderKind() {
		return side == Side.PURCHASE ? PURCHASE_ORDER : SALES_ORDER;
	}

}
