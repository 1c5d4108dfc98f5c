#include "CEtPanBaseline.h"
#include <libetpan/libetpan.h>
#include <stdlib.h>

/* Counts parts with an explicit stack so that the walk costs the same as heed's iterative one
   and cannot overflow on deep trees. */
static size_t count_parts(struct mailmime *root) {
    size_t count = 0, depth = 0, cap = 64;
    struct mailmime **stack = malloc(cap * sizeof *stack);
    if (stack == NULL) return 0;
    stack[depth++] = root;
    while (depth > 0) {
        struct mailmime *m = stack[--depth];
        count++;
        if (m->mm_type == MAILMIME_MULTIPLE) {
            for (clistiter *c = clist_begin(m->mm_data.mm_multipart.mm_mp_list); c != NULL; c = clist_next(c)) {
                if (depth == cap) {
                    struct mailmime **grown = realloc(stack, 2 * cap * sizeof *stack);
                    if (grown == NULL) { free(stack); return count; }
                    stack = grown;
                    cap *= 2;
                }
                stack[depth++] = clist_content(c);
            }
        } else if (m->mm_type == MAILMIME_MESSAGE && m->mm_data.mm_message.mm_msg_mime != NULL) {
            if (depth == cap) {
                struct mailmime **grown = realloc(stack, 2 * cap * sizeof *stack);
                if (grown == NULL) { free(stack); return count; }
                stack = grown;
                cap *= 2;
            }
            stack[depth++] = m->mm_data.mm_message.mm_msg_mime;
        }
    }
    free(stack);
    return count;
}

int heed_baseline_parse(const char *message, size_t length, size_t *parts) {
    size_t index = 0;
    struct mailmime *result = NULL;
    int r = mailmime_parse(message, length, &index, &result);
    *parts = 0;
    if (r == MAILIMF_NO_ERROR && result != NULL) {
        *parts = count_parts(result);
        mailmime_free(result);
    }
    return r;
}
