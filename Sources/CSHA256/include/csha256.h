#ifndef MAALPLAN_CSHA256_H
#define MAALPLAN_CSHA256_H
#include <stddef.h>
#include <stdint.h>

/// SHA-256 (FIPS 180-4) of `length` bytes into `digest` (32 bytes). Uses the CPU's SHA
/// instructions (x86 SHA-NI) where it has them, portable C otherwise.
void maalplan_sha256(const uint8_t *data, size_t length, uint8_t digest[32]);

/// The same with a chosen implementation, for tests: 0 portable C, 1 SHA-NI.
/// Returns -1 (and leaves `digest`) when that implementation is not available here.
int maalplan_sha256_with(int implementation, const uint8_t *data, size_t length, uint8_t digest[32]);

#endif
