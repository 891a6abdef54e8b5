-- The import's history links checked a statement at a time (mvb(1) SHARED
-- REGISTER). An import links every decision it creates to its one history
-- entry; as foreign keys, each link cost the server two row-by-row checks,
-- more than the import's own rows. The same two rules are kept here as
-- statement triggers, each one query over all the rows a statement
-- inserted, updated or removed: a link names a decision and a history entry
-- that exist, and neither can go while a link names it. PostgreSQL only:
-- SQLite's row checks cost next to nothing.

ALTER TABLE history_decisions
	DROP CONSTRAINT history_decisions_decision_id_fkey;

CREATE FUNCTION mvb_links_named() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM mvb_links l WHERE NOT EXISTS
	    (SELECT 1 FROM decisions d WHERE d.id = l.decision_id)) THEN
		RAISE foreign_key_violation USING MESSAGE =
		    'history_decisions: a link names no decision';
	END IF;
	RETURN NULL;
END $$;

CREATE TRIGGER mvb_links_insert AFTER INSERT ON history_decisions
	REFERENCING NEW TABLE AS mvb_links
	FOR EACH STATEMENT EXECUTE FUNCTION mvb_links_named();
CREATE TRIGGER mvb_links_update AFTER UPDATE ON history_decisions
	REFERENCING NEW TABLE AS mvb_links
	FOR EACH STATEMENT EXECUTE FUNCTION mvb_links_named();

-- The other side, rarely met (mvb never removes a decision or an entry, nor
-- changes an id): a row at a time, and for an update only when the id
-- changes, so that updating every decision (config deadline_months) costs
-- nothing here.
CREATE FUNCTION mvb_links_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_TABLE_NAME = 'decisions' AND EXISTS (SELECT 1 FROM
	    history_decisions WHERE decision_id = OLD.id) THEN
		RAISE foreign_key_violation USING MESSAGE =
		    'decisions: a history link names decision ' || OLD.id;
	END IF;
	IF TG_TABLE_NAME = 'history' AND EXISTS (SELECT 1 FROM
	    history_decisions WHERE history_id = OLD.id) THEN
		RAISE foreign_key_violation USING MESSAGE =
		    'history: a history link names entry ' || OLD.id;
	END IF;
	RETURN NULL;
END $$;

CREATE FUNCTION mvb_links_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM history_decisions) THEN
		RAISE foreign_key_violation USING MESSAGE =
		    TG_TABLE_NAME || ': history links name its rows';
	END IF;
	RETURN NULL;
END $$;

CREATE TRIGGER mvb_links_decision_delete AFTER DELETE ON decisions
	FOR EACH ROW EXECUTE FUNCTION mvb_links_kept();
CREATE TRIGGER mvb_links_decision_update AFTER UPDATE OF id ON decisions
	FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
	EXECUTE FUNCTION mvb_links_kept();
CREATE TRIGGER mvb_links_decision_truncate BEFORE TRUNCATE ON decisions
	FOR EACH STATEMENT EXECUTE FUNCTION mvb_links_truncate();
CREATE TRIGGER mvb_links_entry_delete AFTER DELETE ON history
	FOR EACH ROW EXECUTE FUNCTION mvb_links_kept();
CREATE TRIGGER mvb_links_entry_update AFTER UPDATE OF id ON history
	FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
	EXECUTE FUNCTION mvb_links_kept();
CREATE TRIGGER mvb_links_entry_truncate BEFORE TRUNCATE ON history
	FOR EACH STATEMENT EXECUTE FUNCTION mvb_links_truncate();
