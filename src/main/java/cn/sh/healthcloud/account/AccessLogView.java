package cn.sh.healthcloud.account;

import java.time.OffsetDateTime;
import java.util.List;

/** A page of who read my data, newest first. */
public record AccessLogView(List<Entry> items, int page, int size, boolean hasMore) {

    public record Entry(OffsetDateTime at, String who, String role, String what, String why) {

        static Entry of(AccessLogEntry e) {
            return new Entry(e.accessedAt, e.accessorName, e.accessorRole, e.what, e.why);
        }
    }
}
