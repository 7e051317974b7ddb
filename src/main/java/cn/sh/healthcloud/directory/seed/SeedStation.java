package cn.sh.healthcloud.directory.seed;

import cn.sh.healthcloud.directory.StationRequest;

/**
 * One synthetic station with the id it is seeded under ({@code <district code>-<serial>}), so that
 * re-seeding gives every station the same id and parent links stay valid.
 */
public record SeedStation(String id, StationRequest request) {}
