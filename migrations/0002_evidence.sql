-- The evidence behind each decision (cli.md §4 Evidence, §6): what it
-- assumed, how success is measured, and when it must be sunset. Metric
-- targets and values are normalised decimal text compared exactly in C,
-- never as floating point. A sunset criterion keeps its parsed parts so it
-- is evaluated, never re-typed, beside its canonical text.

CREATE TABLE assumptions (
	decision_id	INTEGER NOT NULL REFERENCES decisions (id),
	number		INTEGER NOT NULL CHECK (number > 0),
	text		TEXT NOT NULL,
	status		TEXT NOT NULL DEFAULT 'holding'
	    CHECK (status IN ('holding', 'invalidated')),
	invalidated_on	TEXT,
	confirmed_on	TEXT,
	note		TEXT,
	PRIMARY KEY (decision_id, number),
	CHECK ((status = 'invalidated') = (invalidated_on IS NOT NULL))
) WITHOUT ROWID;

CREATE INDEX assumptions_invalidated ON assumptions (decision_id)
	WHERE status = 'invalidated';

CREATE TABLE metrics (
	decision_id	INTEGER NOT NULL REFERENCES decisions (id),
	name		TEXT NOT NULL,
	op		TEXT NOT NULL CHECK (op = '>=' OR op = '<=' OR
	    op = '>' OR op = '<'),
	target		TEXT NOT NULL,
	unit		TEXT,
	target_on	TEXT NOT NULL,
	PRIMARY KEY (decision_id, name)
) WITHOUT ROWID;

CREATE INDEX metrics_target ON metrics (target_on);

CREATE TABLE measurements (
	id		INTEGER PRIMARY KEY,
	decision_id	INTEGER NOT NULL,
	metric		TEXT NOT NULL,
	measured_on	TEXT NOT NULL,
	value		TEXT NOT NULL,
	FOREIGN KEY (decision_id, metric) REFERENCES metrics (decision_id, name)
);

CREATE INDEX measurements_metric
	ON measurements (decision_id, metric, measured_on);

CREATE TABLE sunset (
	decision_id	INTEGER NOT NULL REFERENCES decisions (id),
	number		INTEGER NOT NULL CHECK (number > 0),
	expression	TEXT NOT NULL,	-- canonical text
	kind		TEXT NOT NULL CHECK (kind = 'metric' OR
	    kind = 'monthly_cost' OR kind = 'on'),
	metric		TEXT,		-- kind 'metric'
	op		TEXT CHECK (op = '>=' OR op = '<=' OR op = '>' OR
	    op = '<'),
	threshold	TEXT,		-- decimal, or amount for monthly_cost
	on_date		TEXT,		-- 'after DATE' or 'on DATE'
	PRIMARY KEY (decision_id, number),
	FOREIGN KEY (decision_id, metric) REFERENCES metrics (decision_id, name)
) WITHOUT ROWID;
