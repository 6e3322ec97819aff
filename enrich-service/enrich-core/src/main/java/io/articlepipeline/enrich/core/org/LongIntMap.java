package io.articlepipeline.enrich.core.org;

/** Open-addressing map from non-zero long keys to int values; read-only after building. */
public final class LongIntMap {

  private final long[] keys;
  private final int[] values;
  private final int mask;
  private int size;

  public LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    keys = new long[cap];
    values = new int[cap];
    mask = cap - 1;
  }

  /** Puts a key (must be non-zero). */
  public void put(long key, int value) {
    int i = slot(key);
    while (keys[i] != 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (keys[i] == 0) {
      size++;
    }
    keys[i] = key;
    values[i] = value;
  }

  /** The value of {@code key}, or -1. */
  public int get(long key) {
    int i = slot(key);
    long k;
    while ((k = keys[i]) != 0) {
      if (k == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  public int size() {
    return size;
  }

  private int slot(long key) {
    return (int) (key ^ (key >>> 31)) & mask;
  }
}
