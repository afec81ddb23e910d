#ifndef MAALPLAN_CMALLOC_H
#define MAALPLAN_CMALLOC_H

/// glibc's allocator, told to keep freed memory for the bulk import (see Import.keepFreedMemory):
/// no trimming below `trim_bytes` free at a heap's top, heaps grown `top_pad_bytes` at a time.
/// Does nothing where the C library is not glibc. Call before threads start.
void maalplan_keep_freed_memory(int trim_bytes, int top_pad_bytes);

#endif
