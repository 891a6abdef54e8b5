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
MVB_CPPFLAGS = -Iinclude -Ibuild -D_POSIX_C_SOURCE=200809L \
	       -DMVB_VERSION='"$(VERSION)"'
MVB_LIBS  = -lsqlite3 -lcsv
TEST_LIBS = -lcmocka

# Debian packages the build, the tests and the demo need.
PACKAGES  = libsqlite3-dev libcsv-dev libcmocka-dev sqlite3 time zsh
# The headers the build needs, each with the package that has it.
HEADERS   = sqlite3.h:libsqlite3-dev csv.h:libcsv-dev
# The benchmark's peers besides: Taskwarrior (make bench only).
BENCH_PACKAGES = taskwarrior

B         = build
SRCS      = $(wildcard src/*.c)
LIB_SRCS  = $(filter-out src/main.c,$(SRCS))
LIB_OBJS  = $(LIB_SRCS:src/%.c=$(B)/obj/%.o) $(B)/obj/migrations.o
MAIN_OBJ  = $(B)/obj/main.o
MIGRATIONS = $(sort $(wildcard migrations/*.sql))
UNIT_SRCS = $(wildcard tests/unit/test_*.c)
UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=$(B)/tests/%)
# The fixture every unit test links: set-up, tear-down, shared helpers.
FIXTURE_OBJ = $(B)/tests/fixture.o

COMPILE = $(CC) $(MVB_WARN) $(CFLAGS) $(MVB_CPPFLAGS) $(CPPFLAGS) -MMD -MP

.PHONY: all completion deps demo test check unit cli bench install uninstall clean

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
		    $(CC) $(CFLAGS) $(CPPFLAGS) -E -x c - >/dev/null 2>&1 || \
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

# The shared unit-test fixture is compiled once, then linked into each.
$(FIXTURE_OBJ): tests/unit/fixture.c Makefile | $(B)/tests
	$(COMPILE) -Itests/unit -c -o $@ $<

$(B)/tests/%: tests/unit/%.c $(FIXTURE_OBJ) $(B)/libmvb.a | $(B)/tests
	$(COMPILE) -Itests/unit $(LDFLAGS) -o $@ $< $(FIXTURE_OBJ) \
	    $(B)/libmvb.a $(MVB_LIBS) $(TEST_LIBS) $(LDLIBS)

$(B) $(B)/obj $(B)/tests:
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
	@$(MAKE) --no-print-directory mvb $(UNIT_BINS)
	@sh tests/run.sh $(UNIT_BINS)

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

-include $(wildcard $(B)/obj/*.d $(B)/tests/*.d)
