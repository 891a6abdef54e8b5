-- The register core: decisions, their reviews, the history of every change
-- and the register's own settings. Dates are 'YYYY-MM-DD' text, which sorts
-- as the calendar does; money is integer cents and two-decimal quantities
-- are integer hundredths, so nothing stored is a floating-point number.
-- anchor_on and deadline_on are derived but stored, so that 'due' finds
-- what needs attention through an index instead of recomputing every row.
-- CHECKs spell out 'x = a OR x = b ...' rather than 'x IN (a, b, ...)':
-- SQLite builds a temporary b-tree for an IN list of more than two values
-- on every insert, which makes bulk imports several times slower.

CREATE TABLE settings (
	key	TEXT PRIMARY KEY NOT NULL,
	value	TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO settings (key, value) VALUES
	('review_months', '12'),
	('deadline_months', '18'),
	('currency', 'USD'),
	('fte_cost', '200000.00'),
	('within', '30d'),
	('crossover', '25000.00');

-- Facts about the register file itself (its random id for calendar UIDs).
CREATE TABLE meta (
	key	TEXT PRIMARY KEY NOT NULL,
	value	TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE decisions (
	id			INTEGER PRIMARY KEY,
	title			TEXT NOT NULL,
	capability		TEXT NOT NULL,
	choice			TEXT NOT NULL
	    CHECK (choice = 'build' OR choice = 'buy' OR choice = 'oss' OR
	    choice = 'assemble'),
	vendor			TEXT,
	owner			TEXT,
	cost_center		TEXT,
	status			TEXT NOT NULL
	    CHECK (status = 'proposed' OR status = 'active' OR
	    status = 'superseded' OR status = 'retired'),
	decided_on		TEXT NOT NULL,
	anchor_on		TEXT NOT NULL,	-- latest review, else decided_on
	next_review_on		TEXT NOT NULL,
	deadline_on		TEXT NOT NULL,	-- anchor_on + deadline_months
	rationale		TEXT,
	gate_differentiation	TEXT CHECK (gate_differentiation IN ('yes', 'no')),
	gate_maintenance	TEXT CHECK (gate_maintenance IN ('yes', 'no')),
	gate_no_alternative	TEXT CHECK (gate_no_alternative IN ('yes', 'no')),
	gate_opportunity	TEXT CHECK (gate_opportunity IN ('yes', 'no')),
	currency		TEXT NOT NULL,
	one_time_cents		INTEGER NOT NULL DEFAULT 0,
	monthly_cents		INTEGER NOT NULL DEFAULT 0,
	increase_hundredths	INTEGER NOT NULL DEFAULT 0,
	ops_fte_hundredths	INTEGER NOT NULL DEFAULT 0,
	fte_cost_cents		INTEGER NOT NULL DEFAULT 0,
	lockin_cost_cents	INTEGER NOT NULL DEFAULT 0,
	lockin_prob_hundredths	INTEGER NOT NULL DEFAULT 0,
	CHECK (anchor_on >= decided_on)
);

-- Ids are assigned in order and never reused (cli.md §3): a new id is one
-- past the largest, and no decision is ever deleted. (AUTOINCREMENT would
-- promise the same at the cost of a write to sqlite_sequence per insert.)
CREATE TRIGGER decisions_are_never_deleted BEFORE DELETE ON decisions
BEGIN
	SELECT RAISE(ABORT, 'decisions are never deleted');
END;

-- 'due' and 'report' look at open decisions by review date and deadline.
CREATE INDEX decisions_open_next ON decisions (next_review_on)
	WHERE status IN ('proposed', 'active');
CREATE INDEX decisions_open_deadline ON decisions (deadline_on)
	WHERE status IN ('proposed', 'active');

CREATE TABLE reviews (
	id		INTEGER PRIMARY KEY,
	decision_id	INTEGER NOT NULL REFERENCES decisions (id),
	reviewed_on	TEXT NOT NULL,
	outcome		TEXT NOT NULL
	    CHECK (outcome = 'keep' OR outcome = 'revise' OR
	    outcome = 'replace' OR outcome = 'retire'),
	next_review_on	TEXT,
	replaced_by	INTEGER REFERENCES decisions (id),
	notes		TEXT,
	CHECK ((outcome = 'replace') = (replaced_by IS NOT NULL))
);

CREATE INDEX reviews_decision ON reviews (decision_id, reviewed_on);
CREATE INDEX reviews_date ON reviews (reviewed_on);

-- Append-only: every change to a decision and its evidence.
CREATE TABLE history (
	id		INTEGER PRIMARY KEY,
	decision_id	INTEGER REFERENCES decisions (id),
	at		TEXT NOT NULL,	-- wall clock, UTC, ISO 8601
	who		TEXT NOT NULL,
	what		TEXT NOT NULL,
	old_value	TEXT,
	new_value	TEXT
);

CREATE INDEX history_decision ON history (decision_id, id);

CREATE TRIGGER history_is_append_only_update BEFORE UPDATE ON history
BEGIN
	SELECT RAISE(ABORT, 'history is append-only');
END;

CREATE TRIGGER history_is_append_only_delete BEFORE DELETE ON history
BEGIN
	SELECT RAISE(ABORT, 'history is append-only');
END;

-- A random id kept from the register's creation, so that calendar UIDs are
-- unique across registers and stable across runs.
INSERT INTO meta (key, value) VALUES ('register_id', lower(hex(randomblob(16))));
