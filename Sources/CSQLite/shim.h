#ifndef CSQLITE_SHIM_H
#define CSQLITE_SHIM_H
#include <sqlite3.h>

/// SQLITE_TRANSIENT is a macro casting -1 to a function pointer; Swift cannot import it.
/// Passing it to a bind call makes SQLite copy the bytes before the call returns, so Swift may free them.
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }

/// The flag asking sqlite3_prepare_v3 to keep a statement long-lived (statement cache), typed as the
/// function reads it (`unsigned int`), so Swift need not convert the macro's `int`.
static inline unsigned int csqlite_prepare_persistent(void) { return SQLITE_PREPARE_PERSISTENT; }

#endif
