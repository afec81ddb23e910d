#include "cmalloc.h"
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void maalplan_keep_freed_memory(int trim_bytes, int top_pad_bytes) {
#if defined(__GLIBC__)
    mallopt(M_TRIM_THRESHOLD, trim_bytes);
    mallopt(M_TOP_PAD, top_pad_bytes);
#else
    (void)trim_bytes;
    (void)top_pad_bytes;
#endif
}
