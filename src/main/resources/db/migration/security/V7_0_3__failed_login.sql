-- Wrong passwords in a row, per user name and source address, shared by every instance: five
-- lock that name for that address only, so strangers elsewhere cannot lock a user out.
CREATE TABLE failed_login (
	username        varchar(200) NOT NULL,
	address         varchar(64) NOT NULL,
	failures        integer NOT NULL,
	locked_until    timestamptz NOT NULL,
	last_failure_at timestamptz NOT NULL,
	PRIMARY KEY (username, address)
);
CREATE INDEX failed_login_by_lock ON failed_login (locked_until);
