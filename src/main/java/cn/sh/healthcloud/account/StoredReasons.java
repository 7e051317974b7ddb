package cn.sh.healthcloud.account;

import cn.sh.healthcloud.assessment.stratification.Reason;
import java.util.List;

/** A class's reasons as stored: a JSON object, as Hibernate Reactive and jsonb columns here want (see PriorityGroups). */
public record StoredReasons(List<Reason> items) {

    public StoredReasons {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
