// The part of libetpan heed calls from Swift. Only the MIME module imports this.
// Wraps only what Swift cannot call directly (macros over clist).
#ifndef HEED_CETPAN_SHIM_H
#define HEED_CETPAN_SHIM_H

#include <libetpan/libetpan.h>

static inline clistiter *heed_clist_first(clist *list) {
    return list == NULL ? NULL : list->first;
}

static inline clistiter *heed_clist_next(clistiter *iter) {
    return iter == NULL ? NULL : iter->next;
}

static inline void *heed_clist_content(clistiter *iter) {
    return iter == NULL ? NULL : iter->data;
}

#endif
