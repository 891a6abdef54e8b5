/*
 * The engine boundary's entry points (include/engine.h): each passes the
 * call to the implementation the handle was opened with.
 */
#include <stddef.h>

#include "engine-impl.h"

int
engine_begin(struct db *db)
{
	return db->ops->begin(db);
}

int
engine_begin_read(struct db *db)
{
	return db->ops->begin_read(db);
}

int
engine_commit(struct db *db)
{
	return db->ops->commit(db);
}

void
engine_rollback(struct db *db)
{
	db->ops->rollback(db);
}

int
engine_exec(struct db *db, const char *sql)
{
	return db->ops->exec(db, sql);
}

struct stmt *
engine_prepare(struct db *db, const char *sql)
{
	return db->ops->prepare(db, sql);
}

int
engine_bind_text(struct stmt *stmt, int n, const char *s)
{
	return stmt->db->ops->bind_text(stmt, n, s);
}

int
engine_bind_int(struct stmt *stmt, int n, int64_t v)
{
	return stmt->db->ops->bind_int(stmt, n, v);
}

int
engine_step(struct stmt *stmt)
{
	return stmt->db->ops->step(stmt);
}

const char *
engine_column_text(struct stmt *stmt, int col)
{
	return stmt->db->ops->column_text(stmt, col);
}

int64_t
engine_column_int(struct stmt *stmt, int col)
{
	return stmt->db->ops->column_int(stmt, col);
}

int
engine_column_null(struct stmt *stmt, int col)
{
	return stmt->db->ops->column_null(stmt, col);
}

int
engine_column_count(struct stmt *stmt)
{
	return stmt->db->ops->column_count(stmt);
}

void
engine_reset(struct stmt *stmt)
{
	if (stmt != NULL)
		stmt->db->ops->reset(stmt);
}

void
engine_clear_bindings(struct stmt *stmt)
{
	stmt->db->ops->clear_bindings(stmt);
}

void
engine_finalize(struct stmt *stmt)
{
	if (stmt != NULL)
		stmt->db->ops->finalize(stmt);
}

int
engine_copy_begin(struct db *db, const char *table, const char *columns)
{
	if (db->ops->copy_begin == NULL)
		return 1;
	return db->ops->copy_begin(db, table, columns);
}

int
engine_copying(struct db *db, const char *table)
{
	return db->ops->copying != NULL && db->ops->copying(db, table);
}

int
engine_copy_row(struct db *db, const char *const *values, int n)
{
	return db->ops->copy_row(db, values, n);
}

int
engine_copy_end(struct db *db)
{
	if (db->ops->copy_end == NULL)
		return 0;
	return db->ops->copy_end(db);
}

enum engine_error
engine_error(struct db *db)
{
	return db->ops->error(db);
}

const char *
engine_errmsg(struct db *db)
{
	return db->ops->errmsg(db);
}

int
engine_code(struct db *db)
{
	return db->ops->code(db);
}

enum engine_kind
engine_kind(struct db *db)
{
	return db->kind;
}

const char *
engine_name(struct db *db)
{
	return db->name;
}

int
engine_in_transaction(struct db *db)
{
	return db->ops->in_transaction(db);
}

void
engine_close(struct db *db)
{
	if (db != NULL)
		db->ops->close(db);
}
