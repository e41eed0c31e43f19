// zlib alone, for the codec benchmarks' baseline: one-shot compress2/uncompress, no framing.
#ifndef CZLIB_BASELINE_H
#define CZLIB_BASELINE_H
#include <zlib.h>
#include <stddef.h>

/// Compresses src into dst (capacity *dst_len) at level; returns Z_OK and sets *dst_len.
static inline int zb_compress(unsigned char *dst, unsigned long *dst_len, const unsigned char *src, size_t src_len,
                              int level) {
    return compress2(dst, dst_len, src, (uLong)src_len, level);
}

/// Decompresses src into dst (capacity *dst_len); returns Z_OK and sets *dst_len.
static inline int zb_uncompress(unsigned char *dst, unsigned long *dst_len, const unsigned char *src, size_t src_len) {
    return uncompress(dst, dst_len, src, (uLong)src_len);
}

static inline unsigned long zb_bound(size_t len) { return compressBound((uLong)len); }
#endif
