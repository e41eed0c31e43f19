// Thin static-inline wrappers over the system zlib (zlib1g-dev), so that Swift can call the
// macro-based init functions (`deflateInit2`, `inflateInit2`) and cast pointers.
#ifndef CZLIB_H
#define CZLIB_H

#include <zlib.h>

static inline int CZlib_deflateInit2(z_streamp stream, int level, int method, int windowBits, int memLevel,
                                     int strategy) {
    return deflateInit2(stream, level, method, windowBits, memLevel, strategy);
}

static inline unsigned long CZlib_deflateBound(z_streamp stream, unsigned long sourceLen) {
    return deflateBound(stream, sourceLen);
}

static inline int CZlib_deflate(z_streamp stream, int flush) { return deflate(stream, flush); }

static inline int CZlib_deflateReset(z_streamp stream) { return deflateReset(stream); }

static inline int CZlib_deflateEnd(z_streamp stream) { return deflateEnd(stream); }

static inline int CZlib_inflateInit2(z_streamp stream, int windowBits) { return inflateInit2(stream, windowBits); }

static inline int CZlib_inflate(z_streamp stream, int flush) { return inflate(stream, flush); }

static inline int CZlib_inflateReset(z_streamp stream) { return inflateReset(stream); }

static inline int CZlib_inflateEnd(z_streamp stream) { return inflateEnd(stream); }

static inline Bytef *CZlib_castVoidToBytefPointer(void *in) { return (Bytef *)in; }

static inline const char *CZlib_version(void) { return zlibVersion(); }

#endif  // CZLIB_H
