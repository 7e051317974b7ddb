package cn.sh.healthcloud.account;

import java.util.List;

/** A page of observations, newest first. {@code hasMore} instead of a total: counting a long history costs a scan. */
public record ObservationPage(List<ObservationView> items, int page, int size, boolean hasMore) {
}
