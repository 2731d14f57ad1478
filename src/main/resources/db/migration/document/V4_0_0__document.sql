-- Sales and purchase quotes, orders and blanket orders, and service orders: one table, the
-- kind telling which. The party is a contact and, on the sales side, a customer, on the
-- purchase side a vendor.
CREATE TABLE document (
	kind             varchar(30) NOT NULL CONSTRAINT document_kind_valid CHECK (kind IN ('SALES_QUOTE', 'SALES_ORDER',
		'SALES_BLANKET_ORDER', 'PURCHASE_QUOTE', 'PURCHASE_ORDER', 'PURCHASE_BLANKET_ORDER', 'SERVICE_ORDER')),
	no               varchar(20) NOT NULL CONSTRAINT document_no_upper CHECK (no = upper(no) AND no <> ''),
	document_date    date NOT NULL,
	contact_no       varchar(20) REFERENCES contact (no),
	customer_no      varchar(20) REFERENCES customer (no),
	vendor_no        varchar(20) REFERENCES vendor (no),
	party_name       varchar(100) NOT NULL DEFAULT '',
	template_code    varchar(10),
	salesperson_code varchar(20) REFERENCES salesperson (code),
	currency_code    varchar(10) REFERENCES currency (code),
	description      varchar(100) NOT NULL DEFAULT '',
	status           varchar(10) NOT NULL DEFAULT 'OPEN' CONSTRAINT document_status_valid CHECK (status IN ('OPEN', 'RELEASED')),
	quote_no         varchar(20),
	version          bigint NOT NULL DEFAULT 1,
	last_modified_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (kind, no),
	CONSTRAINT document_sales_party CHECK (kind NOT LIKE 'SALES%' OR vendor_no IS NULL),
	CONSTRAINT document_purchase_party CHECK (kind NOT LIKE 'PURCHASE%' OR customer_no IS NULL),
	-- Orders need their customer or vendor; service orders their customer.
	CONSTRAINT document_order_has_customer CHECK (kind NOT IN ('SALES_ORDER', 'SALES_BLANKET_ORDER', 'SERVICE_ORDER')
		OR customer_no IS NOT NULL),
	CONSTRAINT document_order_has_vendor CHECK (kind NOT IN ('PURCHASE_ORDER', 'PURCHASE_BLANKET_ORDER')
		OR vendor_no IS NOT NULL)
);
CREATE INDEX document_by_contact ON document (contact_no);
CREATE INDEX document_by_customer ON document (customer_no);
CREATE INDEX document_by_vendor ON document (vendor_no);

CREATE TABLE document_line (
	kind        varchar(30) NOT NULL,
	no          varchar(20) NOT NULL,
	line_no     integer NOT NULL CONSTRAINT document_line_no_positive CHECK (line_no > 0),
	description varchar(100) NOT NULL DEFAULT '',
	quantity    numeric(20, 5) NOT NULL DEFAULT 0,
	unit_price  numeric(20, 5) NOT NULL DEFAULT 0 CONSTRAINT document_line_price_positive CHECK (unit_price >= 0),
	PRIMARY KEY (kind, no, line_no),
	FOREIGN KEY (kind, no) REFERENCES document (kind, no) ON DELETE CASCADE ON UPDATE CASCADE
);
