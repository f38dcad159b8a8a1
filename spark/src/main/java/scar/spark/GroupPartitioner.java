package scar.spark;

import org.apache.spark.Partitioner;
import scar.probe.BlockPass;

/**
 * Places blocks (keyed by block id) so that each partition holds whole aligned runs of {@link BlockPass#MAX_GROUP}
 * blocks: every sum group of every fit (SPEC §2.3) then lies in one partition, which can add its partial alone.
 */
final class GroupPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int partitions;

    GroupPartitioner(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        this.partitions = partitions;
    }

    /**
     * Partitions for {@code n} items: one per aligned run of blocks, or, when that is more than {@code most}, the
     * fewest that still hold the runs evenly (as many runs in each, give or take one: runs go to partitions in turn).
     */
    static int partitionsFor(long n, int most) {
        long span = (long) BlockPass.BLOCK * BlockPass.MAX_GROUP;
        long runs = Math.max(1, (n + span - 1) / span);
        long perPartition = (runs + Math.max(1, most) - 1) / Math.max(1, most);
        return (int) ((runs + perPartition - 1) / perPartition);
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        return Math.floorMod(((Integer) key) / BlockPass.MAX_GROUP, partitions);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GroupPartitioner g && g.partitions == partitions;
    }

    @Override
    public int hashCode() {
        return partitions;
    }
}
