package io.contactsync.platform.database;

/**
 * The objects of the application's schema that older versions made as the superuser,
 * handed to the application's role. Objects of extensions stay with the superuser (they
 * are the extension's), and so do sequences and indexes of a table, which follow it.
 */
final class ApplicationObjects {

	static final String HAND_OVER = """
			DO $$
			DECLARE
				item record;
				target oid := 'contactsync'::regrole;
			BEGIN
				FOR item IN
					SELECT c.oid::regclass AS name,
						CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
							WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind
					FROM pg_class c
					JOIN pg_namespace n ON n.oid = c.relnamespace
					WHERE n.nspname = 'public' AND c.relowner <> target AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
						AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
							AND d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
				LOOP
					EXECUTE format('ALTER %s %s OWNER TO contactsync', item.kind, item.name);
				END LOOP;
				FOR item IN
					SELECT p.oid::regprocedure AS name
					FROM pg_proc p
					JOIN pg_namespace n ON n.oid = p.pronamespace
					WHERE n.nspname = 'public' AND p.proowner <> target
						AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
							AND d.objid = p.oid AND d.deptype = 'e')
				LOOP
					EXECUTE format('ALTER ROUTINE %s OWNER TO contactsync', item.name);
				END LOOP;
				FOR item IN
					SELECT t.oid::regtype AS name
					FROM pg_type t
					JOIN pg_namespace n ON n.oid = t.typnamespace
					WHERE n.nspname = 'public' AND t.typowner <> target AND t.typtype IN ('e', 'd', 'r')
						AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
							AND d.objid = t.oid AND d.deptype = 'e')
				LOOP
					EXECUTE format('ALTER TYPE %s OWNER TO contactsync', item.name);
				END LOOP;
			END $$""";

	private ApplicationObjects() {
	}

}
