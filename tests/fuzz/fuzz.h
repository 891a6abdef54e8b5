/*
 * What the fuzz targets share: the libFuzzer entry points each defines,
 * and a few helpers. Built with clang -fsanitize=fuzzer for 'make fuzz',
 * or with any compiler and replay.c's main() for 'make test', which runs
 * every input under tests/fuzz/regress/ and tests/fuzz/corpus/ once.
 */
#ifndef MVB_FUZZ_H
#define MVB_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A NUL-terminated copy of data (free it). */
char *fuzz_string(const uint8_t *data, size_t size);
/* Stop the run: a property the code promises does not hold. */
void fuzz_fail(const char *what, const char *detail);

#endif
