# mvb — build, test, demo and install.
#
#   make            build ./mvb
#   make demo       install missing packages, build, load sample-data/ into a
#                   throwaway register and show what is due
#   make test       install missing packages, build, run every test
#   make check      the same as make test
#   make bench      time mvb against sqlite3 and Taskwarrior at 10k, 100k and
#                   1M decisions (BENCH_SIZES=10000 for a short run);
#                   writes BENCHMARKS.md
#   make fuzz       run each libFuzzer target in tests/fuzz/ for FUZZ_SECONDS
#                   (default 60) with clang; a crash is left in build/fuzz/
#   make test-valgrind  the CLI tests with mvb under valgrind memcheck
#   make install    PREFIX=/usr/local DESTDIR= honoured; the man page and
#                   the bash and zsh completion too
#
# CC, CFLAGS, CPPFLAGS, LDFLAGS and LDLIBS given on the command line are
# honoured; the project's own include paths, warnings and libraries always
# apply.

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR    = $(PREFIX)/bin
MANDIR    = $(PREFIX)/share/man/man1
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  = $(PREFIX)/share/zsh/site-functions

CFLAGS   ?= -O2 -g
MVB_WARN  = -std=c11 -Wall -Wextra -Werror -Wpedantic
MVB_CPPFLAGS = -Iinclude -Ibuild -I/usr/include/postgresql -D_POSIX_C_SOURCE=200809L \
	       -DMVB_VERSION='"$(VERSION)"'
MVB_LIBS  = -lsqlite3 -lcsv -lpq
TEST_LIBS = -lcmocka

# Debian packages the build, the tests and the demo need.
PACKAGES  = libsqlite3-dev libcsv-dev libcmocka-dev libpq-dev postgresql \
	    sqlite3 time zsh
# The headers the build needs, each with the package that has it.
HEADERS   = sqlite3.h:libsqlite3-dev csv.h:libcsv-dev libpq-fe.h:libpq-dev
# The benchmark's peers besides: Taskwarrior (make bench only).
BENCH_PACKAGES = taskwarrior

