/*
 * Shell completion (mvb(1) COMPLETION): 'mvb __complete' writes the bash and
 * zsh scripts from the command table, and answers them at run time with
 * the decision ids of the register and the quarters. Hidden: not a command
 * of the table, not in 'mvb --help'.
 */
#ifndef MVB_COMPLETE_H
#define MVB_COMPLETE_H

#include "cmd.h"

/*
 * Run 'mvb __complete WHAT ...' (argv[0] is "__complete"): bash, zsh,
 * ids [--db PATH] [PREFIX], quarters, or table. Returns 0, or -1 with a
 * usage error for an unknown WHAT.
 */
int complete_main(struct ctx *ctx, int argc, char **argv);

#endif
