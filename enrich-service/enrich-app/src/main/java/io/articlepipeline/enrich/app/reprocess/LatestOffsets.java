package io.articlepipeline.enrich.app.reprocess;

import java.nio.charset.StandardCharsets;

/**
 * The offset of each article's last record in the part of a topic a reprocess covers, so that it
 * enriches only the latest revision of every article and nothing whose last record is a
 * retraction. Keys are kept as 64-bit hashes in one open-addressing table (16 bytes a key at most
 * half full: some 10 MB for 330,000 articles, where a map of strings would take several times
 * that); two keys with the same hash (about one pair in 10^8 tables of a million keys) would leave
 * one of the two articles with its earlier enrichment. Not thread-safe.
 */
final class LatestOffsets {

  /** Marks a retraction's offset: never equal to a record's offset. */
  private static final long RETRACTED = Long.MIN_VALUE;

  private long[] keys;
  private long[] offsets;
  private int size;
  private int values;

  LatestOffsets() {
    keys = new long[1024];
    offsets = new long[1024];
  }

  /** The key's hash as every part of a reprocess computes it. */
  static long hash(String key) {
    return hash(key.getBytes(StandardCharsets.UTF_8));
  }

  /** FNV-1a over the bytes, then a 64-bit finaliser (murmur3's) so the table's low bits are mixed. */
  static long hash(byte[] key) {
    long h = 0xcbf29ce484222325L;
    for (byte b : key) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    // 0 marks an empty slot
    return h == 0 ? 1 : h;
  }

  /** Records that the key's latest record so far is at {@code offset} ({@code retraction}: a tombstone). */
  void put(long hash, long offset, boolean retraction) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int at = (int) hash & mask;
    while (keys[at] != 0 && keys[at] != hash) {
      at = (at + 1) & mask;
    }
    if (keys[at] == 0) {
      keys[at] = hash;
      size++;
    } else if (offsets[at] != RETRACTED) {
      values--;
    }
    offsets[at] = retraction ? RETRACTED : offset;
    if (!retraction) {
      values++;
    }
  }

  /** True when the record at {@code offset} is its key's latest and not a retraction. */
  boolean isLatest(long hash, long offset) {
    int mask = keys.length - 1;
    int at = (int) hash & mask;
    while (keys[at] != 0) {
      if (keys[at] == hash) {
        return offsets[at] == offset;
      }
      at = (at + 1) & mask;
    }
    return false;
  }

  /** True when the key was put. */
  boolean contains(long hash) {
    int mask = keys.length - 1;
    int at = (int) hash & mask;
    while (keys[at] != 0) {
      if (keys[at] == hash) {
        return true;
      }
      at = (at + 1) & mask;
    }
    return false;
  }

  /** Keys seen. */
  int size() {
    return size;
  }

  /** Keys whose latest record is an article (not a retraction): what the reprocess enriches. */
  int articles() {
    return values;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldOffsets = offsets;
    keys = new long[oldKeys.length * 2];
    offsets = new long[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int at = (int) oldKeys[i] & mask;
        while (keys[at] != 0) {
          at = (at + 1) & mask;
        }
        keys[at] = oldKeys[i];
        offsets[at] = oldOffsets[i];
      }
    }
  }
}
