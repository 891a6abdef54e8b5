-- The evidence behind each decision: migrations/0002_evidence.sql on
-- PostgreSQL.

CREATE TABLE assumptions (
	decision_id	BIGINT NOT NULL REFERENCES decisions (id),
	number		BIGINT NOT NULL CHECK (number > 0),
	text		TEXT COLLATE "C" NOT NULL,
	status		TEXT COLLATE "C" NOT NULL DEFAULT 'holding'
	    CHECK (status IN ('holding', 'invalidated')),
	invalidated_on	TEXT COLLATE "C",
	confirmed_on	TEXT COLLATE "C",
	note		TEXT COLLATE "C",
	PRIMARY KEY (decision_id, number),
	CHECK ((status = 'invalidated') = (invalidated_on IS NOT NULL))
);

CREATE INDEX assumptions_invalidated ON assumptions (decision_id)
	WHERE status = 'invalidated';

CREATE TABLE metrics (
	decision_id	BIGINT NOT NULL REFERENCES decisions (id),
	name		TEXT COLLATE "C" NOT NULL,
	op		TEXT COLLATE "C" NOT NULL CHECK (op = '>=' OR op = '<=' OR
	    op = '>' OR op = '<'),
	target		TEXT COLLATE "C" NOT NULL,
	unit		TEXT COLLATE "C",
	target_on	TEXT COLLATE "C" NOT NULL,
	PRIMARY KEY (decision_id, name)
);

CREATE INDEX metrics_target ON metrics (target_on);

CREATE TABLE measurements (
	id		BIGINT PRIMARY KEY,
	decision_id	BIGINT NOT NULL,
	metric		TEXT COLLATE "C" NOT NULL,
	measured_on	TEXT COLLATE "C" NOT NULL,
	value		TEXT COLLATE "C" NOT NULL,
	FOREIGN KEY (decision_id, metric) REFERENCES metrics (decision_id, name)
);

CREATE TRIGGER measurements_next_id BEFORE INSERT ON measurements
	FOR EACH ROW EXECUTE FUNCTION mvb_next_id();

CREATE INDEX measurements_metric
	ON measurements (decision_id, metric, measured_on);

CREATE TABLE sunset (
	decision_id	BIGINT NOT NULL REFERENCES decisions (id),
	number		BIGINT NOT NULL CHECK (number > 0),
	expression	TEXT COLLATE "C" NOT NULL,
	kind		TEXT COLLATE "C" NOT NULL CHECK (kind = 'metric' OR
	    kind = 'monthly_cost' OR kind = 'on'),
	metric		TEXT COLLATE "C",
	op		TEXT COLLATE "C" CHECK (op = '>=' OR op = '<=' OR op = '>' OR
	    op = '<'),
	threshold	TEXT COLLATE "C",
	on_date		TEXT COLLATE "C",
	PRIMARY KEY (decision_id, number),
	FOREIGN KEY (decision_id, metric) REFERENCES metrics (decision_id, name)
);