B         = build
SRCS      = $(wildcard src/*.c)
LIB_SRCS  = $(filter-out src/main.c,$(SRCS))
LIB_OBJS  = $(LIB_SRCS:src/%.c=$(B)/obj/%.o) $(B)/obj/migrations.o \
	    $(B)/obj/migrations-pg.o
MAIN_OBJ  = $(B)/obj/main.o
MIGRATIONS = $(sort $(wildcard migrations/*.sql))
# The same schema on PostgreSQL, step for step.
PG_MIGRATIONS = $(sort $(wildcard migrations/pg/*.sql))
UNIT_SRCS = $(wildcard tests/unit/test_*.c)
UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=$(B)/tests/%)
# The fixture every unit test links: set-up, tear-down, shared helpers.
FIXTURE_OBJ = $(B)/tests/fixture.o

# The fuzz targets (tests/fuzz/fuzz_NAME.c): built with any compiler as
# replay programs that 'make test' runs on every saved input, and with clang
# and libFuzzer for 'make fuzz'.
FUZZ_TARGETS = cmdline dates import money sunset
FUZZ_REPLAYS = $(FUZZ_TARGETS:%=$(B)/fuzz/replay_%)
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_FLAGS   = -g -O1 -fno-omit-frame-pointer \
	       -fsanitize=fuzzer-no-link,address,undefined \
	       -fno-sanitize-recover=undefined

COMPILE = $(CC) $(MVB_WARN) $(CFLAGS) $(MVB_CPPFLAGS) $(CPPFLAGS) -MMD -MP

.PHONY: all completion deps demo test check unit cli bench fuzz \
	test-valgrind install uninstall clean

all: mvb completion

# The completion scripts, written by mvb from its command table.
completion: $(B)/mvb.bash $(B)/_mvb

$(B)/mvb.bash: mvb
	./mvb __complete bash > $@.tmp && mv $@.tmp $@

$(B)/_mvb: mvb
	./mvb __complete zsh > $@.tmp && mv $@.tmp $@

# Before compiling: say which packages are missing rather than fail on a
# header (each header is tried with the compiler as the build will).
$(B)/headers-ok: | $(B)
	@missing=; for hp in $(HEADERS); do \
		printf '#include <%s>\n' "$${hp%%:*}" | \
		    $(CC) $(CFLAGS) $(CPPFLAGS) -I/usr/include/postgresql \
		    -E -x c - >/dev/null 2>&1 || \
		    missing="$$missing $${hp#*:}"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "mvb: missing packages:$$missing" >&2; \
		echo "mvb: 'make deps' installs them ('make demo' and" \
		    "'make test' too)" >&2; \
		exit 1; \
	fi; \
	touch $@

mvb: $(MAIN_OBJ) $(B)/libmvb.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(MAIN_OBJ) $(B)/libmvb.a $(MVB_LIBS) \
	    $(LDLIBS)

$(B)/libmvb.a: $(LIB_OBJS)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJS)

# Objects depend on the Makefile too: it holds the version and the flags.
$(B)/obj/%.o: src/%.c Makefile | $(B)/obj $(B)/headers-ok
	$(COMPILE) -c -o $@ $<

$(B)/obj/migrations.o: $(B)/migrations.c | $(B)/obj
	$(COMPILE) -c -o $@ $<

# The migrations are compiled into the binary by a small generator.
$(B)/embed: src/tools/embed.c | $(B)
	$(CC) $(MVB_WARN) $(CFLAGS) $(CPPFLAGS) $(LDFLAGS) -o $@ $<

$(B)/migrations.c: $(B)/embed $(MIGRATIONS)
	$(B)/embed $(MIGRATIONS) > $@.tmp && mv $@.tmp $@

$(B)/obj/migrations-pg.o: $(B)/migrations-pg.c | $(B)/obj
	$(COMPILE) -c -o $@ $<

$(B)/migrations-pg.c: $(B)/embed $(PG_MIGRATIONS)
	$(B)/embed -n pg_migrations $(PG_MIGRATIONS) > $@.tmp && \
	    mv $@.tmp $@

# The shared unit-test fixture is compiled once, then linked into each.
$(FIXTURE_OBJ): tests/unit/fixture.c Makefile | $(B)/tests
	$(COMPILE) -Itests/unit -c -o $@ $<

$(B)/tests/%: tests/unit/%.c $(FIXTURE_OBJ) $(B)/libmvb.a | $(B)/tests
	$(COMPILE) -Itests/unit $(LDFLAGS) -o $@ $< $(FIXTURE_OBJ) \
	    $(B)/libmvb.a $(MVB_LIBS) $(TEST_LIBS) $(LDLIBS)

# Replay programs: the target and replay.c's main(), any compiler.
$(B)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.c \
    tests/fuzz/fuzz.h $(B)/libmvb.a | $(B)/fuzz
	$(COMPILE) -Itests/fuzz $(LDFLAGS) -o $@ $< tests/fuzz/replay.c \
	    tests/fuzz/fuzz.c $(B)/libmvb.a $(MVB_LIBS) $(LDLIBS)

# libFuzzer programs: the library again, instrumented, in its own folder.
FUZZ_OBJS = $(LIB_SRCS:src/%.c=$(B)/fuzzer/obj/%.o) $(B)/fuzzer/obj/migrations.o \
	    $(B)/fuzzer/obj/migrations-pg.o
FUZZ_COMPILE = $(FUZZ_CC) $(MVB_WARN) $(FUZZ_FLAGS) $(MVB_CPPFLAGS) $(CPPFLAGS)

$(B)/fuzzer/obj/%.o: src/%.c Makefile | $(B)/fuzzer/obj
	$(FUZZ_COMPILE) -c -o $@ $<

$(B)/fuzzer/obj/migrations.o: $(B)/migrations.c | $(B)/fuzzer/obj
	$(FUZZ_COMPILE) -c -o $@ $<

$(B)/fuzzer/obj/migrations-pg.o: $(B)/migrations-pg.c | $(B)/fuzzer/obj
	$(FUZZ_COMPILE) -c -o $@ $<

$(B)/fuzzer/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.c tests/fuzz/fuzz.h \
    $(FUZZ_OBJS) | $(B)/fuzzer
	$(FUZZ_COMPILE) -Itests/fuzz -fsanitize=fuzzer -o $@ $< \
	    tests/fuzz/fuzz.c $(FUZZ_OBJS) $(MVB_LIBS) $(LDLIBS)

# Each target from its seeds in tests/fuzz/corpus/NAME/ (read only; what it
# finds goes to build/fuzz/corpus/NAME/); a crash is written to
# build/fuzz/crash-NAME-* and fails the run: copy it to
# tests/fuzz/regress/NAME/ so that 'make test' replays it.
fuzz: $(FUZZ_TARGETS:%=$(B)/fuzzer/fuzz_%)
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p $(CURDIR)/$(B)/fuzz/corpus/$$t || exit 1; \
		echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
		$(B)/fuzzer/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) \
		    -print_final_stats=1 -timeout=20 -rss_limit_mb=4096 \
		    -artifact_prefix=$(CURDIR)/$(B)/fuzz/crash-$$t- \
		    $(CURDIR)/$(B)/fuzz/corpus/$$t \
		    $(CURDIR)/tests/fuzz/corpus/$$t \
		    >$(B)/fuzz/$$t.log 2>&1; rc=$$?; \
		grep -E '^#[0-9]+.*INITED' $(B)/fuzz/$$t.log; \
		grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' $(B)/fuzz/$$t.log | \
		    tail -n 1; \
		grep -E '^stat::number_of_executed_units' $(B)/fuzz/$$t.log; \
		if [ $$rc -ne 0 ]; then \
			tail -n 40 $(B)/fuzz/$$t.log; exit 1; \
		fi; \
	done

# The CLI tests with every mvb run under valgrind memcheck (see
# tests/valgrind.sh for which runs and why).
test-valgrind: deps
	@$(MAKE) --no-print-directory mvb $(FUZZ_REPLAYS)
	@sh tests/valgrind.sh

$(B) $(B)/obj $(B)/tests $(B)/fuzz $(B)/fuzzer $(B)/fuzzer/obj:
	mkdir -p $@

# Install whatever of $(PACKAGES) is missing, with sudo when not root.
deps:
	@missing=; for p in $(PACKAGES) $(EXTRA_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | \
			grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		sudo=; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
		echo "installing:$$missing"; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi

demo: deps
	@$(MAKE) --no-print-directory mvb
	@sh sample-data/demo.sh ./mvb

test: deps
	@$(MAKE) --no-print-directory mvb $(UNIT_BINS) $(FUZZ_REPLAYS)
	@sh tests/run.sh $(UNIT_BINS)
	@echo "PostgreSQL pass: the CLI tests on a throwaway server"
	@MVB_TEST_ENGINE=pg sh tests/run.sh --cli-only

# The GNU name for the same thing.
check: test

unit: mvb $(UNIT_BINS)
	@sh tests/run.sh --unit-only $(UNIT_BINS)

cli: mvb
	@sh tests/run.sh --cli-only

bench:
	@$(MAKE) --no-print-directory deps EXTRA_PACKAGES='$(BENCH_PACKAGES)'
	@$(MAKE) --no-print-directory mvb
	@sh tests/bench.sh ./mvb

install: mvb completion
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) \
	    $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 755 mvb $(DESTDIR)$(BINDIR)/mvb
	install -m 644 mvb.1 $(DESTDIR)$(MANDIR)/mvb.1
	install -m 644 $(B)/mvb.bash $(DESTDIR)$(BASHCOMPDIR)/mvb
	install -m 644 $(B)/_mvb $(DESTDIR)$(ZSHCOMPDIR)/_mvb

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/mvb $(DESTDIR)$(MANDIR)/mvb.1 \
	    $(DESTDIR)$(BASHCOMPDIR)/mvb $(DESTDIR)$(ZSHCOMPDIR)/_mvb

clean:
	rm -rf $(B) mvb

-include $(wildcard $(B)/obj/*.d $(B)/tests/*.d $(B)/fuzz/*.d \
    $(B)/fuzzer/obj/*.d)
