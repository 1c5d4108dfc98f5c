// The benchmark's floor: libetpan's bare `mailmime_parse` over a buffer, nothing else.
#ifndef HEED_CETPAN_BASELINE_H
#define HEED_CETPAN_BASELINE_H
#include <stddef.h>

/// Parses `length` bytes with mailmime_parse and frees the tree. Returns libetpan's error code
/// (0 on success) and the number of parts seen in `parts`.
int heed_baseline_parse(const char *message, size_t length, size_t *parts);

#endif
