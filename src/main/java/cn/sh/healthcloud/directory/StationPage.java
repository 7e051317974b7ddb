package cn.sh.healthcloud.directory;

import java.util.List;

/** One page of search results; {@code total} counts every match, {@code page} is zero-based. */
public record StationPage(List<StationSummary> items, int page, int size, long total, String crs) {
}
