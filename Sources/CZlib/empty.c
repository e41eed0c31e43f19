// Intentionally empty: the shims live in include/CZlib.h as static inline functions.
