CREATE TABLE interaction_template (
	code              varchar(10) PRIMARY KEY CONSTRAINT interaction_template_code_upper CHECK (code = upper(code)),
	description       varchar(100) NOT NULL DEFAULT '',
	information_flow  varchar(10) NOT NULL DEFAULT 'OUTBOUND'
		CONSTRAINT interaction_template_flow_valid CHECK (information_flow IN ('OUTBOUND', 'INBOUND')),
	initiated_by      varchar(10) NOT NULL DEFAULT 'US'
		CONSTRAINT interaction_template_initiated_by_valid CHECK (initiated_by IN ('US', 'THEM')),
	unit_cost_lcy     numeric(20, 5) NOT NULL DEFAULT 0 CONSTRAINT interaction_template_cost_positive CHECK (unit_cost_lcy >= 0),
	unit_duration_min numeric(20, 5) NOT NULL DEFAULT 0
		CONSTRAINT interaction_template_duration_positive CHECK (unit_duration_min >= 0),
	version           bigint NOT NULL DEFAULT 1
);

-- Which interaction template is logged for each kind of document or action.
CREATE TABLE interaction_template_setup (
	document_type varchar(30) PRIMARY KEY CONSTRAINT interaction_template_setup_type_valid CHECK (document_type IN (
		'SALES_QUOTE', 'SALES_ORDER_CONFIRMATION', 'SALES_BLANKET_ORDER', 'SALES_INVOICE', 'SALES_CREDIT_MEMO',
		'SALES_SHIPMENT_NOTE', 'PURCHASE_QUOTE', 'PURCHASE_ORDER', 'PURCHASE_BLANKET_ORDER', 'PURCHASE_INVOICE',
		'PURCHASE_CREDIT_MEMO', 'SERVICE_ORDER_CREATE', 'SERVICE_ORDER_POST', 'EMAIL', 'COVER_SHEET',
		'OUTGOING_CALL', 'MEETING_INVITATION')),
	template_code varchar(10) NOT NULL REFERENCES interaction_template (code)
);
