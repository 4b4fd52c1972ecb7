// libedit's readline-compatible API. The explicit <editline/...> path keeps
// GNU readline's <readline/readline.h> (if also installed) out of the way.
#include <stdio.h>
#include <editline/readline.h>
