package cn.sh.healthcloud.account;

import java.util.List;

/** A page of reports, newest first. */
public record ReportPage(List<ReportView> items, int page, int size, boolean hasMore) {
}
