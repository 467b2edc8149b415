package io.handoff.detector.stream;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

import java.util.Map;

/**
 * Puts the native memory of all the detector's RocksDB stores under one budget
 * ({@code handoff.detector.rocksdb-memory}, 64 MiB by default), outside the Java heap.
 *
 * <p>Left to Kafka Streams' defaults, every store instance (one per conversation partition the
 * instance holds, plus the settings store) has a block cache of its own and up to three memtables of
 * 16 MiB, so the detector's resident memory grows with the partitions it is given, past a container's
 * limit. Here they share one LRU block cache of the budget; memtables are charged to the same cache
 * through a write buffer manager (a quarter of the budget), and index and filter blocks live in the
 * cache too. A read that misses the cache goes to the files on disk, so a small budget costs reads,
 * not correctness.
 */
public class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** The Kafka Streams property that carries the budget in bytes to every store's setter. */
    public static final String BUDGET_BYTES = "handoff.rocksdb.memory.bytes";

    static final long DEFAULT_BUDGET = 64L * 1024 * 1024;

    private static Cache cache;
    private static WriteBufferManager writeBuffers;
    private static long budget;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object configured = configs.get(BUDGET_BYTES);
        long bytes = configured == null ? DEFAULT_BUDGET : Long.parseLong(configured.toString());
        share(bytes);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(writeBuffers);
    }

    /** One cache and one write buffer manager for every store of this JVM, made by the first store. */
    private static synchronized void share(long bytes) {
        if (cache == null) {
            // a tenth kept for index and filter blocks, so data blocks do not push them out
            cache = new LRUCache(bytes, -1, false, 0.1);
            writeBuffers = new WriteBufferManager(bytes / 4, cache);
            budget = bytes;
        }
    }

    /** The budget the shared cache was made with: the first store's, for every later one. */
    static synchronized long budget() {
        return budget;
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager outlive any one store: every store of this JVM uses them
    }
}
