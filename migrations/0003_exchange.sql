-- Exchange (cli.md §8): the alternatives considered for a decision, with
-- their own cost figures, so that export and import carry every recorded
-- fact; and the link from one history entry to every decision it touched,
-- so that an import is one entry that each decision's history shows.

CREATE TABLE options (
	decision_id		INTEGER NOT NULL REFERENCES decisions (id),
	number			INTEGER NOT NULL CHECK (number > 0),
	name			TEXT NOT NULL,
	choice			TEXT NOT NULL
	    CHECK (choice = 'build' OR choice = 'buy' OR choice = 'oss' OR
	    choice = 'assemble'),
	currency		TEXT NOT NULL,
	one_time_cents		INTEGER NOT NULL DEFAULT 0,
	monthly_cents		INTEGER NOT NULL DEFAULT 0,
	increase_hundredths	INTEGER NOT NULL DEFAULT 0,
	ops_fte_hundredths	INTEGER NOT NULL DEFAULT 0,
	fte_cost_cents		INTEGER NOT NULL DEFAULT 0,
	lockin_cost_cents	INTEGER NOT NULL DEFAULT 0,
	lockin_prob_hundredths	INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (decision_id, number)
) WITHOUT ROWID;

-- An import links its rows as it goes to the history id it reserved, and
-- writes that entry last, once it knows how many rows it took.
CREATE TABLE history_decisions (
	history_id	INTEGER NOT NULL REFERENCES history (id)
	    DEFERRABLE INITIALLY DEFERRED,
	decision_id	INTEGER NOT NULL REFERENCES decisions (id),
	PRIMARY KEY (decision_id, history_id)
) WITHOUT ROWID;
