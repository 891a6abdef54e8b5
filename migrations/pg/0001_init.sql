-- The register core on PostgreSQL: the same tables and columns as
-- migrations/0001_init.sql (tests/cli/test-pg-schema.sh compares them),
-- written in PostgreSQL's words. Integers are BIGINT, as SQLite's are 64
-- bits; ids are assigned by the writer under the write lock (one past the
-- largest), as on a file. mvb_version marks the database as an mvb
-- register and holds the schema version (SQLite's user_version). Text
-- columns compare byte by byte (COLLATE "C"), as SQLite's do, so that
-- every ORDER BY sorts the same on both.

CREATE TABLE mvb_version (
	version	INTEGER NOT NULL
);
INSERT INTO mvb_version (version) VALUES (0);

CREATE TABLE settings (
	key	TEXT COLLATE "C" PRIMARY KEY NOT NULL,
	value	TEXT COLLATE "C" NOT NULL
);

INSERT INTO settings (key, value) VALUES
	('review_months', '12'),
	('deadline_months', '18'),
	('currency', 'USD'),
	('fte_cost', '200000.00'),
	('within', '30d'),
	('crossover', '25000.00');

CREATE TABLE meta (
	key	TEXT COLLATE "C" PRIMARY KEY NOT NULL,
	value	TEXT COLLATE "C" NOT NULL
);

CREATE TABLE decisions (
	id			BIGINT PRIMARY KEY,
	title			TEXT COLLATE "C" NOT NULL,
	capability		TEXT COLLATE "C" NOT NULL,
	choice			TEXT COLLATE "C" NOT NULL
	    CHECK (choice = 'build' OR choice = 'buy' OR choice = 'oss' OR
	    choice = 'assemble'),
	vendor			TEXT COLLATE "C",
	owner			TEXT COLLATE "C",
	cost_center		TEXT COLLATE "C",
	status			TEXT COLLATE "C" NOT NULL
	    CHECK (status = 'proposed' OR status = 'active' OR
	    status = 'superseded' OR status = 'retired'),
	decided_on		TEXT COLLATE "C" NOT NULL,
	anchor_on		TEXT COLLATE "C" NOT NULL,
	next_review_on		TEXT COLLATE "C" NOT NULL,
	deadline_on		TEXT COLLATE "C" NOT NULL,
	rationale		TEXT COLLATE "C",
	gate_differentiation	TEXT COLLATE "C" CHECK (gate_differentiation IN ('yes', 'no')),
	gate_maintenance	TEXT COLLATE "C" CHECK (gate_maintenance IN ('yes', 'no')),
	gate_no_alternative	TEXT COLLATE "C" CHECK (gate_no_alternative IN ('yes', 'no')),
	gate_opportunity	TEXT COLLATE "C" CHECK (gate_opportunity IN ('yes', 'no')),
	currency		TEXT COLLATE "C" NOT NULL,
	one_time_cents		BIGINT NOT NULL DEFAULT 0,
	monthly_cents		BIGINT NOT NULL DEFAULT 0,
	increase_hundredths	BIGINT NOT NULL DEFAULT 0,
	ops_fte_hundredths	BIGINT NOT NULL DEFAULT 0,
	fte_cost_cents		BIGINT NOT NULL DEFAULT 0,
	lockin_cost_cents	BIGINT NOT NULL DEFAULT 0,
	lockin_prob_hundredths	BIGINT NOT NULL DEFAULT 0,
	CHECK (anchor_on >= decided_on)
);

CREATE FUNCTION mvb_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION '%', TG_ARGV[0];
END
$$;

-- An id left NULL takes one past the largest, as SQLite's INTEGER PRIMARY
-- KEY does; writers hold the write lock, so no two take the same.
CREATE FUNCTION mvb_next_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.id IS NULL THEN
		EXECUTE format('SELECT coalesce(max(id), 0) + 1 FROM %I',
		    TG_TABLE_NAME) INTO NEW.id;
	END IF;
	RETURN NEW;
END
$$;

CREATE TRIGGER decisions_next_id BEFORE INSERT ON decisions
	FOR EACH ROW EXECUTE FUNCTION mvb_next_id();

CREATE TRIGGER decisions_are_never_deleted BEFORE DELETE ON decisions
	FOR EACH ROW EXECUTE FUNCTION mvb_refuse('decisions are never deleted');

CREATE INDEX decisions_open_next ON decisions (next_review_on)
	WHERE status IN ('proposed', 'active');
CREATE INDEX decisions_open_deadline ON decisions (deadline_on)
	WHERE status IN ('proposed', 'active');

CREATE TABLE reviews (
	id		BIGINT PRIMARY KEY,
	decision_id	BIGINT NOT NULL REFERENCES decisions (id),
	reviewed_on	TEXT COLLATE "C" NOT NULL,
	outcome		TEXT COLLATE "C" NOT NULL
	    CHECK (outcome = 'keep' OR outcome = 'revise' OR
	    outcome = 'replace' OR outcome = 'retire'),
	next_review_on	TEXT COLLATE "C",
	replaced_by	BIGINT REFERENCES decisions (id),
	notes		TEXT COLLATE "C",
	CHECK ((outcome = 'replace') = (replaced_by IS NOT NULL))
);

CREATE TRIGGER reviews_next_id BEFORE INSERT ON reviews
	FOR EACH ROW EXECUTE FUNCTION mvb_next_id();

CREATE INDEX reviews_decision ON reviews (decision_id, reviewed_on);
CREATE INDEX reviews_date ON reviews (reviewed_on);

CREATE TABLE history (
	id		BIGINT PRIMARY KEY,
	decision_id	BIGINT REFERENCES decisions (id),
	at		TEXT COLLATE "C" NOT NULL,
	who		TEXT COLLATE "C" NOT NULL,
	what		TEXT COLLATE "C" NOT NULL,
	old_value	TEXT COLLATE "C",
	new_value	TEXT COLLATE "C"
);

CREATE TRIGGER history_next_id BEFORE INSERT ON history
	FOR EACH ROW EXECUTE FUNCTION mvb_next_id();

CREATE INDEX history_decision ON history (decision_id, id);

CREATE TRIGGER history_is_append_only_update BEFORE UPDATE ON history
	FOR EACH ROW EXECUTE FUNCTION mvb_refuse('history is append-only');
CREATE TRIGGER history_is_append_only_delete BEFORE DELETE ON history
	FOR EACH ROW EXECUTE FUNCTION mvb_refuse('history is append-only');

INSERT INTO meta (key, value) VALUES
	('register_id', md5(random()::text || clock_timestamp()::text));

-- SQLite's instr(), for the portable queries: where needle starts in
-- haystack, from 1, or 0.
CREATE FUNCTION instr(haystack TEXT, needle TEXT) RETURNS INTEGER
LANGUAGE sql IMMUTABLE AS 'SELECT strpos(haystack, needle)';

-- mvb_add_months(DATE, N): date.h's month arithmetic (the day kept, or the
-- month's last when it has fewer); NULL for what is not a real date.
CREATE FUNCTION mvb_add_months(d TEXT, n BIGINT) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
	IF d IS NULL OR n IS NULL OR n < 0 OR
	    d !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' OR
	    substr(d, 1, 4) = '0000' THEN
		RETURN NULL;
	END IF;
	RETURN to_char(to_date(d, 'YYYY-MM-DD') +
	    make_interval(months => n::int), 'YYYY-MM-DD');
EXCEPTION WHEN others THEN
	RETURN NULL;
END
$$;
