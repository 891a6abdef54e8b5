/*
 * What the two engines share behind include/engine.h: the handle, the
 * statement and the table of operations each implementation fills in.
 * Private to src/engine*.c.
 */
#ifndef MVB_ENGINE_IMPL_H
#define MVB_ENGINE_IMPL_H

#include "engine.h"

struct engine_ops {
	int		 (*begin)(struct db *);
	int		 (*begin_read)(struct db *);
	int		 (*commit)(struct db *);
	void		 (*rollback)(struct db *);
	int		 (*exec)(struct db *, const char *);
	struct stmt	*(*prepare)(struct db *, const char *);
	int		 (*bind_text)(struct stmt *, int, const char *);
	int		 (*bind_int)(struct stmt *, int, int64_t);
	int		 (*step)(struct stmt *);
	const char	*(*column_text)(struct stmt *, int);
	int64_t		 (*column_int)(struct stmt *, int);
	int		 (*column_null)(struct stmt *, int);
	int		 (*column_count)(struct stmt *);
	void		 (*reset)(struct stmt *);
	void		 (*clear_bindings)(struct stmt *);
	void		 (*finalize)(struct stmt *);
	enum engine_error (*error)(struct db *);
	const char	*(*errmsg)(struct db *);
	int		 (*code)(struct db *);
	int		 (*in_transaction)(struct db *);
	void		 (*close)(struct db *);
	/* NULL for an engine without a bulk stream. */
	int		 (*copy_begin)(struct db *, const char *,
			    const char *);
	int		 (*copying)(struct db *, const char *);
	int		 (*copy_row)(struct db *, const char *const *, int);
	int		 (*copy_end)(struct db *);
};

struct db {
	const struct engine_ops	*ops;
	enum engine_kind	 kind;
	char			*name;
	void			*handle;	/* sqlite3 *, PGconn * */
	void			*state;		/* the engine's own */
};

struct stmt {
	struct db	*db;
	void		*handle;
};

#endif
