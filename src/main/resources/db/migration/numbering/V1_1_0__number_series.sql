CREATE TABLE number_series (
	code          varchar(20) PRIMARY KEY CONSTRAINT number_series_code_upper CHECK (code = upper(code)),
	description   varchar(100) NOT NULL DEFAULT '',
	starting_no   varchar(20) NOT NULL CONSTRAINT number_series_starting_no_has_digits CHECK (starting_no ~ '[0-9]'),
	ending_no     varchar(20) CONSTRAINT number_series_ending_no_has_digits CHECK (ending_no ~ '[0-9]'),
	increment_by  integer NOT NULL DEFAULT 1 CONSTRAINT number_series_increment_positive CHECK (increment_by >= 1),
	last_no_used  varchar(20) CONSTRAINT number_series_last_no_has_digits CHECK (last_no_used ~ '[0-9]'),
	manual_nos    boolean NOT NULL DEFAULT false,
	default_nos   boolean NOT NULL DEFAULT true,
	version       bigint NOT NULL DEFAULT 1
);
