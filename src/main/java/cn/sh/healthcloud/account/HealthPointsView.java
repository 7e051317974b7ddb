package cn.sh.healthcloud.account;

import java.time.OffsetDateTime;
import java.util.List;

/** My health-points balance and a page of the ledger, newest first. */
public record HealthPointsView(long balance, List<Entry> items, int page, int size, boolean hasMore) {

    public record Entry(OffsetDateTime at, int points, String reason, String reference) {
    }
}
