// Intentionally empty: see include/CZlibBaseline.h.
