-- Options and the import's history links: migrations/0003_exchange.sql on
-- PostgreSQL.

CREATE TABLE options (
	decision_id		BIGINT NOT NULL REFERENCES decisions (id),
	number			BIGINT NOT NULL CHECK (number > 0),
	name			TEXT COLLATE "C" NOT NULL,
	choice			TEXT COLLATE "C" NOT NULL
	    CHECK (choice = 'build' OR choice = 'buy' OR choice = 'oss' OR
	    choice = 'assemble'),
	currency		TEXT COLLATE "C" NOT NULL,
	one_time_cents		BIGINT NOT NULL DEFAULT 0,
	monthly_cents		BIGINT NOT NULL DEFAULT 0,
	increase_hundredths	BIGINT NOT NULL DEFAULT 0,
	ops_fte_hundredths	BIGINT NOT NULL DEFAULT 0,
	fte_cost_cents		BIGINT NOT NULL DEFAULT 0,
	lockin_cost_cents	BIGINT NOT NULL DEFAULT 0,
	lockin_prob_hundredths	BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (decision_id, number)
);

CREATE TABLE history_decisions (
	history_id	BIGINT NOT NULL REFERENCES history (id)
	    DEFERRABLE INITIALLY DEFERRED,
	decision_id	BIGINT NOT NULL REFERENCES decisions (id),
	PRIMARY KEY (decision_id, history_id)
);
