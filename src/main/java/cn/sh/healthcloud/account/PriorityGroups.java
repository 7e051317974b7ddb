package cn.sh.healthcloud.account;

import java.util.Set;

/** Stored as a JSON object: Hibernate Reactive reads JSON columns as objects, not bare arrays. */
public record PriorityGroups(Set<PriorityGroup> groups) {

    public PriorityGroups {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }
}
