package io.handoff.detector.stream;

import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedRocksDbMemoryTest {

    @Test
    void everyStoreSharesOneCacheAndOneWriteBufferBudget() {
        RocksDB.loadLibrary();
        BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
        try (Options conversations0 = new Options(); Options conversations1 = new Options(); Options settings = new Options()) {
            for (Options options : new Options[]{conversations0, conversations1, settings}) {
                options.setTableFormatConfig(new BlockBasedTableConfig());
                setter.setConfig("store", options, Map.of());
            }

            assertThat(conversations0.writeBufferManager()).isNotNull()
                    .isSameAs(conversations1.writeBufferManager())
                    .isSameAs(settings.writeBufferManager());
            BlockBasedTableConfig table = (BlockBasedTableConfig) conversations1.tableFormatConfig();
            assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
            assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
            assertThat(BoundedRocksDbMemory.budget()).isEqualTo(64L * 1024 * 1024);

            setter.close("store", conversations0);
            try (Options later = new Options()) {
                later.setTableFormatConfig(new BlockBasedTableConfig());
                setter.setConfig("store", later, Map.of(BoundedRocksDbMemory.BUDGET_BYTES, "1048576"));
                assertThat(later.writeBufferManager()).as("closing a store keeps the shared budget")
                        .isSameAs(settings.writeBufferManager());
            }
        }
    }
}
