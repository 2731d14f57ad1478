CREATE TABLE app_user (
	username      varchar(50) PRIMARY KEY CONSTRAINT app_user_username_valid CHECK (username ~ '^[a-z0-9._-]+$'),
	password_hash varchar(200) NOT NULL,
	enabled       boolean NOT NULL DEFAULT true,
	created_at    timestamptz NOT NULL DEFAULT now(),
	created_by    varchar(50) NOT NULL,
	updated_at    timestamptz NOT NULL DEFAULT now(),
	updated_by    varchar(50) NOT NULL,
	version       bigint NOT NULL DEFAULT 1
);
CREATE TABLE app_user_role (
	username varchar(50) NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
	role     varchar(20) NOT NULL
		CONSTRAINT app_user_role_valid CHECK (role IN ('ADMIN', 'SALES', 'PURCHASING', 'FINANCE', 'VIEWER')),
	PRIMARY KEY (username, role)
);
-- Bearer tokens: only a hash is kept; the token itself is shown once, when it is made.
CREATE TABLE api_token (
	id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	username   varchar(50) NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
	token_hash char(64) NOT NULL UNIQUE,
	created_at timestamptz NOT NULL DEFAULT now(),
	created_by varchar(50) NOT NULL
);
